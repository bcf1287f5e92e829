// The real collector (Hono app on a temp SQLite store) behind the page's fetch, in the same
// process: requests are routed to `app.fetch()` with the Origin a browser would add.

import { testCollector } from '@consent-ledger/collector/testing';
import type { ConsentOptions, ConsentRuntime, HistoryItem } from '@consent-ledger/sdk/headless';
import { createConsent } from '@consent-ledger/sdk/headless';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';

export const COLLECTOR = 'https://consent.example.org';
const cleanups: Array<() => Promise<void>> = [];
const runtimes: ConsentRuntime[] = [];

/** A fresh page at `url`: empty IndexedDB, no cookies, empty body. */
export function freshPage(url = 'https://www.clickcare.be/fr/praticiens'): void {
  globalThis.indexedDB = new IDBFactory();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = '';
}

/** Starts a runtime (one page load) talking to the collector. */
export function startRuntime(site: string, options: Partial<ConsentOptions> = {}): ConsentRuntime {
  const runtime = createConsent({ site, collector: COLLECTOR, lang: ['fr'], reloadOnWithdraw: false, ...options });
  runtimes.push(runtime);
  return runtime;
}

/** Waits until no receipt of the runtime is pending any more. */
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

/** Empties the SDK's stored receipts of a site, straight in IndexedDB (as a partial storage loss would). */
export async function forgetReceipts(site: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('consent-ledger');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('kv', 'readwrite');
  tx.objectStore('kv').put([], `receipts:${site}`);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

/** The payload of a compact JWS. */
export const payloadOf = (jws: string) => JSON.parse(atob(jws.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));

afterEach(async () => {
  for (const r of runtimes.splice(0)) r.destroy();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// happy-dom's Request drops the headers a browser sets itself (Origin, Accept-Encoding, ...) whenever
// one is constructed, and Hono builds requests (app.request) and rebuilds them (its body limit):
// on the collector's side of these tests, a request keeps every header it was given.
const DomRequest = globalThis.Request;
class ServerSideRequest extends DomRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const given = new Headers(input instanceof DomRequest ? input.headers : undefined);
    for (const [name, value] of new Headers(init?.headers)) given.set(name, value);
    for (const [name, value] of given) if (!this.headers.has(name)) this.headers.set(name, value);
  }
}

/** Lets the collector app see the headers the test's requests carry, as a server would (undone after each test). */
export function keepRequestHeaders(): void {
  vi.stubGlobal('Request', ServerSideRequest);
}

/** A collector (collector/testing's) with `site`'s fixture published, and the page's fetch routed to it. */
export async function liveCollector(site = 'clickcare') {
  const live = await testCollector({ site });
  const { collector } = live;
  const state = {
    down: false,
    /** Commits the next receipts POST, then loses its answer. */
    loseNextAnswer: false,
    /** Every request the page made: method, path, status (null when it never got an answer). */
    requests: [] as Array<{ method: string; path: string; status: number | null }>,
  };
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const entry = { method, path: url.pathname, status: null as number | null };
    state.requests.push(entry);
    if (state.down || url.origin !== COLLECTOR) throw new TypeError('Failed to fetch');
    const request = new ServerSideRequest(url, init);
    request.headers.set('origin', location.origin);
    const res = await collector.app.fetch(request);
    if (method === 'POST' && state.loseNextAnswer) {
      state.loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    entry.status = res.status;
    return res;
  };
  vi.stubGlobal('fetch', vi.fn(fetch));
  keepRequestHeaders();
  cleanups.push(live.dispose);
  return Object.assign(state, {
    collector,
    config: live.config,
    /** Integrates every accepted entry now (what the integrator does each second). */
    integrate: () => collector.context.integrator.runOnce(),
  });
}
