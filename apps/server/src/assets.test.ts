import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { fixtureJson, testCollector } from '@consent-ledger/collector/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetRoutes } from './assets';

type Harness = Awaited<ReturnType<typeof testCollector>>;

// A stand-in bundle: reports what the per-site script handed it, and whether it ran in strict mode.
const BUNDLE =
  '"use strict";(()=>{ran.push({ given: typeof __consentLedger == "object" ? __consentLedger : null, strict: (function () { return this; })() === undefined });})();';

describe('GET /v1/sites/:site/consent.js', () => {
  let h: Harness;
  let root: string;
  const bundle = () => join(root, 'packages/sdk/dist/consent.js');
  const get = (path: string, headers: Record<string, string> = {}) => h.collector.app.request(path, { headers });
  /** Runs a per-site script as a page would, and returns what the bundle was given. */
  const run = async (res: Response) => {
    const ran: Array<{ given: unknown; strict: boolean }> = [];
    runInNewContext(await res.text(), { ran });
    expect(ran).toHaveLength(1);
    return ran[0];
  };

  beforeEach(async () => {
    h = await testCollector();
    root = join(h.temp.dir, 'root');
    mkdirSync(join(root, 'packages/sdk/dist'), { recursive: true });
    writeFileSync(bundle(), BUNDLE);
    // Mounted as the server mounts it: after the API, asking the API for the config in-process.
    h.collector.app.route('/', assetRoutes({ root, demo: false, api: h.collector.app }));
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('is the bundle given the config route answer and its ETag, in strict mode', async () => {
    const res = await get('/v1/sites/clikodoc/consent.js?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(res.headers.get('vary')).toBe('Accept-Language');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const config = await get('/v1/sites/clikodoc/config?lang=en');
    expect(await run(res)).toEqual({
      given: { site: 'clikodoc', etag: config.headers.get('etag'), document: await config.json() },
      strict: true,
    });
  });

  it('negotiates the language like the config route: lang, then Accept-Language', async () => {
    const languageOf = async (path: string, headers: Record<string, string> = {}) =>
      ((await run(await get(path, headers))).given as { document: { language: string } }).document.language;
    expect(await languageOf('/v1/sites/clikodoc/consent.js?lang=en', { 'Accept-Language': 'fr' })).toBe('en');
    expect(await languageOf('/v1/sites/clikodoc/consent.js', { 'Accept-Language': 'de-DE, en;q=0.5' })).toBe('en');
    expect(await languageOf('/v1/sites/clikodoc/consent.js')).toBe('fr');
  });

  it('revalidates with an ETag naming both the bundle and the config: a new build, a new config or another language changes it', async () => {
    const first = await get('/v1/sites/clikodoc/consent.js?lang=fr');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{12}\.[A-Za-z0-9_-]{43}"$/);
    const again = await get('/v1/sites/clikodoc/consent.js?lang=fr', { 'If-None-Match': etag });
    expect([again.status, await again.text(), again.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await get('/v1/sites/clikodoc/consent.js?lang=en', { 'If-None-Match': etag })).status).toBe(200);

    writeFileSync(bundle(), BUNDLE.replace('ran.push', 'void 0;ran.push'));
    utimesSync(bundle(), new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await get('/v1/sites/clikodoc/consent.js?lang=fr', { 'If-None-Match': etag });
    expect(rebuilt.status).toBe(200);
    const rebuiltTag = rebuilt.headers.get('etag')!;
    expect(rebuiltTag.split('.')[1]).toBe(etag.split('.')[1]);
    expect(rebuiltTag.split('.')[0]).not.toBe(etag.split('.')[0]);

    const published = await h.collector.publishSite({
      ...(fixtureJson() as object),
      name: 'clikOdoc (renamed)',
      revision: 2,
    });
    expect(published.ok).toBe(true);
    const changed = await get('/v1/sites/clikodoc/consent.js?lang=fr', { 'If-None-Match': rebuiltTag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')!.split('.')[1]).not.toBe(rebuiltTag.split('.')[1]);
    expect(((await run(changed)).given as { document: { config: { name: string } } }).document.config.name).toBe(
      'clikOdoc (renamed)',
    );
  });

  it('answers the config route errors for an unknown site, and 404 while the bundle is not built', async () => {
    const unknown = await get('/v1/sites/nope/consent.js');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown-site');
    rmSync(bundle());
    const unbuilt = await get('/v1/sites/clikodoc/consent.js');
    expect(unbuilt.status).toBe(404);
    expect(((await unbuilt.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('is not served without the API to ask', async () => {
    const alone = assetRoutes({ root, demo: false });
    expect((await alone.request('/v1/sites/clikodoc/consent.js')).status).toBe(404);
  });
});
