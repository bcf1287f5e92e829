// The collector's Ed25519 signing key: acks, notices and checkpoints. Persisted by the server as
// a private JWK; published in `GET /v1/keys` with kid = RFC 7638 thumbprint and name = note key name.
import {
  base64urlDecode,
  formatVerifierKey,
  generateCollectorKey,
  isNoteKeyName,
  type Jwks,
  jwkThumbprint,
  normalizePublicJwk,
  type OkpPublicJwk,
} from '@consent-ledger/protocol';

/** An Ed25519 private key as JSON Web Key (what the key file holds). */
export interface PrivateOkpJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
}

/** A loaded signing key with everything its users need precomputed. */
export interface CollectorKey {
  privateKey: CryptoKey;
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
  /** Signed-note key name: the collector's name. */
  name: string;
  /** Raw 32-byte public key (signed-note key id, checkpoint verification). */
  publicKey: Uint8Array;
  /** The public JWK as published in the JWKS. */
  jwk: OkpPublicJwk;
}

/** Generates a new collector key as a private JWK, ready to be written to a 0600 file. */
export async function createCollectorKeyJwk(): Promise<PrivateOkpJwk> {
  const pair = await generateCollectorKey(true);
  const { kty, crv, x, d } = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
  if (kty !== 'OKP' || crv !== 'Ed25519' || !x || !d) throw new Error('Ed25519 key export failed');
  return { kty, crv, x, d };
}

/** Imports a private JWK as the collector key named `name`; throws on anything but an Ed25519 private key. */
export async function loadCollectorKey(jwk: unknown, name: string): Promise<CollectorKey> {
  const pub = normalizePublicJwk(jwk);
  const d = (jwk as { d?: unknown }).d;
  if (pub?.kty !== 'OKP' || typeof d !== 'string') throw new Error('the collector key must be an Ed25519 private JWK');
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', x: pub.x, d },
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const kid = jwkThumbprint(pub);
  return {
    privateKey,
    kid,
    name,
    publicKey: base64urlDecode(pub.x),
    jwk: { ...pub, kid, name, alg: 'EdDSA', use: 'sig' },
  };
}

/** The JWKS of `GET /v1/keys`: the signing key first, then retired keys that still verify old checkpoints. */
export function collectorJwks(key: CollectorKey, retired: OkpPublicJwk[] = []): Jwks {
  return { keys: [key.jwk, ...retired].map(withVerifierKey) };
}

/** A named public JWK with its signed-note verifier key, so Go's `note.NewVerifier` (and any C2SP tool) can check checkpoints. */
function withVerifierKey(jwk: OkpPublicJwk): OkpPublicJwk {
  if (jwk.name === undefined || !isNoteKeyName(jwk.name)) return jwk;
  return { ...jwk, vkey: formatVerifierKey(jwk.name, base64urlDecode(jwk.x)) };
}
