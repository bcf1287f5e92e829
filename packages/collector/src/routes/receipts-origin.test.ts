// The origin filter in front of POST /v1/receipts (siteCors with refuseOthers): unlisted origins are refused before any
// signature is verified, the origin list is reloaded on a miss at a bounded rate, and an origin
// published by another collector on the same store is accepted without waiting for the cache.
import { afterEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../app';
import { MISS_REFRESH_MS } from '../site-directory';
import type { LedgerStore } from '../store/types';
import { Device, fixtureJson, tempStore, testCollectorKey } from '../testing';
import { createVerifier, DEVICE_KEY_BYTES } from '../verifier';

const NEW_ORIGIN = 'https://www.nouveau-cabinet.example';

/** The store with its `listSites` calls counted. */
function counting(store: LedgerStore): { store: LedgerStore; listSites: () => number } {
  let calls = 0;
  const proxy = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'listSites')
        return (...args: Parameters<LedgerStore['listSites']>) => {
          calls++;
          return target.listSites(...args);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, listSites: () => calls };
}

describe('POST /v1/receipts from an origin no site lists', () => {
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Two collectors on one SQLite file, as two processes sharing a database; `b` counts its verifications and origin-list reads. */
  async function twoCollectors() {
    const temp = tempStore();
    const key = await testCollectorKey();
    const options = { key, clock: () => now, limits: { ratePerMinute: 0 }, log: () => undefined };
    const a = createCollector({ store: temp.store, ...options });
    const b2 = counting(temp.reopen());
    const verify = createVerifier(100 * DEVICE_KEY_BYTES);
    let verified = 0;
    const b = createCollector({
      store: b2.store,
      ...options,
      verify: (jws) => {
        verified++;
        return verify(jws);
      },
    });
    cleanups.push(temp.dispose, async () => void (await Promise.all([a.close(), b.close()])));
    const published = await a.publishSite(fixtureJson('clikodoc'));
    if (!published.ok) throw new Error(published.error.message);
    return { a, b, config: published.value.site.config, verified: () => verified, listSites: b2.listSites };
  }

  function post(collector: Collector, origin: string | null, body: string, contentType = 'application/json') {
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (origin !== null) headers.Origin = origin;
    return collector.app.request('/v1/receipts', { method: 'POST', headers, body });
  }
  const errorOf = async (res: Response) => [res.status, ((await res.json()) as { error: { code: string } }).error.code];

  it('refuses a missing or unlisted Origin with 403 origin-not-allowed before verifying a signature or reading the body', async () => {
    const { b, config, verified } = await twoCollectors();
    const device = await Device.create(config);
    const body = JSON.stringify({ receipts: [(await device.receipt()).jws] });
    expect(await errorOf(await post(b, 'https://evil.example', body))).toEqual([403, 'origin-not-allowed']);
    expect(await errorOf(await post(b, null, body))).toEqual([403, 'origin-not-allowed']);
    expect(await errorOf(await post(b, 'null', body))).toEqual([403, 'origin-not-allowed']);
    // What the body holds does not matter: it is never read.
    expect(await errorOf(await post(b, 'https://evil.example', '{ not json'))).toEqual([403, 'origin-not-allowed']);
    expect(await errorOf(await post(b, 'https://evil.example', body, 'text/plain'))).toEqual([
      403,
      'origin-not-allowed',
    ]);
    expect(await errorOf(await post(b, 'https://evil.example', 'x'.repeat(256 * 1024)))).toEqual([
      403,
      'origin-not-allowed',
    ]);
    expect(verified()).toBe(0);
    // A listed origin still goes through verification (and a page on another origin is still refused after it).
    expect((await post(b, config.origins[0], body)).status).toBe(201);
    expect(verified()).toBe(1);
    expect(
      await errorOf(
        await post(b, 'http://localhost:8080', JSON.stringify({ receipts: [(await device.receipt()).jws] })),
      ),
    ).toEqual([400, 'malformed']);
    expect(verified()).toBe(2);
  });

  it('reloads the origin list on a miss at most once per interval, however many unknown origins flood it', async () => {
    const { b, verified, listSites } = await twoCollectors();
    const flood = (n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => post(b, `https://flood-${now}-${i}.example`, '{}')));
    expect((await flood(50)).map((r) => r.status)).toEqual(Array(50).fill(403));
    expect(listSites()).toBe(1);
    now += MISS_REFRESH_MS;
    await flood(50);
    expect(listSites()).toBe(1);
    now += 1;
    expect((await flood(50)).map((r) => r.status)).toEqual(Array(50).fill(403));
    expect(listSites()).toBe(2);
    for (let i = 0; i < 10; i++) {
      now += MISS_REFRESH_MS + 1;
      await flood(20);
    }
    expect(listSites()).toBe(12);
    expect(verified()).toBe(0);
  });

  it('accepts receipts from the origin of a site another collector just published on the same database, without waiting for the cache to expire', async () => {
    const { a, b, config } = await twoCollectors();
    // b has read the origin list (the site cache lives 2 s) before a publishes a site with a new origin.
    expect((await post(b, config.origins[0], '{}')).status).toBe(400);
    const published = await a.publishSite({ ...(fixtureJson('clickcare') as object), origins: [NEW_ORIGIN] });
    if (!published.ok) throw new Error(published.error.message);
    const device = await Device.create(published.value.site.config);
    const body = JSON.stringify({ receipts: [(await device.receipt()).jws] });
    now += MISS_REFRESH_MS + 1;
    const preflight = await b.app.request('/v1/receipts', {
      method: 'OPTIONS',
      headers: {
        Origin: NEW_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(NEW_ORIGIN);
    const accepted = await post(b, NEW_ORIGIN, body);
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get('access-control-allow-origin')).toBe(NEW_ORIGIN);
  });

  it('refuses the origins of a site deleted on another collector once the cache expires', async () => {
    const { a, b, config } = await twoCollectors();
    const device = await Device.create(config);
    expect(
      (await post(b, config.origins[0], JSON.stringify({ receipts: [(await device.receipt()).jws] }))).status,
    ).toBe(201);
    const deleted = await a.context.store.deleteSite('clikodoc', new Date(now).toISOString());
    expect(deleted).toBe(true);
    // Within the cache's life the origin is still known, and the receipt is refused by its site's fresh view.
    now += MISS_REFRESH_MS + 1;
    expect(
      await errorOf(
        await post(b, 'https://www.clikodoc.com', JSON.stringify({ receipts: [(await device.receipt()).jws] })),
      ),
    ).toEqual([422, 'unknown-site']);
    now += 2001;
    expect(
      await errorOf(
        await post(b, 'https://www.clikodoc.com', JSON.stringify({ receipts: [(await device.receipt()).jws] })),
      ),
    ).toEqual([403, 'origin-not-allowed']);
  });
});
