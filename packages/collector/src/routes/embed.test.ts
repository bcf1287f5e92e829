import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureJson, testCollector } from '../testing';

type Harness = Awaited<ReturnType<typeof testCollector>>;

// A stand-in bundle: reports what the per-site script handed it, and whether it ran in strict mode;
// padded so that compressing it pays, as it does for the real one.
const BUNDLE = `"use strict";(()=>{ran.push({ given: typeof __consentLedger == "object" ? __consentLedger : null, strict: (function () { return this; })() === undefined });})();${'/* padding */'.repeat(200)}`;

describe('the SDK scripts (createCollector({ embed }))', () => {
  let h: Harness;
  let dist: string;
  const get = (path: string, headers: Record<string, string> = {}) => h.collector.app.request(path, { headers });
  /** The body as sent, decoded per its Content-Encoding. */
  const decoded = async (res: Response) => {
    const bytes = Buffer.from(await res.arrayBuffer());
    const encoding = res.headers.get('content-encoding');
    return (
      encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes
    ).toString();
  };
  /** Runs a per-site script as a page would, and returns what the bundle was given. */
  const run = async (res: Response) => {
    const ran: Array<{ given: unknown; strict: boolean }> = [];
    runInNewContext(await decoded(res), { ran });
    expect(ran).toHaveLength(1);
    return ran[0];
  };

  beforeEach(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sdk-dist-'));
    writeFileSync(join(dist, 'consent.js'), BUNDLE);
    h = await testCollector({ embed: { dir: dist } });
  });
  afterEach(async () => {
    await h.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  describe('GET /v1/sites/:site/consent.js', () => {
    it('?autoblock appends autoblock.js, run after the runtime, under its own ETag; 404 when it is not built', async () => {
      expect((await get('/v1/sites/clikodoc/consent.js?autoblock')).status).toBe(404);
      writeFileSync(join(dist, 'autoblock.js'), 'ran.push({ given: "autoblock", strict: false });');
      const plain = await get('/v1/sites/clikodoc/consent.js?lang=fr');
      const res = await get('/v1/sites/clikodoc/consent.js?lang=fr&autoblock');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      const ran: Array<{ given: unknown }> = [];
      runInNewContext(await decoded(res), { ran });
      expect(ran.map((r) => (typeof r.given === 'string' ? r.given : 'runtime'))).toEqual(['runtime', 'autoblock']);
    });

    it('is the bundle given the config route answer and its ETag, in strict mode', async () => {
      const res = await get('/v1/sites/clikodoc/consent.js?lang=en');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
      expect(res.headers.get('vary')).toBe('Accept-Language, Accept-Encoding');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('content-encoding')).toBeNull();
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

      writeFileSync(join(dist, 'consent.js'), BUNDLE.replace('ran.push', 'void 0;ran.push'));
      utimesSync(join(dist, 'consent.js'), new Date(), new Date(Date.now() + 5_000));
      const rebuilt = await get('/v1/sites/clikodoc/consent.js?lang=fr', { 'If-None-Match': etag });
      expect(rebuilt.status).toBe(200);
      const rebuiltTag = rebuilt.headers.get('etag')!;
      expect(rebuiltTag.split('.')[1]).toBe(etag.split('.')[1]);
      expect(rebuiltTag.split('.')[0]).not.toBe(etag.split('.')[0]);

      const renamed = { ...(fixtureJson() as { revision: number }), name: 'clikOdoc (renamed)' };
      const published = await h.collector.publishSite({ ...renamed, revision: renamed.revision + 1 });
      expect(published.ok).toBe(true);
      const changed = await get('/v1/sites/clikodoc/consent.js?lang=fr', { 'If-None-Match': rebuiltTag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')!.split('.')[1]).not.toBe(rebuiltTag.split('.')[1]);
      expect(((await run(changed)).given as { document: { config: { name: string } } }).document.config.name).toBe(
        'clikOdoc (renamed)',
      );
    });

    it('goes out in brotli or gzip as Accept-Encoding prefers, each encoding with its own ETag', async () => {
      const plain = await get('/v1/sites/clikodoc/consent.js');
      const identityTag = plain.headers.get('etag')!;
      const plainText = await decoded(plain);
      const br = await get('/v1/sites/clikodoc/consent.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('etag')).toBe(`${identityTag.slice(0, -1)}.br"`);
      const brBytes = (await br.clone().arrayBuffer()).byteLength;
      expect(brBytes).toBeLessThan(plainText.length / 3);
      expect(await decoded(br)).toBe(plainText);
      const gz = await get('/v1/sites/clikodoc/consent.js', { 'Accept-Encoding': 'gzip' });
      expect([gz.headers.get('content-encoding'), gz.headers.get('etag')]).toEqual([
        'gzip',
        `${identityTag.slice(0, -1)}.gzip"`,
      ]);
      expect(await decoded(gz)).toBe(plainText);
      // Weights count: gzip preferred over br, br refused, nothing acceptable but identity.
      const pick = async (accept: string) =>
        (await get('/v1/sites/clikodoc/consent.js', { 'Accept-Encoding': accept })).headers.get('content-encoding');
      expect(await pick('br;q=0.5, gzip')).toBe('gzip');
      expect(await pick('br;q=0, gzip;q=0')).toBeNull();
      expect(await pick('*')).toBe('br');
      expect(await pick('identity')).toBeNull();
      // A 304 only for the representation the client holds.
      const brTag = br.headers.get('etag')!;
      expect(
        (await get('/v1/sites/clikodoc/consent.js', { 'Accept-Encoding': 'br', 'If-None-Match': brTag })).status,
      ).toBe(304);
      expect(
        (await get('/v1/sites/clikodoc/consent.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': brTag })).status,
      ).toBe(200);
    });

    it('answers 404 unknown-site for an unknown site, and 404 not-found while the bundle is not built', async () => {
      const unknown = await get('/v1/sites/nope/consent.js');
      expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'unknown-site',
      ]);
      rmSync(join(dist, 'consent.js'));
      const unbuilt = await get('/v1/sites/clikodoc/consent.js');
      expect([unbuilt.status, ((await unbuilt.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'not-found',
      ]);
    });
  });

  describe('the build output', () => {
    it('serves consent.js for five minutes with a Link to its versioned name, served immutable', async () => {
      const res = await get('/consent.js', { 'Accept-Encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(await decoded(res)).toBe(BUNDLE);
      const versioned = /<([^>]+)>; rel="alternate"/.exec(res.headers.get('link') ?? '')?.[1];
      expect(versioned).toMatch(/^\/consent\.[0-9a-f]{12}\.js$/);
      const pinned = await get(versioned!);
      expect([pinned.status, pinned.headers.get('cache-control')]).toEqual([
        200,
        'public, max-age=31536000, immutable',
      ]);
      expect(await pinned.text()).toBe(BUNDLE);
      expect((await get('/consent.000000000000.js')).status).toBe(404);
      const etag = res.headers.get('etag')!;
      expect((await get('/consent.js', { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(304);
    });

    it('serves every script of the build, a content-addressed chunk immutable, without special cases', async () => {
      writeFileSync(join(dist, 'consent-ui.K3F7QZ2A.js'), 'export const ui = 1;');
      writeFileSync(join(dist, 'consent.meta.json'), '{}');
      const chunk = await get('/consent-ui.K3F7QZ2A.js');
      expect([chunk.status, chunk.headers.get('cache-control'), await chunk.text()]).toEqual([
        200,
        'public, max-age=31536000, immutable',
        'export const ui = 1;',
      ]);
      expect(chunk.headers.get('link')).toBeNull();
      // Tiny files are not worth compressing: sent as they are, whatever the client accepts.
      expect((await get('/consent-ui.K3F7QZ2A.js', { 'Accept-Encoding': 'br' })).headers.get('content-encoding')).toBe(
        null,
      );
      expect((await get('/consent.meta.json')).status).toBe(404);
      expect((await get('/nothing.js')).status).toBe(404);
    });
  });
});

describe('a collector without the SDK build', () => {
  it('answers 404 for the per-site script and leaves other files to the routes after it', async () => {
    const h = await testCollector();
    try {
      h.collector.app.get('/consent.js', (c) => c.text('served after'));
      expect((await h.collector.app.request('/v1/sites/clikodoc/consent.js')).status).toBe(404);
      expect(await (await h.collector.app.request('/consent.js')).text()).toBe('served after');
      expect((await h.collector.app.request('/other.js')).status).toBe(404);
    } finally {
      await h.dispose();
    }
  });
});
