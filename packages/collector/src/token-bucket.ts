// Per-key token buckets: `perMinute` tokens refilled continuously, at most `perMinute` held, so a
// key may burst up to one minute's allowance and is then held to the rate.

export interface TokenBucketsOptions {
  perMinute: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Buckets kept before the oldest are forgotten (memory bound under address scans). */
  maxKeys?: number;
}

/** Whether tokens were taken, and if not, how long until they would be. */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets by key (an IP address, a /64). */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketsOptions) {
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
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
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { tokens: capacity, at: now };
      this.buckets.set(key, bucket);
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
