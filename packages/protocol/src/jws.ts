import type { PublicJwk } from './jwk';
import type { Result } from './result';

export type JwsAlg = 'ES256' | 'EdDSA';
export interface JwsHeader { alg: JwsAlg; typ: string; jwk?: PublicJwk; kid?: string }
/** A compact JWS split into its parts; `signingInput` is the ASCII `header.payload`. */
export interface DecodedJws { header: JwsHeader; payload: Uint8Array; signature: Uint8Array; signingInput: Uint8Array }
export interface KeyPair { privateKey: CryptoKey; publicKey: CryptoKey }

/** A new device key pair: ECDSA P-256, private key non-extractable (storable in IndexedDB). */
export function generateDeviceKey(): Promise<KeyPair> { throw new Error('TODO'); }
/** A new Ed25519 key pair for a collector; `extractable` so the server can persist it. */
export function generateCollectorKey(extractable?: boolean): Promise<KeyPair> { throw new Error('TODO'); }
/** Signs `payload` as a compact JWS with the given protected header (alg ES256 -> raw r||s, EdDSA -> Ed25519). */
export function signJws(header: JwsHeader, payload: Uint8Array | string, privateKey: CryptoKey): Promise<string> { throw new Error('TODO'); }
/** Splits and decodes a compact JWS without verifying it; `malformed` or `unsupported-alg` on failure. */
export function decodeJws(jws: string): Result<DecodedJws> { throw new Error('TODO'); }
/** Verifies a compact JWS against a key (CryptoKey or public JWK), the expected `typ`, and allowed algs. */
export function verifyJws(
  jws: string,
  options: { key: CryptoKey | PublicJwk; typ: string; algs: JwsAlg[] },
): Promise<Result<DecodedJws>> { throw new Error('TODO'); }
