// Statements the collector signs with its Ed25519 key — acks, notices, redaction entries, export
// statements — share one shape: a compact JWS with `alg: EdDSA`, a `typ` naming the statement and
// `kid` naming a key of the collector's JWKS, over an I-JSON payload. Signed and checked here once.

import { parseIJsonBytes } from './ijson';
import { importPublicJwk, type Jwks, normalizePublicJwk, type OkpPublicJwk } from './jwk';
import { type DecodedJws, decodeJws, signJws, verifyDecodedJws } from './jws';
import { fail, ok, type Result } from './result';

/** What signs a collector statement: its private key and the thumbprint it is published under. */
export interface CollectorSigningKey {
  privateKey: CryptoKey;
  kid: string;
}

/** A collector statement whose signature checked: its parsed payload and the payload's exact bytes. */
export interface VerifiedCollectorJws {
  decoded: DecodedJws;
  payload: unknown;
}

// An export carries many statements under a handful of keys: import each JWKS entry once.
const imported = /* @__PURE__ */ new WeakMap<OkpPublicJwk, Promise<CryptoKey>>();

function keyFor(jwk: OkpPublicJwk): Promise<CryptoKey> {
  let key = imported.get(jwk);
  if (!key) {
    const normalized = normalizePublicJwk(jwk);
    key =
      normalized && normalized.kty === 'OKP'
        ? importPublicJwk(normalized)
        : Promise.reject(new TypeError('not an Ed25519 key'));
    imported.set(jwk, key);
  }
  return key;
}

/** Signs `payload` (JSON.stringify'd) as a collector statement of type `typ`. */
export function signCollectorJws(typ: string, payload: unknown, key: CollectorSigningKey): Promise<string> {
  return signJws({ alg: 'EdDSA', typ, kid: key.kid }, JSON.stringify(payload), key.privateKey);
}

/**
 * Verifies a collector statement: EdDSA, the expected `typ`, signed by the key of `kid` in `keys`,
 * an I-JSON payload. `what` names the statement in messages. Never throws. Errors: `malformed`,
 * `unsupported-alg`, `bad-typ`, `bad-signature` (an unknown kid included).
 */
export async function verifyCollectorJws(
  jws: string,
  typ: string,
  keys: Jwks,
  what: string,
): Promise<Result<VerifiedCollectorJws>> {
  try {
    const decoded = decodeJws(jws);
    if (!decoded.ok) return fail(decoded.error.code, `${what}: ${decoded.error.message}`);
    const { header, payload } = decoded.value;
    if (header.alg !== 'EdDSA') return fail('unsupported-alg', `${what}: alg ${header.alg} is not EdDSA`);
    if (header.typ !== typ) return fail('bad-typ', `${what}: typ must be ${typ}`);
    if (header.kid === undefined) return fail('malformed', `${what}: header kid is missing`);
    const jwk = Array.isArray(keys?.keys) ? keys.keys.find((k) => k.kid === header.kid) : undefined;
    if (!jwk) return fail('bad-signature', `${what}: no key with kid ${header.kid}`);
    let key: CryptoKey;
    try {
      key = await keyFor(jwk);
    } catch {
      return fail('malformed', `${what}: key ${header.kid} is not an Ed25519 public key`);
    }
    const verified = await verifyDecodedJws(decoded.value, key);
    if (!verified.ok) return fail(verified.error.code, `${what}: ${verified.error.message}`);
    const body = parseIJsonBytes(payload);
    if (!body.ok) return fail('malformed', `${what}: payload is ${body.error.message}`);
    return ok({ decoded: decoded.value, payload: body.value });
  } catch {
    return fail('malformed', `${what}: cannot be verified`);
  }
}
