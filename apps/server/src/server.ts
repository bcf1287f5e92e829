// The running collector: data folder, store, key, collector app and assets behind one Node HTTP
// server. Shutdown stops accepting, lets requests in flight finish (their commits included),
// then closes the collector (last commits and a final integrator round) and the store.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type Collector,
  createCollector,
  createVerifyPool,
  DEFAULT_LIMITS,
  type ForwardingOptions,
  forwardedClient,
  type LedgerStore,
  startRetentionJob,
  type TrustedProxies,
  type VerifyPool,
  type WitnessEndpoint,
} from '@consent-ledger/collector';
import { serve } from '@hono/node-server';
import { CommandError } from './args';
import { type AssetDirs, assetRoutes, installedAssets } from './assets';
import { ledgerBackend } from './backend';
import { CONNECTION_LIMITS, type ConnectionLimits, capConnections } from './connection-cap';
import { publishDemoSite } from './demo-site';

export interface ServerOptions {
  port: number;
  host: string;
  data: string;
  /** Collector name (checkpoint origins, JWKS); default: the one recorded at first start, then `--public-url`'s host, else `<host>:<port>`. */
  name?: string;
  /** Receipts per minute per client address; 0 disables. */
  ratePerMinute: number;
  /** Serve the demo site at `/`, and publish its site "demo" when the ledger has none. */
  demo: boolean;
  /** Folder whose every *.json site config is published at start. */
  sites?: string;
  /** Integrator pacing (ms). */
  integratorIntervalMs?: number;
  /** Where the SDK, auditor UI and demo files are (default: the installed packages'). */
  assets?: AssetDirs;
  /** Receipt verification worker threads; 0 verifies on the serving thread. */
  verifyThreads?: number;
  /** The verification worker script (default: verify-worker.js next to the built cli.js). */
  verifyWorker?: URL;
  /** SQLite writes on a thread of their own (sqlite-writer.js next to the built cli.js), so commits never stall serving. */
  sqliteWriterThread?: boolean;
  /** Load balancers whose forwarding header names the client (`--trust-proxy`); without it, the socket peer is the client. */
  trustProxy?: ForwardingOptions;
  /** The URL clients call when a proxy in front changes it (`--public-url`); visitors' DPoP proofs are bound to it. */
  publicUrl?: string;
  /** Where `GET /metrics` is served (`--metrics-listen`), apart from the API; without it, nowhere. */
  metricsListen?: { host: string; port: number };
  /** Socket timeouts (ms); default SOCKET_TIMEOUTS. */
  timeouts?: Partial<SocketTimeouts>;
  /** Connections open at once, in all and per client (`--max-connections`, `--max-connections-per-client`); default CONNECTION_LIMITS. */
  connections?: Partial<ConnectionLimits>;
  /** Witnesses asked to cosign every checkpoint (`--witness`), and how many make it witnessed (`--witness-quorum`). */
  witnesses?: { endpoints: WitnessEndpoint[]; quorum: number; intervalMs?: number };
}

/** How long a client may hold a connection without doing its part (ms). */
export interface SocketTimeouts {
  /** No byte either way: a connection that never sends one is closed after this. */
  idleMs: number;
  /** From the connection (or the previous response) to the end of the request headers. */
  headersMs: number;
  /** To the end of the request body (the largest is 128 KB). */
  requestMs: number;
  /** A kept-alive connection waiting for its next request. */
  keepAliveMs: number;
}

/** Defaults of `SocketTimeouts`: generous for a phone on a bad network, short enough that idle sockets cannot pile up. */
export const SOCKET_TIMEOUTS: SocketTimeouts = {
  idleMs: 30_000,
  headersMs: 20_000,
  requestMs: 60_000,
  keepAliveMs: 5_000,
};

/** A started server. */
export interface RunningServer {
  url: string;
  name: string;
  port: number;
  collector: Collector;
  store: LedgerStore;
  /** Published site ids (from `--sites`). */
  published: string[];
  /** The base URLs visitors' DPoP proofs may be bound to: `--public-url`, else `listenUrls`. */
  visitorUrls: string[];
  /** `http://host:port/metrics` when `metricsListen` was given. */
  metricsUrl: string | null;
  /** Stops accepting, finishes in-flight requests and commits, closes the store. */
  close(): Promise<void>;
}

/** Publishes every *.json config of a folder, in name order; a bad one stops the start with its issues, one the revision rules refuse is left out with a warning. */
async function publishFolder(collector: Collector, dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new CommandError(`cannot read site configs in ${dir}: ${(error as Error).message}`);
  }
  const sites: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CommandError(`${path}: not JSON (${(error as Error).message})`);
    }
    const published = await collector.publishSite(json);
    // A site edited since (in the console, or by `sites put`) keeps what was published: the start says why.
    if (!published.ok && published.error.code === 'revision-conflict')
      console.warn(`consent-ledger: ${path} not published, the published config stays: ${published.error.message}`);
    else if (!published.ok) throw new CommandError(`${path}: ${published.error.message}`);
    else sites.push(published.value.site.site);
  }
  return sites;
}

/**
 * Starts a Node HTTP server for `fetch` on `host:port`, closing sockets that outstay `timeouts` and
 * answering connections past `connections` (trusted `proxies` have no per-client share).
 */
export function listen(
  fetch: (req: Request, env: unknown) => Response | Promise<Response>,
  port: number,
  host: string,
  timeouts: SocketTimeouts = SOCKET_TIMEOUTS,
  connections: ConnectionLimits = CONNECTION_LIMITS,
  proxies?: TrustedProxies,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node checks the header and request timeouts this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    };
    const server = serve({ fetch, port, hostname: host, serverOptions }, () => resolve(server as Server)) as Server;
    // Node's header timeout only starts with a request's first byte: a socket that never sends one
    // needs an idle timeout of its own (the server destroys a socket that times out).
    server.timeout = timeouts.idleMs;
    capConnections(server, connections, proxies);
    server.once('error', reject);
  });
}

/** A name from the public URL: its host and path (`consent.example.org/ledger`), as checkpoint origins are written. */
function publicName(publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  const url = new URL(publicUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** A host as it goes in a URL (IPv6 addresses in brackets). */
export function displayHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const ANY_HOST = new Set(['0.0.0.0', '::']);

/**
 * The URLs visitors' DPoP proofs may be bound to when no `--public-url` names them: the address
 * served on, never a `Host` header a client chose. A loopback or wildcard listener takes the
 * loopback names of its port (what a browser on this machine calls); any other public name needs
 * `--public-url`.
 */
export function listenUrls(host: string, port: number): string[] {
  if (LOOPBACK_HOSTS.has(host) || ANY_HOST.has(host))
    return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
  return [`http://${displayHost(host)}:${port}`];
}

/** Starts the collector server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Run from sources (tests) there is no bundled writer script: the writes then stay on this thread.
  const writer = new URL('./sqlite-writer.js', import.meta.url);
  const backend = ledgerBackend(options.data);
  const store = backend.openStore({
    writerWorker: options.sqliteWriterThread && existsSync(writer) ? writer : undefined,
  });
  let collector: Collector | null = null;
  let pool: VerifyPool | null = null;
  let server: Server;
  let metrics: Server | null = null;
  try {
    // The name defaults to the address served on, known only once listening (port 0 picks one).
    server = await listen(
      (req, env) =>
        collector
          ? collector.app.fetch(req, env)
          : Response.json({ error: { code: 'unavailable', message: 'starting' } }, { status: 503 }),
      options.port,
      options.host,
      { ...SOCKET_TIMEOUTS, ...options.timeouts },
      { ...CONNECTION_LIMITS, ...options.connections },
      options.trustProxy?.proxies,
    );
  } catch (error) {
    await store.close();
    throw new CommandError(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const port = (server.address() as AddressInfo).port;
  // Only a first start uses it: the name is recorded with the ledger (data folder or database).
  const name = options.name ?? publicName(options.publicUrl) ?? `${displayHost(options.host)}:${port}`;
  try {
    // On PostgreSQL every collector signs with the database's key and name, and one at a time sequences.
    const { key, retired, integratorLock } = await backend.identity(options.name ?? null, name);
    pool = options.verifyThreads
      ? createVerifyPool({
          workerUrl: options.verifyWorker ?? new URL('./verify-worker.js', import.meta.url),
          threads: options.verifyThreads,
          cacheBytes: DEFAULT_LIMITS.keyCacheBytes,
        })
      : null;
    const visitorUrls = options.publicUrl ? [options.publicUrl] : listenUrls(options.host, port);
    const assets = options.assets ?? installedAssets();
    const built = createCollector({
      verify: pool?.verify,
      store,
      key,
      retiredKeys: retired,
      integratorLock,
      limits: { ratePerMinute: options.ratePerMinute },
      integrator: { intervalMs: options.integratorIntervalMs },
      publicUrl: visitorUrls,
      embed: { dir: assets.sdk },
      witnesses: options.witnesses,
      clientIp: (c) => {
        const peer = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? null;
        const proxy = options.trustProxy;
        return proxy ? forwardedClient(peer, c.req.header(proxy.header), proxy) : peer;
      },
    });
    built.app.route('/', assetRoutes({ auditor: assets.auditor, demo: options.demo ? assets.demo : null }));
    const relogged = await built.logCurrentNotices();
    if (relogged.length > 0)
      console.log(
        `notices: this version words ${relogged.length} notice(s) differently; logged them (${[...new Set(relogged.map((n) => `${n.site} ${n.language}`))].join(', ')})`,
      );
    const published = options.sites ? await publishFolder(built, options.sites) : [];
    const demo = options.demo ? await publishDemoSite(built, visitorUrls) : null;
    if (demo && 'log' in demo) console.log(demo.log);
    if (demo && 'warn' in demo) console.warn(demo.warn);
    if (options.metricsListen) {
      const { host, port: metricsPort } = options.metricsListen;
      try {
        metrics = await listen((req, env) => built.metricsApp.fetch(req, env), metricsPort, host);
      } catch (error) {
        throw new CommandError(`cannot listen for metrics on ${host}:${metricsPort}: ${(error as Error).message}`);
      }
    }
    built.start();
    // Retention: receipts past their site's retentionDays are redacted hourly (`consent-ledger purge` does it at once).
    const retention = startRetentionJob({
      store,
      key,
      clock: Date.now,
      intervalMs: 3_600_000,
      log: (message, error) => (error ? console.error(message, error) : console.log(message)),
    });
    collector = built;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${displayHost(options.host)}:${port}`,
      name: key.name,
      port,
      collector: built,
      store,
      published,
      visitorUrls,
      metricsUrl: metrics
        ? `http://${displayHost(options.metricsListen!.host)}:${(metrics.address() as AddressInfo).port}/metrics`
        : null,
      close() {
        closing ??= (async () => {
          metrics?.close();
          metrics?.closeAllConnections();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            // Keep-alive clients that never go idle must not hold the shutdown forever.
            setTimeout(() => server.closeAllConnections(), 5000).unref();
          });
          await retention.stop();
          await built.close();
          await pool?.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await collector?.close();
    await pool?.close();
    await store.close();
    // Whatever stopped the start is said in one line (a stack trace buries the cause).
    if (error instanceof CommandError) throw error;
    throw new CommandError(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
