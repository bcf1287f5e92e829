// createCollector: the Hono app of the collector API and the parts behind it (site cache, group
// commit, integrator), wired once. Servers mount `app`, call `start()` and, on shutdown, `close()`.

import type { OkpPublicJwk } from '@consent-ledger/protocol';
import { type Context, Hono } from 'hono';
import { nativeAckSigner } from './ack-signer';
import { CommitQueue } from './commit-queue';
import { type CollectorContext, DEFAULT_LIMITS, type Limits } from './context';
import { Cosigner } from './cosigner';
import { EmbedFiles } from './embed-files';
import type { AppEnv } from './env';
import { Integrator } from './integrator';
import type { IntegratorLock } from './integrator-lock';
import type { CollectorKey } from './keys';
import { Metrics } from './metrics';
import { jsonErrors, jsonNotFound } from './middleware/json-errors';
import { requestId } from './middleware/request-id';
import { parsePublicUrl } from './public-url';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import { configRoutes } from './routes/config';
import { embedRoutes } from './routes/embed';
import { healthRoutes } from './routes/health';
import { keysRoutes } from './routes/keys';
import { logRoutes } from './routes/log';
import { ingestMetricsRoutes, metricsRoutes, opsRoutes } from './routes/ops';
import { receiptsRoutes } from './routes/receipts';
import { subjectsRoutes } from './routes/subjects';
import { SiteDirectory } from './site-directory';
import { logCurrentNotices, type PublishOptions, type PublishResult, publishSite } from './sites';
import type { LedgerStore, NoticeRecord } from './store/types';
import { TokenBuckets } from './token-bucket';
import { createVerifier, type ReceiptVerifier } from './verifier';
import type { WitnessEndpoint } from './witness-client';

export interface CollectorOptions {
  store: LedgerStore;
  /** The signing key; its `name` is the collector's name (checkpoint origins, JWKS `name`). */
  key: CollectorKey;
  /** Older public keys still listed in the JWKS (old checkpoints and acks stay verifiable). */
  retiredKeys?: OkpPublicJwk[];
  /** Milliseconds since the epoch. */
  clock?: () => number;
  limits?: Partial<Limits>;
  /** The client address of a request; the Node server passes the socket's. */
  clientIp?: (c: Context<AppEnv>) => string | null;
  /** Verifies receipts (defaults to protocol's, with a key cache). */
  verify?: ReceiptVerifier;
  /** Integrator pacing. */
  integrator?: { intervalMs?: number; maxStep?: number };
  /** With several processes on one store: the integrator runs only while this lock is held. */
  integratorLock?: IntegratorLock;
  /**
   * Witnesses asked to cosign every new checkpoint (c2sp.org/tlog-witness), by the process that runs
   * the integrator; `quorum` (default: all) is how many cosignatures make a checkpoint witnessed.
   */
  witnesses?: {
    endpoints: WitnessEndpoint[];
    quorum?: number;
    intervalMs?: number;
    fetch?: typeof fetch;
    /** Where a witness's failures and recoveries are reported (default: stderr). */
    log?: (message: string) => void;
  };
  /** Where unexpected errors go. */
  log?: (message: string, error: unknown) => void;
  /**
   * The URL clients reach the collector at (`https://consent.example.org`), or several: visitors'
   * DPoP proofs must be bound to one of them (plus the request's path). Without it, `htu` is checked
   * against the request URL as the server hands it to the app, which on Node is built from the
   * `Host` header the client chose: a server reachable by anyone should always give it.
   */
  publicUrl?: string | string[];
  /**
   * The SDK's build output (the folder holding `consent.js` and any chunk it loads), served
   * compressed at `/consent.js`, its versioned and content-addressed names, and as every site's own
   * script (`/v1/sites/:site/consent.js`). Without it those routes answer 404.
   */
  embed?: { dir: string };
}

/** A running collector. */
export interface Collector {
  app: Hono<AppEnv>;
  /** `GET /metrics` (Prometheus) alone, to serve on a private address: it lists every site with its volumes. */
  metricsApp: Hono<AppEnv>;
  context: CollectorContext;
  /** Validates and publishes a site config (its notices appended; revision rules checked), refreshing this collector's cache. */
  publishSite(config: unknown, options?: PublishOptions): Promise<PublishResult>;
  /** Logs each live site's notices as this version words them where the log lacks them (after an upgrade changed a text); call before serving. */
  logCurrentNotices(): Promise<NoticeRecord[]>;
  /** Starts the periodic integrator (and the cosigner, with witnesses). */
  start(): void;
  /** Refuses new receipts, commits those in flight, stops the integrator after a last round. */
  close(): Promise<void>;
}

/** Builds the collector: its Hono app (one `AppEnv`) and the parts behind it. */
export function createCollector(options: CollectorOptions): Collector {
  const clock = options.clock ?? Date.now;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store, key } = options;
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  const witnesses = options.witnesses?.endpoints.length ? options.witnesses : null;
  const quorum = witnesses?.quorum ?? witnesses?.endpoints.length ?? 0;
  if (witnesses && !(Number.isInteger(quorum) && quorum >= 1 && quorum <= witnesses.endpoints.length))
    throw new TypeError(`createCollector: the witness quorum must be from 1 to ${witnesses.endpoints.length}`);
  const cosigner =
    witnesses &&
    new Cosigner({
      store,
      witnesses: witnesses.endpoints,
      clock,
      intervalMs: witnesses.intervalMs ?? 1000,
      fetch: witnesses.fetch,
      log: witnesses.log ?? ((message) => console.error(message)),
    });
  const publicUrls =
    options.publicUrl === undefined
      ? null
      : [options.publicUrl].flat().map((url) => {
          const parsed = parsePublicUrl(url);
          if (!parsed.ok) throw new TypeError(`createCollector: publicUrl ${parsed.error.message}`);
          return parsed.value;
        });
  if (publicUrls?.length === 0) throw new TypeError('createCollector: publicUrl lists no URL');
  const context: CollectorContext = {
    store,
    key,
    retiredKeys: options.retiredKeys ?? [],
    clock,
    limits,
    sites: new SiteDirectory({ store, clock, ttlMs: limits.siteCacheMs }),
    commits: new CommitQueue({
      store,
      clock,
      maxReceipts: limits.commitReceipts,
      signAcks: nativeAckSigner(key),
    }),
    integrator: new Integrator({
      store,
      key,
      clock,
      intervalMs: options.integrator?.intervalMs ?? 1000,
      maxStep: options.integrator?.maxStep ?? 50_000,
      log,
      onCheckpoints: () => cosigner?.wake(),
    }),
    witnesses: cosigner && { cosigner, quorum },
    verify: options.verify ?? createVerifier(limits.keyCacheBytes),
    buckets:
      limits.ratePerMinute > 0
        ? new TokenBuckets({ perMinute: limits.ratePerMinute, clock, maxBytes: limits.rateLimitBytes })
        : null,
    clientIp: options.clientIp ?? (() => null),
    metrics: new Metrics(),
    publicUrl: publicUrls?.[0] ?? null,
    publicUrls,
    embed: options.embed ? new EmbedFiles(options.embed.dir) : null,
  };
  // Read and compress the scripts now, so the first visitors wait for neither.
  void context.embed?.warm().catch((error) => log('embed: cannot read the SDK build output', error));

  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.onError(jsonErrors({ log }));
  app.notFound(jsonNotFound({ routes: () => app.routes }));
  const all = [
    healthRoutes,
    keysRoutes,
    configRoutes,
    embedRoutes,
    ingestMetricsRoutes,
    receiptsRoutes,
    logRoutes,
    auditRoutes,
    adminRoutes,
    subjectsRoutes,
    opsRoutes,
  ];
  for (const routes of all) app.route('/', routes(context));

  const metricsApp = new Hono<AppEnv>();
  metricsApp.onError(jsonErrors({ log }));
  metricsApp.notFound(jsonNotFound({ routes: () => metricsApp.routes }));
  metricsApp.route('/', metricsRoutes(context));

  return {
    app,
    metricsApp,
    context,
    async publishSite(config, publishOptions) {
      const published = await publishSite(store, key, config, new Date(clock()).toISOString(), publishOptions);
      if (published.ok) context.sites.invalidate(published.value.site.site);
      return published;
    },
    async logCurrentNotices() {
      const appended = await logCurrentNotices(store, key, new Date(clock()).toISOString());
      for (const site of new Set(appended.map((n) => n.site))) context.sites.invalidate(site);
      return appended;
    },
    start() {
      const lock = options.integratorLock;
      const run = () => {
        context.integrator.start();
        cosigner?.start();
      };
      if (!lock) run();
      else
        lock.start({
          onHeld: run,
          onLost: () => {
            void context.integrator.stop();
            void cosigner?.stop();
          },
        });
    },
    async close() {
      await context.commits.close();
      await cosigner?.stop();
      await context.integrator.stop();
      if (!options.integratorLock || options.integratorLock.held) await context.integrator.runOnce();
      await options.integratorLock?.close();
    },
  };
}
