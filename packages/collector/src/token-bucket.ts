// Per-key token buckets: `perMinute` tokens refilled continuously, at most `perMinute` held, so a
// key may burst up to one minute's allowance and is then held to the rate.
import { ByteLru } from './byte-lru';

export interface TokenBucketsOptions {
  perMinute: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Memory for buckets (~150 B each), the least recently used forgotten beyond it (address scans); default 8 MB. */
  maxBytes?: number;
}

/** Estimated memory of one bucket besides its key's characters: the object, the entry, the key string's header. */
const BUCKET_BYTES = 120;

/** Whether tokens were taken, and if not, how long until they would be. */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets by key (an IP address, a /64). */
export class TokenBuckets {
  private readonly buckets: ByteLru<string, { tokens: number; at: number }>;
  private readonly perMs: number;

  constructor(private readonly options: TokenBucketsOptions) {
    this.perMs = options.perMinute / 60_000;
    this.buckets = new ByteLru(options.maxBytes ?? 8 * 1024 * 1024);
  }

  /** The most tokens a bucket holds: one minute's allowance. */
  get capacity(): number {
    return this.options.perMinute;
  }

  /**
   * Takes `n` tokens from `key`'s bucket, or none when it holds fewer. `paid` tokens this request
   * already took are given back on a refusal, and counted in its Retry-After, so a client waiting
   * that long is served instead of paying the first token again.
   */
  take(key: string, n = 1, paid = 0): Take {
    const now = this.options.clock();
    const capacity = this.options.perMinute;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: capacity, at: now };
      this.buckets.set(key, bucket, BUCKET_BYTES + key.length);
    } else {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= n) {
      bucket.tokens -= n;
      return { ok: true };
    }
    bucket.tokens += paid;
    const missing = Math.min(n + paid, capacity) - bucket.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.perMs / 1000)) };
  }
}
