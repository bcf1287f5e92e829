// A visitor's own requests, authorised by a DPoP proof (RFC 9449) signed with the device key:
// the key's thumbprint must be the `:subject` of the route, `iat` within 60 s, and each `jti`
// is refused when seen in the last 5 minutes. Every failure is 401 `bad-proof`. The proof's `htu`
// is the URL the browser called: behind a proxy that changes it, give the collector's public URL.

import { verifyDpopProof } from '@consent-ledger/protocol';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { publicRequestUrl } from '../public-url';

export interface DpopAuthOptions {
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** How long a `jti` is remembered (ms); default 5 minutes. */
  replayWindowMs?: number;
  /** Largest accepted |now - iat| (s); default 60. */
  maxSkewSeconds?: number;
  /** Most `jti`s remembered; beyond it proofs are refused rather than the window shortened. */
  maxRemembered?: number;
  /** The public base URL (parsed by `parsePublicUrl`) `htu` is checked against, instead of the URL the app sees. */
  publicUrl?: string | null;
}

/** Remembered `jti`s with their expiry, oldest first (insertion order is expiry order). */
class ReplayCache {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly windowMs: number,
    private readonly max: number,
  ) {}

  /** Records `jti`; false when it was seen within the window or the cache is full. */
  remember(jti: string, now: number): boolean {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
    if (this.seen.has(jti) || this.seen.size >= this.max) return false;
    this.seen.set(jti, now + this.windowMs);
    return true;
  }
}

/** Verifies the `DPoP` header against the request and the `:subject` param, and sets `subject`. */
export function dpopAuth(options: DpopAuthOptions): MiddlewareHandler<AppEnv> {
  const replay = new ReplayCache(options.replayWindowMs ?? 5 * 60_000, options.maxRemembered ?? 100_000);
  return async (c, next) => {
    const proof = c.req.header('dpop');
    if (!proof) throw badProof('this route needs a DPoP proof signed with the device key');
    const now = options.clock();
    const htu = options.publicUrl ? publicRequestUrl(options.publicUrl, c.req.url) : c.req.url;
    const checked = await verifyDpopProof(proof, {
      htm: c.req.method,
      htu,
      now,
      maxSkewSeconds: options.maxSkewSeconds ?? 60,
    });
    if (!checked.ok) throw badProof(checked.error.message);
    if (checked.value.subject !== c.req.param('subject'))
      throw badProof('the proof is signed by another device than the subject');
    if (!replay.remember(checked.value.jti, now)) throw badProof('this proof was already used');
    c.set('subject', checked.value.subject);
    await next();
  };
}

function badProof(message: string): ApiError {
  return new ApiError(401, 'bad-proof', message);
}
