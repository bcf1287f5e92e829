/** A device's public key: ECDSA P-256. */
export interface EcPublicJwk { kty: 'EC'; crv: 'P-256'; x: string; y: string }
/** A collector's public key: Ed25519. `kid` and `name` are set when published in the JWKS. */
export interface OkpPublicJwk { kty: 'OKP'; crv: 'Ed25519'; x: string; kid?: string; name?: string; alg?: 'EdDSA'; use?: 'sig' }
export type PublicJwk = EcPublicJwk | OkpPublicJwk;
/** `GET /v1/keys`. */
export interface Jwks { keys: OkpPublicJwk[] }

/** RFC 7638 JWK thumbprint (SHA-256, base64url) over the required members only; extra members are ignored. */
export function jwkThumbprint(jwk: PublicJwk): string { throw new Error('TODO'); }
/** Keeps only the members that define the key (drops kid, alg, ext, key_ops...), validating their shape; null when invalid. */
export function normalizePublicJwk(jwk: unknown): PublicJwk | null { throw new Error('TODO'); }
/** Exports a public CryptoKey (P-256 or Ed25519) as its normalized JWK. */
export function exportPublicJwk(key: CryptoKey): Promise<PublicJwk> { throw new Error('TODO'); }
/** Imports a public JWK for signature verification. */
export function importPublicJwk(jwk: PublicJwk): Promise<CryptoKey> { throw new Error('TODO'); }
