// Synchronous SHA-256 (FIPS 180-4) in plain TypeScript, so Merkle trees can be hashed without
// awaiting WebCrypto once per node (millions of nodes for a large log).

/** SHA-256 of the given bytes (strings are UTF-8 encoded). */
export function sha256(data: Uint8Array | string): Uint8Array { throw new Error('TODO'); }
/** SHA-256 written as unpadded base64url, the form hashes take in JSON. */
export function sha256b64u(data: Uint8Array | string): string { throw new Error('TODO'); }
