// How many sockets `serve` holds open at once, in all and per client, so that a flood of slow
// connections cannot take every file descriptor and the memory their buffers hold (the socket
// timeouts close them, but only after seconds; a flood opens thousands meanwhile). A connection
// over a cap is answered at once (429 from a client over its share, 503 when the server is full,
// each a JSON error with Retry-After) and closed, instead of being dropped unanswered.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { parseAddress, rateKey, type TrustedProxies } from '@consent-ledger/collector';

/** Sockets open at once. */
export interface ConnectionLimits {
  /** In all; past it, 503 `unavailable`. 0 disables the cap. */
  max: number;
  /** From one client (an IPv4 address, an IPv6 /64); past it, 429 `rate-limited`. 0 disables it. */
  perClient: number;
}

/** Defaults of `ConnectionLimits`: far above what browsers open (six per host), far below the file descriptors a process gets. */
export const CONNECTION_LIMITS: ConnectionLimits = { max: 4096, perClient: 256 };

/** Refused sockets given this long to read their answer before they are destroyed (ms). */
const REFUSED_LINGER_MS = 2000;

function answer(status: 429 | 503, code: string, message: string): Buffer {
  const body = JSON.stringify({ error: { code, message } });
  return Buffer.from(
    `HTTP/1.1 ${status} ${status === 429 ? 'Too Many Requests' : 'Service Unavailable'}\r\n` +
      'Content-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\nCache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const FULL = answer(503, 'unavailable', 'the collector holds as many connections as it can; retry in 1 s');
const OVER_SHARE = answer(
  429,
  'rate-limited',
  'too many connections open from your address; close some (or reuse one) and retry',
);

function refuse(socket: Socket, response: Buffer): void {
  socket.on('error', () => undefined);
  socket.setTimeout(REFUSED_LINGER_MS, () => socket.destroy());
  // Whatever the client sends is read and dropped, so it sees the answer rather than a reset.
  socket.resume();
  socket.end(response);
}

/**
 * Caps the connections `server` accepts (call before it accepts any). Peers that are `proxies`
 * carry many clients, so the per-client share does not apply to them; the total does.
 */
export function capConnections(server: Server, limits: ConnectionLimits, proxies?: TrustedProxies): void {
  if (limits.max === 0 && limits.perClient === 0) return;
  let open = 0;
  const perClient = new Map<string, number>();
  // The HTTP server's own listener parses requests: it gets only the sockets within the caps.
  const handlers = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? '';
    const bytes = parseAddress(peer);
    const client = limits.perClient > 0 && !(bytes && proxies?.has(bytes)) ? (rateKey(peer) ?? peer) : null;
    const fromClient = client === null ? 0 : (perClient.get(client) ?? 0);
    if (limits.max > 0 && open >= limits.max) return refuse(socket, FULL);
    if (client !== null && fromClient >= limits.perClient) return refuse(socket, OVER_SHARE);
    open += 1;
    if (client !== null) perClient.set(client, fromClient + 1);
    socket.once('close', () => {
      open -= 1;
      if (client === null) return;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left === 0) perClient.delete(client);
      else perClient.set(client, left);
    });
    for (const handle of handlers) handle.call(server, socket);
  });
  // Refused sockets linger for their answer: past twice the cap, Node closes new ones unanswered, so
  // refusals cannot pile up either.
  if (limits.max > 0) server.maxConnections = limits.max * 2;
}
