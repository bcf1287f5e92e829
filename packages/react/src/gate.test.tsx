/** @jsxImportSource react */
// The components over a real headless runtime (fake IndexedDB, the SDK's collector double behind
// fetch): what a visitor sees before and after each choice, and the receipts each choice makes.

import type { ConsentRuntime, HistoryItem } from '@consent-ledger/sdk/headless';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureDocument } from '../../sdk/test/collector-double';
import { freshPage, settled } from '../../sdk/test/page';
import { ConsentGate } from './gate';
import { ConsentProvider } from './provider';

afterEach(cleanup);

/** The one receipt a click made, once it is acknowledged (the click only starts it). */
async function oneReceipt(runtime: ConsentRuntime): Promise<HistoryItem> {
  let items: HistoryItem[] = [];
  await waitFor(async () => {
    items = await settled(runtime);
    expect(items).toHaveLength(1);
  });
  return items[0];
}

const english = () => fixtureDocument('clikodoc', {}, 'en');
const map = <iframe title="map" src="https://www.google.com/maps/embed?pb=1" />;

/** A page with the map behind its gate, over a runtime started by the test. */
async function page(gate: Partial<Parameters<typeof ConsentGate>[0]> = {}) {
  const { start, collector } = await freshPage('clikodoc', 'https://www.clikodoc.fr/cabinet', english());
  const runtime = start({ lang: ['en'], reloadOnWithdraw: false });
  render(
    <ConsentProvider runtime={runtime}>
      <ConsentGate purpose="maps" {...gate}>
        {map}
      </ConsentGate>
    </ConsentProvider>,
  );
  await act(() => runtime.ready);
  return { runtime, collector };
}

describe('<ConsentGate>', () => {
  it('shows the placeholder in the notice’s words until maps is granted, then the map, without remounting the page', async () => {
    const { runtime } = await page();
    expect(screen.queryByTitle('map')).toBeNull();
    const box = screen.getByRole('group', { name: 'Google Maps' });
    expect(box.textContent).toContain('This content is provided by Google Maps');
    expect(box.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('link', { name: 'Provider’s privacy policy' }).getAttribute('href')).toMatch(/^https:/);
    await act(() => runtime.acceptAll());
    expect(screen.getByTitle('map').getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('"Always allow" grants the purpose alone, with an `embed` receipt', async () => {
    const { runtime } = await page();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Always allow/ })));
    await waitFor(() => expect(screen.getByTitle('map')).toBeTruthy());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTitle('map')));
    expect(runtime.get().choices).toMatchObject({ maps: 'granted', analytics: 'denied', audiovideo: 'denied' });
    const receipt = await oneReceipt(runtime);
    expect(receipt).toMatchObject({ method: 'embed', status: 'acknowledged' });
  });

  it('"Show just this once" shows it now, grants nothing, and leaves an `embed-once` receipt', async () => {
    const { runtime } = await page();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show just this once' })));
    expect(document.activeElement).toBe(screen.getByTitle('map'));
    const receipt = await oneReceipt(runtime);
    expect(receipt).toMatchObject({ method: 'embed-once', choices: { maps: 'denied' } });
    expect(runtime.get().status).toBe('needs-decision');
  });

  it('takes the map away again when maps is withdrawn', async () => {
    const { runtime } = await page();
    await act(() => runtime.acceptAll());
    expect(screen.getByTitle('map')).toBeTruthy();
    await act(() => runtime.withdraw('maps'));
    expect(screen.queryByTitle('map')).toBeNull();
    expect(screen.getByRole('group', { name: 'Google Maps' })).toBeTruthy();
  });

  it('renders a fallback of the page’s own instead, or nothing with `null`', async () => {
    await page({ fallback: <p>Map hidden</p> });
    expect(screen.getByText('Map hidden')).toBeTruthy();
    cleanup();
    await page({ fallback: null });
    expect(document.body.textContent).toBe('');
  });

  it('names the service asked for when its purpose has several', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.fr/', english());
    const runtime = start({ lang: ['en'] });
    render(
      <ConsentProvider runtime={runtime}>
        <ConsentGate purpose="support" service="onesignal">
          <p>chat</p>
        </ConsentGate>
      </ConsentProvider>,
    );
    await act(() => runtime.ready);
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('OneSignal');
  });
});
