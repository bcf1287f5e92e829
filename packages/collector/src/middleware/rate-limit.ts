// 429 `rate-limited` with Retry-After once a client's bucket is empty. The middleware charges one
// token per request; a handler that learns the real cost (receipts in a batch) charges the rest.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';
import type { TokenBuckets } from '../token-bucket';

export interface RateLimitOptions {
  buckets: TokenBuckets;
  /** The bucket of a request (e.g. its client address); null skips the limit. */
  key: (c: Context<AppEnv>) => string | null;
  /** What is counted, for the 429 message; default "receipts". */
  unit?: string;
}

/** Charges `n` more tokens to the request's bucket (`paid` already taken by it); the 429 answer when it holds fewer, else null. */
export function charge(c: Context<AppEnv>, options: RateLimitOptions, n: number, paid = 0): Response | null {
  const key = options.key(c);
  if (key === null || n <= 0) return null;
  const taken = options.buckets.take(key, n, paid);
  if (taken.ok) return null;
  c.header('Retry-After', String(taken.retryAfterSeconds));
  return errorResponse(
    c,
    429,
    'rate-limited',
    `too many ${options.unit ?? 'receipts'} from this address; retry in ${taken.retryAfterSeconds} s`,
  );
}

/** Per-client token-bucket rate limit, one token per request. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refused = charge(c, options, 1);
    if (refused) return refused;
    await next();
  };
}
