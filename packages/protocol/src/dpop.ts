// RFC 9449-style proofs of possession: a visitor's own requests are signed with the device key,
// so the subject needs no account. Replay (`jti`) tracking is left to the collector.

import { parseIJsonBytes } from './ijson';
import { exportPublicJwk, importPublicJwk, jwkThumbprint } from './jwk';
import { decodeJws, type KeyPair, signJws, verifyDecodedJws } from './jws';
import type { KeyCache } from './receipt';
import { fail, ok, type Result } from './result';
import { uuidv7 } from './uuid';

/** The `typ` of a DPoP proof (RFC 9449 §4.2). */
export const DPOP_TYP = 'dpop+jwt';

/** The claims a proof signs (RFC 9449 §4.2). */
export interface DpopClaims {
  htm: string;
  htu: string;
  iat: number;
  jti: string;
}

/** What a checked proof tells the collector: whose device signed it, and the `jti` to remember. */
export interface DpopResult {
  subject: string;
  jti: string;
  iat: number;
}

/** The URL a proof is bound to: origin and path, as RFC 9449 compares it (no query, no fragment). */
function boundUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.origin + parsed.pathname;
}

/** Signs a DPoP proof for one request with the device key; `iat` (seconds) defaults to now, `jti` to a new UUIDv7. */
export async function createDpopProof(options: {
  htm: string;
  htu: string;
  device: KeyPair;
  iat?: number;
  jti?: string;
}): Promise<string> {
  const jwk = await exportPublicJwk(options.device.publicKey);
  const claims: DpopClaims = {
    htm: options.htm,
    htu: boundUrl(options.htu),
    iat: options.iat ?? Math.floor(Date.now() / 1000),
    jti: options.jti ?? uuidv7(),
  };
  return signJws({ typ: DPOP_TYP, alg: 'ES256', jwk }, JSON.stringify(claims), options.device.privateKey);
}

/**
 * Verifies a DPoP proof for the request `htm htu` received at `now` (ms): typ, ES256, signature by
 * the header jwk, method, URL (query ignored), `iat` within `maxSkewSeconds`. Never throws; every
 * failure is `bad-proof`, with the reason in the message.
 */
export async function verifyDpopProof(
  jwt: string,
  options: { htm: string; htu: string; now: number; maxSkewSeconds?: number; cache?: KeyCache },
): Promise<Result<DpopResult>> {
  try {
    const decoded = decodeJws(jwt);
    if (!decoded.ok) return fail('bad-proof', `DPoP: ${decoded.error.message}`);
    const { header, payload } = decoded.value;
    if (header.typ !== DPOP_TYP) return fail('bad-proof', `DPoP: typ must be ${DPOP_TYP}`);
    if (header.alg !== 'ES256') return fail('bad-proof', 'DPoP: alg must be ES256');
    const jwk = header.jwk;
    if (jwk?.kty !== 'EC') return fail('bad-proof', 'DPoP: header jwk must be a P-256 public key');
    const parsed = parseIJsonBytes(payload);
    if (!parsed.ok) return fail('bad-proof', `DPoP: claims are ${parsed.error.message}`);
    const claims = parsed.value as Partial<Record<keyof DpopClaims, unknown>>;
    if (typeof claims !== 'object' || claims === null) return fail('bad-proof', 'DPoP: claims are not an object');
    const { htm, htu, iat, jti } = claims;
    if (
      typeof htm !== 'string' ||
      typeof htu !== 'string' ||
      !Number.isSafeInteger(iat) ||
      typeof jti !== 'string' ||
      jti.length === 0 ||
      jti.length > 256
    ) {
      return fail('bad-proof', 'DPoP: claims need htm, htu, iat (integer seconds) and jti');
    }
    if (htm !== options.htm) return fail('bad-proof', `DPoP: htm ${htm} is not ${options.htm}`);
    let sameUrl = false;
    try {
      sameUrl = boundUrl(htu) === boundUrl(options.htu);
    } catch {
      sameUrl = false;
    }
    if (!sameUrl) return fail('bad-proof', 'DPoP: htu is not this request URL');
    const skew = options.maxSkewSeconds ?? 60;
    if (Math.abs(options.now / 1000 - (iat as number)) > skew)
      return fail('bad-proof', `DPoP: iat is more than ${skew} s from now`);
    const subject = jwkThumbprint(jwk);
    let key = options.cache?.get(subject);
    if (!key) {
      key = await importPublicJwk(jwk);
      options.cache?.set(subject, key);
    }
    const verified = await verifyDecodedJws(decoded.value, key);
    if (!verified.ok) return fail('bad-proof', `DPoP: ${verified.error.message}`);
    return ok({ subject, jti, iat: iat as number });
  } catch {
    return fail('bad-proof', 'DPoP: cannot be verified');
  }
}
