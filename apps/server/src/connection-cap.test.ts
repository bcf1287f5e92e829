// A flood of connections cannot take the server: past its caps a connection is answered (429 from
// a client over its share, 503 when full, a JSON error with Retry-After) and closed, and the others
// keep being served. Real sockets on loopback, from several client addresses (127.0.0.0/8).
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrustedProxies } from '@consent-ledger/collector';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CONNECTION_LIMITS } from './connection-cap';
import type { RunningServer, ServerOptions } from './server';
import { startLoopbackServer } from './testing/loopback-server';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const sockets: Socket[] = [];

async function start(options: Partial<ServerOptions>): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'connection-cap-'));
  dirs.push(dir);
  // Kept-alive sockets stay open for the whole test.
  const server = await startLoopbackServer(dir, { timeouts: { idleMs: 60_000, keepAliveMs: 60_000 }, ...options });
  servers.push(server);
  return server;
}

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A socket from `from` that asks GET /healthz once and keeps the connection; resolves with what it was answered first. */
function ask(
  server: RunningServer,
  from: string,
): Promise<{ socket: Socket; response: string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: server.port, host: '127.0.0.1', localAddress: from });
    sockets.push(socket);
    let received = '';
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', reject);
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    socket.on('data', (chunk) => {
      received += chunk;
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received)?.[1];
      if (end >= 0 && length !== undefined && received.length >= end + 4 + Number(length))
        resolve({ socket, response: received, closed });
    });
  });
}

const status = (response: string) => Number(response.slice(9, 12));
const body = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe('connection caps of serve', () => {
  it('has defaults far above a browser and below the process limits', () => {
    expect(CONNECTION_LIMITS.perClient).toBeGreaterThanOrEqual(64);
    expect(CONNECTION_LIMITS.max).toBeGreaterThan(CONNECTION_LIMITS.perClient);
  });

  it('answers a client over its share 429 and a full server 503, then serves again once sockets close', async () => {
    const server = await start({ connections: { max: 4, perClient: 2 } });
    const held = [await ask(server, '127.0.0.1'), await ask(server, '127.0.0.1')];
    expect(held.map((h) => status(h.response))).toEqual([200, 200]);

    const over = await ask(server, '127.0.0.1');
    expect(status(over.response)).toBe(429);
    expect(over.response).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(over.response).toMatch(/\r\ncontent-type: application\/json\r\n/i);
    expect(body(over.response).error.code).toBe('rate-limited');
    await over.closed; // answered, then closed by the server

    // Another client has its own share, until the server is full.
    expect(status((await ask(server, '127.0.0.2')).response)).toBe(200);
    expect(status((await ask(server, '127.0.0.2')).response)).toBe(200);
    const full = await ask(server, '127.0.0.3');
    expect([status(full.response), body(full.response).error.code]).toEqual([503, 'unavailable']);
    expect(full.response).toMatch(/\r\nretry-after: 1\r\n/i);
    // fetch reads the refusal as an answer too.
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    held[0].socket.destroy();
    await vi.waitFor(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200), { timeout: 5000 });
  });

  it('does not apply the per-client share to a trusted proxy (it carries many clients), only the total', async () => {
    const proxies = parseTrustedProxies('127.0.0.1');
    if (!proxies.ok) throw new Error(proxies.error.message);
    const server = await start({
      connections: { max: 4, perClient: 2 },
      trustProxy: { proxies: proxies.value, header: 'x-forwarded-for' },
    });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(status((await ask(server, '127.0.0.1')).response));
    expect(answers).toEqual([200, 200, 200, 200]);
    expect(status((await ask(server, '127.0.0.1')).response)).toBe(503);
  });
});
