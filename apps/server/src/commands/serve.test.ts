import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import { createDpopProof } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';
import type { RunningServer } from '../server';
import { startLoopbackServer } from '../testing/loopback-server';

describe('consent-ledger serve flags', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [['--trust-proxy', '10.0.0.1/8'], '--trust-proxy: "10.0.0.1/8" has bits set after /8 (the block is 10.0.0.0/8)'],
    [['--trust-proxy', 'lb.internal'], '--trust-proxy: "lb.internal" is not an IP address or a CIDR block'],
    [['--trust-proxy', ''], '--trust-proxy: the list of trusted proxies is empty'],
    [
      ['--trust-proxy', '10.0.0.0/8', '--proxy-header', 'x-real-ip'],
      '--proxy-header must be one of x-forwarded-for, forwarded, not "x-real-ip"',
    ],
    [['--proxy-header', 'forwarded'], '--proxy-header needs --trust-proxy'],
    [
      ['--public-url', 'consent.example.org'],
      '--public-url: "consent.example.org" is not an absolute URL (such as https://consent.example.org)',
    ],
    [
      ['--public-url', 'ftp://consent.example.org'],
      '--public-url: "ftp://consent.example.org" is not an http:// or https:// URL',
    ],
    [
      ['--public-url', 'https://consent.example.org/?site=a'],
      '--public-url: "https://consent.example.org/?site=a" has a query or a fragment; give the base URL only',
    ],
    [['--public-url'], "Option '--public-url <value>' argument missing"],
    [
      ['--metrics-listen', '9464'],
      '--metrics-listen must be HOST:PORT (such as 127.0.0.1:9464 or [::1]:9464), not "9464"',
    ],
    [
      ['--metrics-listen', '127.0.0.1:99999'],
      '--metrics-listen must be HOST:PORT (such as 127.0.0.1:9464 or [::1]:9464), not "127.0.0.1:99999"',
    ],
    [['--max-connections', 'lots'], '--max-connections must be an integer from 0 to 1000000, not "lots"'],
    [
      ['--max-connections-per-client', '1.5'],
      '--max-connections-per-client must be an integer from 0 to 1000000, not "1.5"',
    ],
  ])('refuses %j before starting, as a usage error', async (args, message) => {
    expect(await main(['serve', ...args])).toBe(2);
    expect(err.join('\n')).toContain(`consent-ledger: ${message}`);
    expect(err.join('\n')).toContain('[--trust-proxy CIDR,...]');
    expect(err.join('\n')).toContain('[--public-url URL]');
  });
});

describe('consent-ledger serve --public-url, over HTTP as a TLS-terminating proxy forwards it', () => {
  let dir: string;
  let server: RunningServer | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a visitor’s proof bound to the public URL on a request that reaches it as http://127.0.0.1', async () => {
    server = await startLoopbackServer(dir, { publicUrl: 'https://consent.example.org' });
    const device = await Device.create(fixtureConfig('clikodoc'));
    const receipt = await device.receipt({ page: 'http://localhost:8080/' });
    const posted = await fetch(`${server.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
      body: JSON.stringify({ receipts: [receipt.jws] }),
    });
    expect(posted.status).toBe(201);
    const path = `/v1/subjects/${receipt.payload.subject}/receipts`;
    const read = (htu: string) =>
      createDpopProof({ htm: 'GET', htu, device: device.keys }).then((proof) =>
        fetch(`${server!.url}${path}`, { headers: { DPoP: proof } }),
      );
    const viaProxy = await read(`https://consent.example.org${path}`);
    expect(viaProxy.status).toBe(200);
    expect(((await viaProxy.json()) as { sites: Array<{ site: string }> }).sites.map((s) => s.site)).toEqual([
      'clikodoc',
    ]);
    const direct = await read(`${server.url}${path}`);
    expect([direct.status, ((await direct.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'bad-proof',
    ]);
  });
});

describe('consent-ledger serve --metrics-listen', () => {
  let dir: string;
  let server: RunningServer | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-metrics-'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /metrics on its own address only, never beside the public API', async () => {
    server = await startLoopbackServer(dir, { metricsListen: { host: '127.0.0.1', port: 0 } });
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scraped = await fetch(server.metricsUrl!);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('consent_ledger_log_entries{site="clikodoc"}');
    const onApi = await fetch(`${server.url}/metrics`);
    expect(onApi.status).toBe(404);
    const metricsOrigin = new URL(server.metricsUrl!).origin;
    expect((await fetch(`${metricsOrigin}/v1/keys`)).status).toBe(404);
  });

  it('serves no metrics at all without it', async () => {
    server = await startLoopbackServer(dir);
    expect(server.metricsUrl).toBeNull();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});

describe('consent-ledger serve without --public-url: visitors’ proofs are bound to the address served on, not to Host', () => {
  let dir: string;
  let server: RunningServer | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-htu-'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the loopback names of its port and refuses a proof for another server sent with that Host', async () => {
    server = await startLoopbackServer(dir);
    expect(server.visitorUrls).toEqual([
      `http://127.0.0.1:${server.port}`,
      `http://localhost:${server.port}`,
      `http://[::1]:${server.port}`,
    ]);
    const device = await Device.create(fixtureConfig('clikodoc'));
    const receipt = await device.receipt({ page: 'http://localhost:8080/' });
    const posted = await fetch(`${server.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
      body: JSON.stringify({ receipts: [receipt.jws] }),
    });
    expect(posted.status).toBe(201);
    const path = `/v1/subjects/${receipt.payload.subject}/receipts`;
    /** A raw request (fetch would not send another Host), with a proof bound to `htu`. */
    const read = async (htu: string, host: string) => {
      const proof = await createDpopProof({ htm: 'GET', htu, device: device.keys });
      return new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server!.port, path, headers: { Host: host, DPoP: proof } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.end();
      });
    };
    const port = server.port;
    expect(await read(`http://127.0.0.1:${port}${path}`, `127.0.0.1:${port}`)).toBe(200);
    expect(await read(`http://localhost:${port}${path}`, `localhost:${port}`)).toBe(200);
    // A proof the visitor made for another collector, replayed here with that collector's Host.
    expect(await read(`https://consent.other.example${path}`, 'consent.other.example')).toBe(401);
    expect(await read(`http://consent.other.example:${port}${path}`, `consent.other.example:${port}`)).toBe(401);
  });
});
