// The real collector (Hono app on a temp SQLite store) behind the page's fetch, in the same
// process: requests are routed to `app.request()` with the Origin a browser would add.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Collector,
  createCollector,
  createCollectorKeyJwk,
  loadCollectorKey,
  openSqliteStore,
} from '@consent-ledger/collector';
import type { ConsentOptions, ConsentRuntime, HistoryItem } from '@consent-ledger/sdk/headless';
import { createConsent } from '@consent-ledger/sdk/headless';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';
import clickcare from '../fixtures/sites/clickcare.json';
import clikodoc from '../fixtures/sites/clikodoc.json';

export const COLLECTOR = 'https://consent.example.org';
const FIXTURES: Record<string, Record<string, unknown>> = { clickcare, clikodoc };
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

// happy-dom's Request drops "forbidden" headers such as Origin whenever one is constructed (a
// browser adds Origin itself), and Hono rebuilds the request in its body limit: keep it.
const DomRequest = globalThis.Request;
class OriginRequest extends DomRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const origin = input instanceof DomRequest ? input.headers.get('origin') : null;
    if (origin) this.headers.set('origin', origin);
  }
}

/** Starts a collector with `site`'s fixture published, and routes the page's fetch to it. */
export async function liveCollector(site = 'clickcare') {
  const dir = mkdtempSync(join(tmpdir(), 'contract-'));
  const store = openSqliteStore(join(dir, 'ledger.db'));
  const key = await loadCollectorKey(await createCollectorKeyJwk(), 'collector.test');
  const collector: Collector = createCollector({
    store,
    key,
    limits: { ratePerMinute: 0 },
    clientIp: () => '203.0.113.7',
    log: () => undefined,
  });
  const published = await collector.publishSite(FIXTURES[site]);
  if (!published.ok) throw new Error(published.error.message);
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
    const request = new OriginRequest(url, init);
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
  vi.stubGlobal('Request', OriginRequest);
  cleanups.push(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return Object.assign(state, {
    collector,
    config: published.value.site.config,
    /** Integrates every accepted entry now (what the sequencer does each second). */
    integrate: () => collector.context.sequencer.runOnce(),
  });
}
