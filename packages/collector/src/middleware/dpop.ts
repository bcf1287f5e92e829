// A visitor's own requests, authorised by a DPoP proof (RFC 9449) signed with the device key:
// the key's thumbprint must be the `:subject` of the route, `iat` within 60 s, and a proof is
// refused when seen again while it is still within that window (replay-cache.ts). Every failure is
// 401 `bad-proof`. The proof's `htu` is the URL the browser called: behind a proxy that changes
// it, give the collector's public URL.

import { decodeJws, fromUtf8, verifyDpopProof } from '@consent-ledger/protocol';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { publicRequestUrl } from '../public-url';
import { ReplayCache, type ReplayRefusal } from '../replay-cache';

export interface DpopAuthOptions {
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Largest accepted |now - iat| (s); default 60. A proof is remembered that long past its `iat`. */
  maxSkewSeconds?: number;
  /** Memory for remembered proofs (see ReplayCache: a full cache forgets the oldest, it never refuses a fresh proof); default 10 MB. */
  maxBytes?: number;
  /** The public base URLs (parsed by `parsePublicUrl`) `htu` may be bound to, instead of the URL the app sees. */
  publicUrls?: string[] | null;
}

const REFUSALS: Record<ReplayRefusal, string> = {
  replayed: 'this proof was already used',
  'too-old': 'this proof is too old to be told apart from a replay; sign a new one',
  'too-many-ahead': 'iat is ahead of the collector’s clock; sign the proof with the current time',
};

/** Verifies the `DPoP` header against the request and the `:subject` param, and sets `subject`. */
export function dpopAuth(options: DpopAuthOptions): MiddlewareHandler<AppEnv> {
  const skew = options.maxSkewSeconds ?? 60;
  const replay = new ReplayCache({ skewSeconds: skew, maxBytes: options.maxBytes ?? 10 * 1024 * 1024 });
  return async (c, next) => {
    const proof = c.req.header('dpop');
    if (!proof) throw badProof('this route needs a DPoP proof signed with the device key');
    const now = options.clock();
    const htu = options.publicUrls ? boundTo(proof, options.publicUrls, c.req.url) : c.req.url;
    const checked = await verifyDpopProof(proof, { htm: c.req.method, htu, now, maxSkewSeconds: skew });
    if (!checked.ok) throw badProof(checked.error.message);
    const { subject, jti, iat } = checked.value;
    if (subject !== c.req.param('subject')) throw badProof('the proof is signed by another device than the subject');
    const refused = replay.remember(subject, jti, iat, now);
    if (refused) throw badProof(REFUSALS[refused]);
    c.set('subject', subject);
    await next();
  };
}

/** The request URL under the public base the proof names, or under the first base when it names none of them (it then fails). */
function boundTo(proof: string, bases: string[], requestUrl: string): string {
  const candidates = bases.map((base) => publicRequestUrl(base, requestUrl));
  if (candidates.length === 1) return candidates[0];
  const decoded = decodeJws(proof);
  let claimed: unknown;
  try {
    claimed = decoded.ok ? (JSON.parse(fromUtf8(decoded.value.payload)) as { htu?: unknown }).htu : undefined;
  } catch {
    claimed = undefined;
  }
  const bound = typeof claimed === 'string' ? claimed.split(/[?#]/)[0] : null;
  return candidates.find((url) => url === bound) ?? candidates[0];
}

function badProof(message: string): ApiError {
  return new ApiError(401, 'bad-proof', message);
}
