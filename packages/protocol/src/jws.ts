import { base64urlDecode, base64urlEncode, utf8 } from './encoding';
import { parseIJsonBytes } from './ijson';
import { importPublicJwk, normalizePublicJwk, type PublicJwk } from './jwk';
import { fail, ok, type Result } from './result';

export type JwsAlg = 'ES256' | 'EdDSA';
export interface JwsHeader {
  alg: JwsAlg;
  typ: string;
  jwk?: PublicJwk;
  kid?: string;
}
/** A compact JWS split into its parts; `signingInput` is the ASCII `header.payload`. */
export interface DecodedJws {
  header: JwsHeader;
  payload: Uint8Array;
  signature: Uint8Array;
  signingInput: Uint8Array;
}
export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

// WebCrypto's ECDSA signatures are already the raw r||s form JWS wants (RFC 7518 §3.4).
const SIGN_PARAMS: Record<JwsAlg, AlgorithmIdentifier | EcdsaParams> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  EdDSA: { name: 'Ed25519' },
};

/** P-256's group order n (SEC 2 §2.4.2). */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** The s half of a raw r||s signature, as an integer. */
function sOf(signature: Uint8Array): bigint {
  let s = 0n;
  for (let i = 32; i < 64; i++) s = (s << 8n) | BigInt(signature[i]);
  return s;
}

/**
 * Rewrites a raw r||s ES256 signature in place to its low-S form, where s <= n/2, and returns it.
 * ECDSA accepts (r, s) and (r, n - s) alike, so anyone could turn one receipt into a second byte
 * string with another leaf hash; only the low-S one is accepted (`isLowS`), and WebCrypto signs
 * either, so every signer passes its signatures through here.
 */
export function toLowS(signature: Uint8Array): Uint8Array {
  const s = sOf(signature);
  if (s > P256_ORDER >> 1n)
    for (let i = 63, flipped = P256_ORDER - s; i >= 32; i--, flipped >>= 8n) signature[i] = Number(flipped & 255n);
  return signature;
}

/** True when a 64-byte r||s ES256 signature is in low-S form (s <= n/2): the one form of it accepted. */
export function isLowS(signature: Uint8Array): boolean {
  return signature.length === 64 && sOf(signature) <= P256_ORDER >> 1n;
}

/** A new device key pair: ECDSA P-256, private key non-extractable (storable in IndexedDB). */
export function generateDeviceKey(): Promise<KeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
}

/** A new Ed25519 key pair for a collector; pass `extractable: true` so the server can persist the private key. */
export async function generateCollectorKey(extractable = false): Promise<KeyPair> {
  return (await crypto.subtle.generateKey({ name: 'Ed25519' }, extractable, ['sign', 'verify'])) as KeyPair;
}

/** The ASCII signing input `base64url(header).base64url(payload)` of a compact JWS (RFC 7515 §5.1), for signers outside WebCrypto. */
export function jwsSigningInput(header: JwsHeader, payload: Uint8Array | string): string {
  const body = typeof payload === 'string' ? utf8(payload) : payload;
  return `${base64urlEncode(utf8(JSON.stringify(header)))}.${base64urlEncode(body)}`;
}

/** Signs `payload` as a compact JWS with the given protected header (alg ES256 -> raw r||s, EdDSA -> Ed25519). */
export async function signJws(header: JwsHeader, payload: Uint8Array | string, privateKey: CryptoKey): Promise<string> {
  const params = Object.hasOwn(SIGN_PARAMS, header.alg) ? SIGN_PARAMS[header.alg] : undefined;
  if (!params) throw new TypeError(`signJws: unsupported alg ${String(header.alg)}`);
  const input = jwsSigningInput(header, payload);
  const signature = new Uint8Array(await crypto.subtle.sign(params, privateKey, utf8(input)));
  if (header.alg === 'ES256') toLowS(signature);
  return `${input}.${base64urlEncode(signature)}`;
}

/**
 * Splits and decodes a compact JWS without verifying it; `malformed` or `unsupported-alg` on failure.
 * The header must carry a string `typ`; it keeps only alg, typ, kid and a normalized jwk, and a
 * `crit` member is refused since no extension is understood (RFC 7515 §4.1.11).
 */
export function decodeJws(jws: string): Result<DecodedJws> {
  if (typeof jws !== 'string') return fail('malformed', 'JWS: not a string');
  const first = jws.indexOf('.');
  const second = first < 0 ? -1 : jws.indexOf('.', first + 1);
  if (second < 0 || jws.indexOf('.', second + 1) >= 0) return fail('malformed', 'JWS: a compact JWS has three parts');
  let payload: Uint8Array;
  let signature: Uint8Array;
  let parsed: Result<unknown>;
  try {
    parsed = parseIJsonBytes(base64urlDecode(jws.slice(0, first)));
  } catch {
    return fail('malformed', 'JWS: header is not base64url');
  }
  if (!parsed.ok) return fail('malformed', `JWS: header is ${parsed.error.message}`);
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('malformed', 'JWS: header is not an object');
  const { alg, typ, jwk, kid, crit } = raw as Record<string, unknown>;
  if (typeof alg !== 'string') return fail('malformed', 'JWS: header alg is missing');
  if (alg !== 'ES256' && alg !== 'EdDSA')
    return fail('unsupported-alg', `JWS: alg ${JSON.stringify(alg)} is not supported`);
  if (typeof typ !== 'string') return fail('malformed', 'JWS: header typ is missing');
  if (crit !== undefined) return fail('malformed', 'JWS: crit extensions are not supported');
  if (kid !== undefined && typeof kid !== 'string') return fail('malformed', 'JWS: header kid is not a string');
  const header: JwsHeader = { alg, typ };
  if (kid !== undefined) header.kid = kid;
  if (jwk !== undefined) {
    const key = normalizePublicJwk(jwk);
    if (!key) return fail('malformed', 'JWS: header jwk is not a P-256 or Ed25519 public key');
    header.jwk = key;
  }
  try {
    payload = base64urlDecode(jws.slice(first + 1, second));
    signature = base64urlDecode(jws.slice(second + 1));
  } catch {
    return fail('malformed', 'JWS: payload or signature is not base64url');
  }
  return ok({ header, payload, signature, signingInput: utf8(jws.slice(0, second)) });
}

/** Checks a decoded JWS's signature with a key (CryptoKey or public JWK) of its header's alg; `unsupported-alg` when the key is of another kind. */
export async function verifyDecodedJws(decoded: DecodedJws, key: CryptoKey | PublicJwk): Promise<Result<DecodedJws>> {
  const alg = decoded.header.alg;
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = 'kty' in key ? await importPublicJwk(key) : key;
  } catch {
    return fail('malformed', 'JWS: the key cannot be imported');
  }
  const algorithm = cryptoKey.algorithm as EcKeyAlgorithm;
  const fits =
    alg === 'ES256' ? algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256' : algorithm.name === 'Ed25519';
  if (!fits) return fail('unsupported-alg', `JWS: alg ${alg} does not match the key (${algorithm.name})`);
  if (decoded.signature.length !== 64) return fail('bad-signature', 'JWS: signature has the wrong length');
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      SIGN_PARAMS[alg],
      cryptoKey,
      decoded.signature as Uint8Array<ArrayBuffer>,
      decoded.signingInput as Uint8Array<ArrayBuffer>,
    );
  } catch {
    valid = false;
  }
  return valid ? ok(decoded) : fail('bad-signature', 'JWS: signature does not verify');
}

/**
 * Verifies a compact JWS against a key (CryptoKey or public JWK), the expected `typ`, and allowed algs.
 * Errors: `malformed`, `unsupported-alg` (alg not in `algs`, including none and HS256), `bad-typ`, `bad-signature`.
 */
export async function verifyJws(
  jws: string,
  options: { key: CryptoKey | PublicJwk; typ: string; algs: JwsAlg[] },
): Promise<Result<DecodedJws>> {
  const decoded = decodeJws(jws);
  if (!decoded.ok) return decoded;
  const { alg, typ } = decoded.value.header;
  if (!options.algs.includes(alg)) return fail('unsupported-alg', `JWS: alg ${alg} is not allowed here`);
  if (typ !== options.typ)
    return fail('bad-typ', `JWS: typ ${JSON.stringify(typ)} is not ${JSON.stringify(options.typ)}`);
  return verifyDecodedJws(decoded.value, options.key);
}
