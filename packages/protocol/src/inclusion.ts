// Checking an inclusion proof bundle offline: the checkpoint's signature by a trusted key, then
// the Merkle path from the entry's leaf hash to the checkpoint's root.
import { type Checkpoint, type NoteKey, verifyCheckpoint } from './checkpoint';
import { base64urlDecode, isHash64u } from './encoding';
import type { Jwks } from './jwk';
import { verifyInclusion } from './merkle';
import type { InclusionProofBundle } from './proof';
import { fail, ok, type Result } from './result';

/** The note keys of a JWKS: every Ed25519 key that carries its note `name`. */
export function noteKeysOf(jwks: Jwks): NoteKey[] {
  const keys: NoteKey[] = [];
  for (const jwk of Array.isArray(jwks?.keys) ? jwks.keys : []) {
    if (jwk?.kty !== 'OKP' || typeof jwk.name !== 'string' || !isHash64u(jwk.x)) continue;
    keys.push({ name: jwk.name, publicKey: base64urlDecode(jwk.x) });
  }
  return keys;
}

/** Decodes base64url hashes, or null when one is not a 32-byte hash. */
export function decodeHashes(hashes: unknown): Uint8Array[] | null {
  if (!Array.isArray(hashes) || hashes.length > 64) return null;
  const out: Uint8Array[] = [];
  for (const h of hashes) {
    if (!isHash64u(h)) return null;
    out.push(base64urlDecode(h));
  }
  return out;
}

/**
 * Verifies an inclusion proof bundle against trusted keys: checkpoint signature, that it is the
 * checkpoint of `site`'s log at `treeSize`, and the path from `leafHash` (when given, the hash the
 * caller computed itself) to its root. Never throws; `bad-checkpoint`, `bad-signature` or `bad-proof`.
 */
export async function verifyInclusionBundle(
  bundle: InclusionProofBundle,
  keys: Jwks,
  leafHash?: string,
): Promise<Result<Checkpoint>> {
  try {
    if (typeof bundle !== 'object' || bundle === null) return fail('bad-proof', 'proof: not an object');
    const checkpoint = await verifyCheckpoint(bundle.checkpoint, noteKeysOf(keys));
    if (!checkpoint.ok) return checkpoint;
    const cp = checkpoint.value;
    if (!cp.origin.endsWith(`/sites/${bundle.site}`))
      return fail('bad-checkpoint', `proof: checkpoint origin ${cp.origin} is not the log of ${bundle.site}`);
    if (cp.size !== bundle.treeSize)
      return fail('bad-proof', `proof: tree size ${bundle.treeSize} is not the checkpoint's ${cp.size}`);
    if (leafHash !== undefined && bundle.leafHash !== leafHash)
      return fail('bad-proof', 'proof: it is about another leaf hash');
    const path = decodeHashes(bundle.hashes);
    if (!path || !isHash64u(bundle.leafHash))
      return fail('bad-proof', 'proof: hashes are not 32-byte base64url values');
    if (!verifyInclusion(base64urlDecode(bundle.leafHash), bundle.index, bundle.treeSize, path, cp.rootHash)) {
      return fail('bad-proof', `proof: entry ${bundle.index} is not included in the checkpoint's tree`);
    }
    return ok(cp);
  } catch {
    return fail('bad-proof', 'proof: cannot be verified');
  }
}
