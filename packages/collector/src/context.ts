// What every route factory is given: the collector's parts, built once by createCollector.

import type { OkpPublicJwk } from '@consent-ledger/protocol';
import type { Context } from 'hono';
import type { CommitQueue } from './commit-queue';
import type { Cosigner } from './cosigner';
import type { EmbedFiles } from './embed-files';
import type { AppEnv } from './env';
import type { Integrator } from './integrator';
import type { CollectorKey } from './keys';
import type { Metrics } from './metrics';
import type { SiteDirectory } from './site-directory';
import type { LedgerStore } from './store/types';
import type { TokenBuckets } from './token-bucket';
import type { ReceiptVerifier } from './verifier';

/** Sizes and rates the collector enforces. */
export interface Limits {
  /** Largest `POST /v1/receipts` body (bytes); a full batch (100 receipts of ~830 B, ~85 KB) must fit. */
  bodyBytes: number;
  /** Most receipts per request. */
  batch: number;
  /** Receipts per minute per client address; 0 disables the limit. */
  ratePerMinute: number;
  /** Most receipts per group-commit transaction. */
  commitReceipts: number;
  /** How long site configs and notices are cached (ms). */
  siteCacheMs: number;
  /** Memory for imported device keys (~3.3 KB each: verifier.ts), shared by the verifying threads. */
  keyCacheBytes: number;
  /** Requests per minute per client address to a visitor's own routes (`/v1/subjects/*`); 0 disables the limit. */
  subjectRequestsPerMinute: number;
  /** Memory for DPoP proofs remembered against replay (~100 B each; a full cache forgets the oldest, it never refuses a fresh proof). */
  dpopCacheBytes: number;
  /** Memory for each rate limit's buckets by client address (~150 B each; the least recently seen are forgotten). */
  rateLimitBytes: number;
  /** Request bodies being handled at once on the ingest route (bytes); past it, 503 `unavailable` with Retry-After. */
  inFlightBytes: number;
}

/**
 * Defaults of `Limits`, the one source of them (docs/design.md: 128 KB, 100 receipts, 600 per minute; a visitor's own routes 60
 * requests per minute). The memory bounds add up to ~70 MB over an idle server's ~95 MB, inside
 * issue 14's 250 MB RSS budget for a first-visit flood.
 */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 128 * 1024,
  batch: 100,
  ratePerMinute: 600,
  commitReceipts: 2000,
  siteCacheMs: 2000,
  keyCacheBytes: 16 * 1024 * 1024,
  subjectRequestsPerMinute: 60,
  dpopCacheBytes: 10 * 1024 * 1024,
  rateLimitBytes: 8 * 1024 * 1024,
  inFlightBytes: 32 * 1024 * 1024,
};

/** The shared parts of one collector. */
export interface CollectorContext {
  store: LedgerStore;
  key: CollectorKey;
  retiredKeys: OkpPublicJwk[];
  clock: () => number;
  limits: Limits;
  sites: SiteDirectory;
  commits: CommitQueue;
  integrator: Integrator;
  /** The witnesses asked to cosign checkpoints, and how many cosignatures make a checkpoint witnessed; null without witnesses. */
  witnesses: { cosigner: Cosigner; quorum: number } | null;
  verify: ReceiptVerifier;
  /** Null when rate limiting is off. */
  buckets: TokenBuckets | null;
  /** The client address of a request, when known. */
  clientIp: (c: Context<AppEnv>) => string | null;
  /** Ingest counters and latency, rendered by GET /metrics. */
  metrics: Metrics;
  /** The base URL clients call when a proxy changes it (parsed by `parsePublicUrl`); null when clients call the URL the app sees. */
  publicUrl: string | null;
  /** Every base URL visitors' DPoP proofs may be bound to (the first is `publicUrl`); null: the request URL as the app sees it. */
  publicUrls: string[] | null;
  /** The SDK's build output, when this collector serves the scripts. */
  embed: EmbedFiles | null;
}
