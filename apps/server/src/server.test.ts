// The collector over real HTTP on loopback, on a real SQLite file in a temp folder.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type ProxyHeader, parseTrustedProxies } from '@consent-ledger/collector';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import {
  base64urlDecode,
  type ConsistencyProofBundle,
  type InclusionProofBundle,
  type Jwks,
  verifyAck,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDITOR_CSP } from './assets';
import { FIXTURE_SITES as FIXTURES } from './checkout';
import { demoSiteFile } from './demo-site';
import type { RunningServer, ServerOptions } from './server';
import { startLoopbackServer } from './testing/loopback-server';

/** A POST through node:http, which keeps the answer even when the server stops reading the body early (413). */
function rawPost(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/receipts`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(error),
    );
    req.end(body);
  });
}

/** A GET through node:http: the bytes as they crossed the wire (no decoding) and the headers. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('consent-ledger server over HTTP', () => {
  let dir: string;
  let server: RunningServer | null = null;
  const config = fixtureConfig('clikodoc');
  const origin = 'http://localhost:8080';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'server-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
    server = await startLoopbackServer(dir, { integratorIntervalMs: 50, ...options });
    return server;
  }

  function post(s: RunningServer, receipts: unknown, headers: Record<string, string> = {}) {
    return fetch(`${s.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body: typeof receipts === 'string' ? receipts : JSON.stringify({ receipts }),
    });
  }

  async function integrated(s: RunningServer, size: number): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${s.url}/v1/sites/clikodoc/log/checkpoint`);
      if (res.status === 200) {
        const note = await res.text();
        if (note.split('\n')[1] === String(size)) return note;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the log never reached size ${size}`);
  }

  it('creates the data folder, the SQLite file and a 0600 key, and publishes --sites', async () => {
    const s = await start();
    expect(statSync(join(dir, 'data', 'ledger.db')).isFile()).toBe(true);
    expect(statSync(join(dir, 'data', 'collector-key.json')).mode & 0o777).toBe(0o600);
    expect(s.published).toEqual(expect.arrayContaining(['cabinet-praticien', 'clickcare', 'clikodoc']));
    expect(s.name).toBe(`127.0.0.1:${s.port}`);
    const keys = (await (await fetch(`${s.url}/v1/keys`)).json()) as Jwks;
    expect(keys.keys[0].name).toBe(s.name);
  });

  it("keeps the name of its first start on another port; a folder from before takes its checkpoints' name", async () => {
    const first = await start();
    const name = first.name;
    expect(readFileSync(join(dir, 'data', 'name'), 'utf8')).toBe(`${name}\n`);
    const device = await Device.create({ ...config, origins: [origin] });
    expect((await post(first, [(await device.receipt()).jws])).status).toBe(201);
    await integrated(first, 3);
    await first.close();

    // Another port and a public URL: the log keeps its origin, and so what witnesses know it by.
    const moved = await start({ publicUrl: 'https://consent.example.org' });
    expect(moved.name).toBe(name);
    expect(((await (await fetch(`${moved.url}/v1/keys`)).json()) as Jwks).keys[0].name).toBe(name);
    await moved.close();

    // A data folder from before the name file: the name its checkpoints are signed with.
    rmSync(join(dir, 'data', 'name'));
    const upgraded = await start({ publicUrl: 'https://consent.example.org' });
    expect(upgraded.name).toBe(name);
    expect(readFileSync(join(dir, 'data', 'name'), 'utf8')).toBe(`${name}\n`);
    await upgraded.close();

    // A new data folder behind a public URL is named after it, whatever port it listens on.
    const fresh = await start({ data: join(dir, 'fresh'), publicUrl: 'https://consent.example.org' });
    expect(fresh.name).toBe('consent.example.org');
  });

  it('keeps a site published since at a higher revision when --sites holds an older file, and says so', async () => {
    const warned: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args) => void warned.push(args.join(' ')));
    const first = await start();
    const file = JSON.parse(readFileSync(join(FIXTURES, 'clikodoc.json'), 'utf8'));
    const edited = await first.collector.publishSite({ ...file, revision: 2, name: 'clikOdoc Santé' });
    expect(edited.ok).toBe(true);
    await first.close();
    const again = await start();
    expect(again.published).not.toContain('clikodoc');
    expect(again.published).toContain('clickcare');
    expect(warned).toEqual([
      expect.stringMatching(
        /clikodoc\.json not published, the published config stays: revision 1 is lower than the published revision 2/,
      ),
    ]);
    expect((await again.store.getSite('clikodoc'))?.config).toMatchObject({ revision: 2, name: 'clikOdoc Santé' });
  });
  it('accepts a chain, integrates it, and serves proofs that verify; a restart loses nothing and the integrator resumes', async () => {
    let s = await start();
    const device = await Device.create({ ...config, origins: [origin] });
    const ids: string[] = [];
    const acks: string[] = [];
    for (const method of ['reject-all', 'embed', 'accept-all'] as const) {
      const receipt = await device.receipt({ method });
      const res = await post(s, [receipt.jws], { 'User-Agent': 'vitest-agent' });
      expect(res.status).toBe(201);
      acks.push(...((await res.json()) as { acks: string[] }).acks);
      ids.push(receipt.payload.id);
    }
    const jwks = (await (await fetch(`${s.url}/v1/keys`)).json()) as Jwks;
    const firstAck = await verifyAck(acks[0], jwks);
    expect(firstAck.ok && firstAck.value).toMatchObject({ index: 2, ip: '127.0.0.0', userAgent: 'vitest-agent' });
    const before = await integrated(s, 5);

    // Restart on the same data and port-independent name: nothing lost, the chain continues.
    await s.close();
    s = await start({ name: s.name });
    const again = await post(s, [(await device.receipt({ method: 'withdraw' })).jws]);
    expect(again.status).toBe(201);
    const next = await post(s, [(await device.receipt({ method: 'save' })).jws]);
    expect(next.status).toBe(201);
    const after = await integrated(s, 7);

    const noteKeys = [{ name: s.name, publicKey: base64urlDecode(jwks.keys[0].x) }];
    const a = await verifyCheckpoint(before, noteKeys);
    const b = await verifyCheckpoint(after, noteKeys);
    if (!a.ok || !b.ok) throw new Error('checkpoints do not verify');
    const consistency = (await (
      await fetch(`${s.url}/v1/sites/clikodoc/log/consistency?from=5&to=7`)
    ).json()) as ConsistencyProofBundle;
    expect(verifyConsistency(5, 7, consistency.hashes.map(base64urlDecode), a.value.rootHash, b.value.rootHash)).toBe(
      true,
    );
    for (const id of ids) {
      const proof = (await (await fetch(`${s.url}/v1/sites/clikodoc/log/proof/${id}`)).json()) as InclusionProofBundle;
      expect(proof.treeSize).toBe(7);
      expect(
        verifyInclusion(
          base64urlDecode(proof.leafHash),
          proof.index,
          7,
          proof.hashes.map(base64urlDecode),
          b.value.rootHash,
        ),
      ).toBe(true);
    }
    const stored = await s.store.getEntry('clikodoc', ids[0]);
    expect(stored?.ack).toBe(acks[0]);
  });

  it('answers every receipt sent before shutdown, committed', async () => {
    const s = await start();
    const devices = await Promise.all(
      Array.from({ length: 20 }, () => Device.create({ ...config, origins: [origin] })),
    );
    const receipts = await Promise.all(devices.map((d) => d.receipt()));
    const answers = Promise.all(receipts.map((r) => post(s, [r.jws]).then((res) => res.status)));
    const statuses = await answers;
    await s.close();
    server = null;
    expect(statuses.every((status) => status === 201)).toBe(true);
    const reopened = await start();
    expect((await reopened.store.listLogs()).find((l) => l.site === 'clikodoc')?.size).toBe(22);
  });

  it('refuses bad inputs over HTTP with their status and code', async () => {
    const s = await start({ ratePerMinute: 5 });
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    const big = await rawPost(s.url, JSON.stringify({ receipts: ['x'.repeat(1024 * 1024)] }));
    expect([big.status, JSON.parse(big.body).error.code]).toEqual([413, 'too-large']);
    const noOrigin = await fetch(`${s.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"receipts":["a.b.c"]}',
    });
    expect([noOrigin.status, await code(noOrigin)]).toEqual([403, 'origin-not-allowed']);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(s, '{"receipts": 1}')).status);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    const limited = await post(s, '{"receipts": 1}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await code(limited)).toBe('rate-limited');
    const unknown = await fetch(`${s.url}/v1/nothing`);
    expect([unknown.status, await code(unknown)]).toEqual([404, 'not-found']);
  });

  it('with --trust-proxy, takes the client from the header a trusted balancer appended, and only then', async () => {
    const device = await Device.create({ ...config, origins: [origin] });
    const ipOf = async (s: RunningServer, headers: Record<string, string>) => {
      const res = await post(s, [(await device.receipt()).jws], headers);
      expect(res.status).toBe(201);
      const ack = await verifyAck(
        ((await res.json()) as { acks: string[] }).acks[0],
        (await (await fetch(`${s.url}/v1/keys`)).json()) as Jwks,
      );
      return ack.ok ? ack.value.ip : ack.error.message;
    };
    const trusted = (list: string, header: ProxyHeader = 'x-forwarded-for'): ServerOptions['trustProxy'] => {
      const proxies = parseTrustedProxies(list);
      if (!proxies.ok) throw new Error(proxies.error.message);
      return { proxies: proxies.value, header };
    };
    // The test talks over loopback: 127.0.0.1 is the "balancer".
    let s = await start({ trustProxy: trusted('127.0.0.0/8'), ratePerMinute: 3 });
    // What the visitor wrote (1.2.3.4) is left of what the balancer appended; the site truncates to /24.
    expect(await ipOf(s, { 'X-Forwarded-For': '1.2.3.4, 198.51.100.23' })).toBe('198.51.100.0');
    // Per-IP rate limits are the visitors': one is limited, the next one is not.
    const statuses = async (client: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await post(s, '{"receipts": 1}', { 'X-Forwarded-For': client })).status);
      return out;
    };
    expect(await statuses('203.0.113.8', 4)).toEqual([400, 400, 400, 429]);
    expect(await statuses('203.0.113.9', 1)).toEqual([400]);
    await s.close();

    // A peer outside the list: its X-Forwarded-For is ignored, however it varies.
    s = await start({ name: s.name, trustProxy: trusted('10.0.0.0/8'), ratePerMinute: 3 });
    expect(await ipOf(s, { 'X-Forwarded-For': '198.51.100.23' })).toBe('127.0.0.0');
    const spoofed: number[] = [];
    for (let i = 0; i < 3; i++)
      spoofed.push((await post(s, '{"receipts": 1}', { 'X-Forwarded-For': `203.0.113.${i}` })).status);
    expect(spoofed).toEqual([400, 400, 429]);
    await s.close();

    // With --proxy-header forwarded, only Forwarded is read: an X-Forwarded-For is the visitor's own.
    s = await start({ name: s.name, trustProxy: trusted('127.0.0.1', 'forwarded') });
    expect(await ipOf(s, { 'X-Forwarded-For': '1.2.3.4', Forwarded: 'for=198.51.100.23;proto=http' })).toBe(
      '198.51.100.0',
    );
    await s.close();

    // Without --trust-proxy (the default) no header is read.
    s = await start({ name: s.name });
    expect(await ipOf(s, { 'X-Forwarded-For': '198.51.100.23', Forwarded: 'for=198.51.100.23' })).toBe('127.0.0.0');
  });

  it('publishes the demo pages\' site "demo" itself with --demo on an empty ledger, recording from where it serves them', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const demoLines = () => logged.mock.calls.filter(([line]) => String(line).startsWith('demo:'));
    const s = await start({ demo: true, sites: undefined });
    expect(s.published).toEqual([]);
    expect((await fetch(`${s.url}/v1/sites/demo/consent.js`)).status).toBe(200);
    expect(demoLines()).toEqual([
      [`demo: published the demo pages' site "demo" (origins ${s.visitorUrls.join(', ')})`],
    ]);
    // The demo package's config, at this server's origins (not the 8080 the file names).
    const { origins, policyUrl, ...rest } = JSON.parse(readFileSync(demoSiteFile(), 'utf8'));
    const published = (await s.store.getSite('demo'))!.config;
    expect(published).toMatchObject({
      ...rest,
      origins: s.visitorUrls,
      policyUrl: `${s.url}/confidentialite.html`,
    });
    expect([origins, policyUrl]).not.toEqual([published.origins, published.policyUrl]);
    // So a demo page served on this port records its visitors' choices.
    const device = await Device.create(published);
    const receipt = await fetch(`${s.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: s.url },
      body: JSON.stringify({ receipts: [(await device.receipt()).jws] }),
    });
    expect(receipt.status).toBe(201);
    await s.close();

    // A restart finds it published: nothing is published again.
    logged.mockClear();
    const again = await start({ demo: true, sites: undefined, name: s.name });
    expect(demoLines()).toEqual([]);
    expect((await again.store.getSite('demo'))!.config).toEqual(published);
    await again.close();
  });

  it('leaves a site "demo" published by --sites as it is, and says when it records from elsewhere', async () => {
    const said = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn')].map((spy) => spy.mockImplementation(() => {}));
    const demoLines = () => said.map((spy) => spy.mock.calls.filter(([line]) => String(line).startsWith('demo:')));
    const s = await start({ demo: true });
    expect(s.published).toContain('demo');
    // The fixture records from port 8080: served on another port, the pages could not record.
    const { origins } = JSON.parse(readFileSync(join(FIXTURES, 'demo.json'), 'utf8'));
    expect((await s.store.getSite('demo'))!.config.origins).toEqual(origins);
    expect(demoLines()).toEqual([
      [],
      [
        [
          `demo: the site "demo" of this ledger records from ${origins.join(', ')}, not from here: the demo pages served here cannot record choices (serve on that address, use another --data, or publish "demo" with these origins)`,
        ],
      ],
    ]);
  });

  it('serves consent.js at a short-cached URL and a versioned immutable one, and 404s what is not built', async () => {
    const assets = { sdk: join(dir, 'sdk'), auditor: join(dir, 'auditor'), demo: join(dir, 'demo') };
    mkdirSync(assets.sdk);
    mkdirSync(assets.demo);
    writeFileSync(join(assets.demo, 'index.html'), '<!doctype html><title>demo</title>');
    const s = await start({ assets, demo: true });
    expect((await fetch(`${s.url}/consent.js`)).status).toBe(404);
    writeFileSync(join(assets.sdk, 'consent.js'), 'console.log("consent")');
    const res = await fetch(`${s.url}/consent.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const versionedPath = /<([^>]+)>/.exec(res.headers.get('link') ?? '')?.[1];
    expect(versionedPath).toMatch(/^\/consent\.[0-9a-f]{12}\.js$/);
    const pinned = await fetch(`${s.url}${versionedPath}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await pinned.text()).toBe('console.log("consent")');
    expect((await fetch(`${s.url}/consent.000000000000.js`)).status).toBe(404);
    // Its lazily loaded chunks are named by their content: cached for good, 404 until built.
    expect((await fetch(`${s.url}/consent-views.0123456789ab.js`)).status).toBe(404);
    writeFileSync(join(assets.sdk, 'consent-views.0123456789ab.js'), 'window.views = 1');
    const chunk = await fetch(`${s.url}/consent-views.0123456789ab.js`);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chunk.text()).toBe('window.views = 1');
    expect(
      (await fetch(`${s.url}/consent.js`, { headers: { 'If-None-Match': res.headers.get('etag')! } })).status,
    ).toBe(304);
    const page = await fetch(`${s.url}/`);
    expect(await page.text()).toContain('<title>demo</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${s.url}/`, { headers: { 'If-None-Match': page.headers.get('etag')! } })).status).toBe(304);
    writeFileSync(join(assets.demo, 'tag.js'), 'window.tag = 1');
    expect((await fetch(`${s.url}/tag.js`)).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await fetch(`${s.url}/..%2f..%2fpackage.json`)).status).toBe(404);
    const audit = await fetch(`${s.url}/audit/`);
    expect(audit.status).toBe(404);
    expect(((await audit.json()) as { error: { code: string } }).error.code).toBe('not-found');
    // Routes the server adds after the API's answer 405 too; a folder's files answer 404 to other methods.
    const wrong = await fetch(`${s.url}/consent.js`, { method: 'POST' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await fetch(`${s.url}/index.html`, { method: 'DELETE' })).status).toBe(404);
  });

  it("serves the auditor's console (chunk and style sheet, named by their content) cached for good, under the auditor's CSP", async () => {
    const s = await start();
    const app = await fetch(`${s.url}/audit/app.js`);
    expect(app.headers.get('cache-control')).toBe('public, max-age=300');
    const code = await app.text();
    const names = [/import\("\.\/(console\.[A-Z0-9]{8}\.js)"\)/, /"(console\.[A-Z0-9]{8}\.css)"/].map(
      (re) => re.exec(code)?.[1],
    );
    expect(names).toEqual([expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/)]);
    for (const name of names) {
      const res = await fetch(`${s.url}/audit/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-security-policy')).toBe(AUDITOR_CSP);
    }
    // The page itself is revalidated on every visit: a new build names new chunks at once.
    expect((await fetch(`${s.url}/audit/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it("sends the built consent.js and each site's script compressed: brotli or gzip as asked, its own ETag, Vary", async () => {
    const s = await start();
    for (const path of ['/consent.js', '/v1/sites/clikodoc/consent.js?lang=fr']) {
      const plain = await rawGet(`${s.url}${path}`);
      expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
      const br = await rawGet(`${s.url}${path}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('Accept-Encoding');
      expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
      expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
      // The budget is measured as served: the real bundle, brotli, under 40 % of its size.
      expect(br.bytes.length).toBeLessThan(plain.bytes.length * 0.4);
      const gz = await rawGet(`${s.url}${path}`, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
      const tags = new Set([plain, br, gz].map((r) => r.headers.etag));
      expect(tags.size).toBe(3);
      const again = await rawGet(`${s.url}${path}`, {
        'Accept-Encoding': 'br',
        'If-None-Match': String(br.headers.etag),
      });
      expect([again.status, again.bytes.length]).toEqual([304, 0]);
    }
  });
});
