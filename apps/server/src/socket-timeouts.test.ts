// Sockets that do not do their part are closed: one that never sends a byte, one that sends its
// headers a byte at a time forever, one kept alive after its answer. Real sockets on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, SOCKET_TIMEOUTS } from './server';
import { startLoopbackServer } from './testing/loopback-server';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socket-timeouts-'));
  server = await startLoopbackServer(dir, {
    timeouts: { idleMs: 400, headersMs: 800, requestMs: 1500, keepAliveMs: 300 },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a socket; `closed` resolves with how long it stayed open and what it received, or null if still open after `withinMs`. */
function open(withinMs: number): { socket: Socket; closed: Promise<{ ms: number; received: string } | null> } {
  const socket = connect(server.port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
  });
  socket.on('error', () => undefined);
  const closed = new Promise<{ ms: number; received: string } | null>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, withinMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, received });
    });
  });
  return { socket, closed };
}

describe('socket timeouts of serve', () => {
  it('has defaults that close idle sockets within a minute', () => {
    expect(SOCKET_TIMEOUTS.idleMs).toBeLessThanOrEqual(60_000);
    expect(SOCKET_TIMEOUTS.headersMs).toBeLessThan(SOCKET_TIMEOUTS.requestMs);
  });

  it('closes a connection that never sends a byte', async () => {
    const { closed } = open(10_000);
    const result = await closed;
    expect(result).not.toBeNull();
    expect(result!.ms).toBeGreaterThanOrEqual(300);
  });

  it('closes a connection that sends its headers a byte at a time and never ends them', async () => {
    const { socket, closed } = open(10_000);
    const request = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(1000)}`;
    let i = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(request[i++ % request.length]);
    }, 100);
    try {
      const result = await closed;
      expect(result).not.toBeNull();
      expect(result!.received).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      clearInterval(drip);
    }
  });

  it('answers a request, then closes the kept-alive connection once idle', async () => {
    // Node's own default keeps it 5 s: closed well before, it is the configured 300 ms that acts.
    const { socket, closed } = open(3_000);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const result = await closed;
    expect(result).not.toBeNull();
    expect(result!.received).toMatch(/^HTTP\/1\.1 200/);
  });
});
