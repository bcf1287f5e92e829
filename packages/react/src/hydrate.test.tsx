/** @jsxImportSource react */
// Hydration: the browser renders exactly what the server sent (no mismatch), then follows the runtime.
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../sdk/test/collector-double';
import { freshPage } from '../../sdk/test/page';
import { ConsentGate } from './gate';
import { ConsentProvider, type ConsentProviderProps } from './provider';

const roots: Array<{ unmount(): void }> = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
});

const Page = (props: ConsentProviderProps) => (
  <ConsentProvider {...props}>
    <ConsentGate purpose="maps">
      <iframe title="map" src="https://www.google.com/maps/embed?pb=1" />
    </ConsentGate>
  </ConsentProvider>
);

describe('hydration', () => {
  it('hydrates the server’s rendering of cl_consent without a mismatch, then follows the runtime', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.fr/', fixtureDocument('clikodoc', {}, 'en'));
    const runtime = start({ lang: ['en'] });
    await runtime.ready;
    const initialConsent = { revision: 1, granted: ['maps'], decidedAt: '2026-12-01T00:00:00.000Z' };
    const container = document.createElement('div');
    document.body.append(container);
    container.innerHTML = renderToString(<Page initialConsent={initialConsent} />);
    const served = container.querySelector('iframe');
    expect(served).not.toBeNull();
    const problems = vi.fn();
    await act(async () => {
      roots.push(
        hydrateRoot(container, <Page initialConsent={initialConsent} runtime={runtime} />, {
          onRecoverableError: problems,
        }),
      );
    });
    expect(problems).not.toHaveBeenCalled();
    // This device holds no decision: once hydrated, the runtime's answer replaces the server's guess.
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('[data-consent-placeholder="maps"]')?.textContent).toContain('Google Maps');
    await act(() => runtime.acceptAll());
    expect(container.querySelector('iframe')?.getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
  });

  it('keeps the server’s map while the runtime is still reading the device’s decision', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.fr/', fixtureDocument('clikodoc', {}, 'en'));
    const initialConsent = { revision: 1, granted: ['maps'], decidedAt: '2026-12-01T00:00:00.000Z' };
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Page initialConsent={initialConsent} />);
    const served = container.querySelector('iframe');
    const runtime = start({ lang: ['en'] });
    expect(runtime.get().status).toBe('loading');
    await act(async () => {
      roots.push(hydrateRoot(container, <Page initialConsent={initialConsent} runtime={runtime} />));
    });
    // The same element the server sent: never unmounted and reloaded.
    expect(container.querySelector('iframe')).toBe(served);
  });
});
