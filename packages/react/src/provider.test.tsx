/** @jsxImportSource react */
// The provider and hooks: which runtime they use (their own, one given, the script tag's), what
// they render before it knows the decision (the cl_consent cookie), and how often they re-render.
import type { ConsentRuntime } from '@consent-ledger/sdk/headless';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../sdk/test/collector-double';
import { COLLECTOR, freshPage } from '../../sdk/test/page';
import { ConsentBanner } from './banner';
import { useConsent, useGranted } from './hooks';
import { ConsentProvider } from './provider';

type PageWindow = Window & { ConsentLedger?: ConsentRuntime };
afterEach(() => {
  cleanup();
  delete (window as PageWindow).ConsentLedger;
});

const english = () => fixtureDocument('clikodoc', {}, 'en');
const fresh = () => freshPage('clikodoc', 'https://www.clikodoc.fr/', english());

function Status() {
  const { state, granted, acceptAll } = useConsent();
  return (
    <>
      <output>{`${state.status} maps:${granted('maps')}`}</output>
      <button type="button" onClick={() => void acceptAll()}>
        accept
      </button>
    </>
  );
}

/** A page's button starting a video call, which asks for audio and video then. */
function Call() {
  const { ask, granted } = useConsent();
  return (
    <>
      <button type="button" onClick={() => void ask('audiovideo', { reason: 'To start your consultation' })}>
        start the call
      </button>
      <output>{`video:${granted('audiovideo')}`}</output>
    </>
  );
}

describe('<ConsentProvider>', () => {
  it('starts the headless runtime itself from site and collector; an action clicked before it is ready waits for it', async () => {
    await fresh();
    render(
      <ConsentProvider site="clikodoc" collector={`${COLLECTOR}/`} lang="en">
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('loading maps:false');
    fireEvent.click(screen.getByRole('button', { name: 'accept' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('decided maps:true'));
    const posted = vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    expect(posted[0]).toBe(`${COLLECTOR}/v1/sites/clikodoc/config?lang=en`);
  });

  it('stops the runtime it started when unmounted, and leaves a given one running', async () => {
    const { start } = await fresh();
    const given = start({ lang: ['en'] });
    const tree = (p: ReactNode) => render(p);
    const own = tree(
      <ConsentProvider site="clikodoc" collector={COLLECTOR} lang="en">
        <Status />
      </ConsentProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('needs-decision maps:false'));
    own.unmount();
    const spy = vi.spyOn(given, 'destroy');
    const theirs = tree(
      <ConsentProvider runtime={given}>
        <Status />
      </ConsentProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('needs-decision maps:false'));
    theirs.unmount();
    expect(spy).not.toHaveBeenCalled();
  });

  it('uses the script tag’s runtime, even when the tag runs after the app mounted', async () => {
    const { start } = await fresh();
    render(
      <ConsentProvider>
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('loading maps:false');
    const tag = start({ lang: ['en'] });
    (window as PageWindow).ConsentLedger = tag;
    await act(() => tag.ready);
    await act(() => tag.acceptAll());
    expect(screen.getByRole('status').textContent).toBe('decided maps:true');
  });

  it('renders from the browser’s cl_consent cookie until the runtime knows, then follows the runtime', async () => {
    const { start } = await fresh();
    // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, as the SDK writes it
    document.cookie = 'cl_consent=v1.1.maps.1764950400; path=/';
    const runtime = start({ lang: ['en'] });
    render(
      <ConsentProvider runtime={runtime}>
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('decided maps:true');
    // IndexedDB has no decision (the cookie was left from elsewhere): the runtime asks, and grants nothing.
    await act(() => runtime.ready);
    expect(screen.getByRole('status').textContent).toBe('needs-decision maps:false');
  });
});

describe('hooks', () => {
  it('useGranted re-renders only when its purpose changes', async () => {
    const { start } = await fresh();
    const runtime = start({ lang: ['en'], reloadOnWithdraw: false });
    const renders = vi.fn();
    const { result } = renderHook(
      () => {
        renders();
        return useGranted('maps');
      },
      { wrapper: ({ children }) => <ConsentProvider runtime={runtime}>{children}</ConsentProvider> },
    );
    await act(() => runtime.ready);
    const before = renders.mock.calls.length;
    await act(() => runtime.decide({ analytics: 'granted' }, 'save'));
    expect(result.current).toBe(false);
    expect(renders.mock.calls.length).toBe(before);
    await act(() => runtime.decide({ maps: 'granted' }, 'save'));
    expect(result.current).toBe(true);
    await act(() => runtime.withdraw('maps'));
    expect(result.current).toBe(false);
  });

  it('useConsent().show asks the runtime to open the dialog', async () => {
    const { start } = await fresh();
    const runtime = start({ lang: ['en'] });
    const shown = vi.fn();
    runtime.on('show', shown);
    const { result } = renderHook(() => useConsent(), {
      wrapper: ({ children }) => <ConsentProvider runtime={runtime}>{children}</ConsentProvider>,
    });
    act(() => result.current.show('history'));
    await waitFor(() => expect(shown).toHaveBeenCalledWith({ view: 'history' }));
  });

  it('say clearly when there is no provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useGranted('maps'))).toThrow(/wrap .* in <ConsentProvider>/);
  });
});

describe('<ConsentBanner>', () => {
  it('under StrictMode (effects run twice in development): one runtime, one banner, decisions work', async () => {
    await fresh();
    render(
      <StrictMode>
        <ConsentProvider site="clikodoc" collector={COLLECTOR} lang="en">
          <ConsentBanner />
          <Status />
        </ConsentProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelectorAll('#consent-ledger')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'accept' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('decided maps:true'));
    expect(document.querySelectorAll('#consent-ledger')).toHaveLength(1);
  });

  it('draws the SDK’s banner for the provider’s runtime, and removes it when unmounted', async () => {
    const { start } = await fresh();
    const runtime = start({ lang: ['en'] });
    const { unmount } = render(
      <ConsentProvider runtime={runtime}>
        <ConsentBanner />
      </ConsentProvider>,
    );
    await waitFor(() => expect(document.getElementById('consent-ledger')).not.toBeNull());
    unmount();
    expect(document.getElementById('consent-ledger')).toBeNull();
  });

  it('useConsent().ask draws the SDK’s in-context prompt; Allow grants the purpose and resolves true', async () => {
    await fresh();
    render(
      <ConsentProvider site="clikodoc" collector={COLLECTOR} lang="en">
        <ConsentBanner />
        <Call />
      </ConsentProvider>,
    );
    await waitFor(() => expect(document.getElementById('consent-ledger')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'start the call' }));
    const root = document.getElementById('consent-ledger')!.shadowRoot!;
    await waitFor(() =>
      expect(root.querySelector('[role=dialog]')?.textContent).toContain('To start your consultation'),
    );
    const allow = [...root.querySelectorAll<HTMLElement>('[role=dialog] button')].find(
      (b) => b.textContent === 'Allow',
    )!;
    fireEvent.click(allow);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('video:true'));
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('draws nothing over the script tag’s runtime, which has its own', async () => {
    const { start } = await fresh();
    const tag = start({ lang: ['en'] });
    (window as PageWindow).ConsentLedger = tag;
    render(
      <ConsentProvider>
        <ConsentBanner />
        <Status />
      </ConsentProvider>,
    );
    await act(() => tag.ready);
    await act(() => import('@consent-ledger/sdk'));
    expect(screen.getByRole('status').textContent).toBe('needs-decision maps:false');
    expect(document.getElementById('consent-ledger')).toBeNull();
  });
});
