// A fresh page for each runtime test: empty IndexedDB and localStorage, a known URL, a collector double behind fetch.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';
import { createConsent } from '../src/runtime';
import type { ConfigDocument, ConsentOptions, ConsentRuntime, HistoryItem } from '../src/types';
import { collectorDouble, fixtureDocument } from './collector-double';

export const COLLECTOR = 'https://consent.example.org';
const runtimes: ConsentRuntime[] = [];

afterEach(() => {
  for (const r of runtimes.splice(0)) r.destroy();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Resets the page to `url` with `site`'s config served by a fresh collector double. */
export async function freshPage(
  site = 'clickcare',
  url = 'https://www.clickcare.be/fr/praticiens',
  doc?: ConfigDocument,
) {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  delete (window as Window & { dataLayer?: unknown }).dataLayer;
  document.body.innerHTML = '';
  for (const c of document.cookie.split(';'))
    document.cookie = `${c.split('=')[0].trim()}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  const collector = await collectorDouble(doc ?? fixtureDocument(site));
  vi.stubGlobal('fetch', vi.fn(collector.fetch));
  /** Starts a runtime (one page load) for the site. */
  const start = (options: Partial<ConsentOptions> = {}) => {
    const runtime = createConsent({ site: collector.doc.config.site, collector: COLLECTOR, lang: ['fr'], ...options });
    runtimes.push(runtime);
    return runtime;
  };
  return { collector, start };
}

/** Waits until every receipt the runtime holds is acknowledged or refused. */
export async function settled(runtime: ConsentRuntime): Promise<HistoryItem[]> {
  let items: HistoryItem[] = [];
  await vi.waitFor(
    async () => {
      items = await runtime.history();
      if (items.some((i) => i.status === 'pending')) throw new Error('pending receipts');
    },
    { timeout: 10_000 },
  );
  return items;
}

/** The payload of a compact JWS. */
export const payloadOf = (jws: string) => JSON.parse(atob(jws.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
