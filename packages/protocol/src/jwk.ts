import { base64urlDecode } from './encoding';
import { sha256b64u } from './sha256';

/** A device's public key: ECDSA P-256. */
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}
/** A collector's public key: Ed25519. `kid`, `name` and `vkey` are set when published in the JWKS. */
export interface OkpPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid?: string;
  name?: string;
  /** The same key as a signed-note verifier key, `name+keyid+base64(0x01 || key)`, for transparency-log tools. */
  vkey?: string;
  alg?: 'EdDSA';
  use?: 'sig';
}
export type PublicJwk = EcPublicJwk | OkpPublicJwk;
/** An RSA public key: accepted by `jwkThumbprint` only, so RFC 7638's own example can be checked. */
export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
}
/** `GET /v1/keys`. */
export interface Jwks {
  keys: OkpPublicJwk[];
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) over the required members only; extra members are ignored. */
export function jwkThumbprint(jwk: PublicJwk | RsaPublicJwk): string {
  const s = JSON.stringify;
  // Required members in lexicographic order, no whitespace (RFC 7638 §3.2, §3.3).
  switch (jwk.kty) {
    case 'EC':
      return sha256b64u(`{"crv":${s(jwk.crv)},"kty":"EC","x":${s(jwk.x)},"y":${s(jwk.y)}}`);
    case 'OKP':
      return sha256b64u(`{"crv":${s(jwk.crv)},"kty":"OKP","x":${s(jwk.x)}}`);
    case 'RSA':
      return sha256b64u(`{"e":${s(jwk.e)},"kty":"RSA","n":${s(jwk.n)}}`);
    default:
      throw new TypeError('jwkThumbprint: unsupported kty');
  }
}

/** True for a 32-byte value in canonical base64url (a P-256 coordinate or an Ed25519 key). */
function isKey32(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 43) return false;
  try {
    return base64urlDecode(value).length === 32;
  } catch {
    return false;
  }
}

/** Keeps only the members that define the key (drops kid, alg, ext, key_ops...), validating their shape; null when invalid. */
export function normalizePublicJwk(jwk: unknown): PublicJwk | null {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return null;
  const { kty, crv, x, y } = jwk as Record<string, unknown>;
  if (kty === 'EC' && crv === 'P-256' && isKey32(x) && isKey32(y)) return { kty, crv, x, y };
  if (kty === 'OKP' && crv === 'Ed25519' && isKey32(x)) return { kty, crv, x };
  return null;
}

/** Exports a public CryptoKey (P-256 or Ed25519) as its normalized JWK. */
export async function exportPublicJwk(key: CryptoKey): Promise<PublicJwk> {
  const jwk = normalizePublicJwk(await crypto.subtle.exportKey('jwk', key));
  if (!jwk) throw new TypeError('exportPublicJwk: not a P-256 or Ed25519 public key');
  return jwk;
}

/** Imports a public JWK for signature verification. */
export function importPublicJwk(jwk: PublicJwk): Promise<CryptoKey> {
  return jwk.kty === 'EC'
    ? crypto.subtle.importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
        { name: 'ECDSA', namedCurve: 'P-256' },
        true,
        ['verify'],
      )
    : crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, true, ['verify']);
}
