// The script-tag entry as the per-site script starts it: the config it embeds, the language its URL
// names, the banner drawn before anything was awaited, and drawn as soon as the body exists.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshPage } from '../test/page';
import type { ConsentRuntime } from './types';

type G = typeof globalThis & { __consentLedger?: unknown; ConsentLedger?: ConsentRuntime };
const SITE_SCRIPT = 'http://localhost:8080/v1/sites/clickcare/consent.js?lang=nl';

/** Evaluates src/embed.ts afresh as the script `src` (with what the per-site script hands it, if any). */
async function runEmbed(src: string, embedded?: unknown) {
  const script = document.createElement('script');
  script.src = src;
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
  (globalThis as G).__consentLedger = embedded;
  vi.resetModules();
  await import('./embed');
  return (globalThis as G).ConsentLedger!;
}
const banner = () =>
  document.getElementById('consent-ledger')?.shadowRoot?.querySelector('section[aria-label]') ?? null;

afterEach(() => {
  (globalThis as G).ConsentLedger?.destroy();
  delete (globalThis as G).ConsentLedger;
  delete (globalThis as G).__consentLedger;
  document.getElementById('consent-ledger')?.remove();
});

describe('consent.js as the per-site script', () => {
  it('starts from the embedded config: banner drawn with no storage or network wait, the URL language preferred', async () => {
    const { collector } = await freshPage();
    // IndexedDB never answers: the banner cannot have waited for it.
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    const rt = await runEmbed(SITE_SCRIPT, { site: 'clickcare', etag: '"1"', document: collector.doc });
    expect(rt.get()).toMatchObject({ status: 'needs-decision', document: collector.doc });
    expect(banner()?.getAttribute('aria-label')).toBe(collector.doc.notice.texts['banner.label']);
    expect(document.body.firstElementChild!.id).toBe('consent-ledger');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('revalidates the embedded config against the script origin, in the language its URL names', async () => {
    const { collector } = await freshPage();
    const rt = await runEmbed(SITE_SCRIPT, { site: 'clickcare', etag: '"1"', document: collector.doc });
    await rt.ready;
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = vi.mocked(fetch).mock.calls.find(([u]) => String(u).includes('/config'))!;
    expect(String(url)).toBe('http://localhost:8080/v1/sites/clickcare/config?lang=nl');
    expect(new Headers(init?.headers).get('if-none-match')).toBe('"1"');
  });

  it('draws the banner as soon as the parser creates the body, first in it', async () => {
    const { collector } = await freshPage();
    const body = document.body;
    body.remove();
    await runEmbed(SITE_SCRIPT, { site: 'clickcare', etag: '"1"', document: collector.doc });
    expect(document.getElementById('consent-ledger')).toBeNull();
    const parsed = document.createElement('body');
    parsed.innerHTML = '<main>page</main>';
    document.documentElement.append(parsed);
    // The mutation callback runs before the parser's task ends, so before any frame.
    await Promise.resolve();
    expect(parsed.firstElementChild!.id).toBe('consent-ledger');
    expect(banner()).not.toBeNull();
    parsed.replaceWith(body);
  });

  it('the shared bundle without an embedded config still reads data-site and fetches the config', async () => {
    await freshPage();
    const script = document.createElement('script');
    script.src = 'http://localhost:8080/consent.js';
    script.dataset.site = 'clickcare';
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
    vi.resetModules();
    await import('./embed');
    const rt = (globalThis as G).ConsentLedger!;
    expect(rt.get().status).toBe('loading');
    await rt.ready;
    expect(rt.get().status).toBe('needs-decision');
    expect(String(vi.mocked(fetch).mock.calls[0][0])).toMatch(
      /^http:\/\/localhost:8080\/v1\/sites\/clickcare\/config\?lang=/,
    );
  });
});
