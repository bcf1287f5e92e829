import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchConfig, readConfigFile } from './config-source';
import { testConfig } from './test-data';

// A collector stand-in on loopback: the config answer of "praticien", a broken one, 404 for the rest.
let server: Server;
let base: string;
let dir: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (req.url === '/v1/sites/praticien/config') send(200, JSON.stringify({ config: testConfig(), language: 'fr' }));
    else if (req.url === '/v1/sites/broken/config') send(200, JSON.stringify({ config: { site: 'broken' } }));
    else if (req.url === '/v1/sites/garbled/config') send(200, '<html>');
    else if (req.url === '/v1/sites/failing/config')
      send(503, JSON.stringify({ error: { code: 'unavailable', message: 'shutting down' } }));
    else if (req.url?.startsWith('/v1/sites/'))
      send(404, JSON.stringify({ error: { code: 'unknown-site', message: 'no such site' } }));
    else send(404, '<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'cl-scan-config-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a ScanError');
    },
    (error) => ({ code: error.code, message: error.message }),
  );

describe('the config a scan compares against', () => {
  it('fetches and validates the collector’s config answer', async () => {
    const loaded = await fetchConfig(`${base}/`, 'praticien', 5_000);
    expect(loaded.source).toBe(`${base}/v1/sites/praticien/config`);
    expect(loaded.config.site).toBe('praticien');
  });

  it('names the cause of every failure in one line', async () => {
    expect(await failure(fetchConfig(base, 'nobody', 5_000))).toEqual({
      code: 'unknown-site',
      message: `the collector at ${base} does not know site "nobody" (${base}/v1/sites/nobody/config: 404)`,
    });
    const broken = await failure(fetchConfig(base, 'broken', 5_000));
    expect(broken.code).toBe('invalid-config');
    expect(broken.message).toMatch(/^http:.*broken\/config: invalid site config \(\d+ problems\): name: is required;/);
    expect(await failure(fetchConfig(base, 'garbled', 5_000))).toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('not JSON'),
    });
    expect(await failure(fetchConfig(base, 'failing', 5_000))).toEqual({
      code: 'unreachable',
      message: `collector ${base}/v1/sites/failing/config: HTTP 503 unavailable: shutting down`,
    });
    expect(await failure(fetchConfig(`${base}/not-a-collector`, 'x', 5_000))).toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/HTTP 404: is this a Consent Ledger collector\?$/),
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(fetchConfig(`http://127.0.0.1:${port}`, 'x', 5_000))).toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
    for (const message of Object.values(broken)) expect(message).not.toContain('\n');
  });

  it('reads a config file, refusing a missing, non-JSON or invalid one', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(testConfig()));
    expect((await readConfigFile(good)).config.site).toBe('praticien');
    expect(await failure(readConfigFile(join(dir, 'missing.json')))).toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('ENOENT'),
    });
    const notJson = join(dir, 'bad.json');
    await writeFile(notJson, '{ site: ');
    expect(await failure(readConfigFile(notJson))).toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('not JSON'),
    });
    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, JSON.stringify({ ...testConfig(), purposes: { maps2: {} } }));
    expect(await failure(readConfigFile(invalid))).toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('purposes.maps2'),
    });
  });
});
