// Log health: verify the current checkpoint, then check it against the one this browser saw last
// time. A log only ever grows: the old checkpoint must be a prefix of the new one (RFC 9162
// consistency proof); anything else means entries were changed or removed.
import {
  base64urlDecode,
  base64urlEncode,
  type Checkpoint,
  decodeHashes,
  type Jwks,
  noteKeysOf,
  verifyCheckpoint,
  verifyConsistency,
} from '@consent-ledger/protocol';
import type { SeenCheckpoint } from '../session';

/** How the current checkpoint relates to the one seen last time. */
export type Consistency =
  | { state: 'first' }
  | { state: 'unchanged'; previous: SeenCheckpoint }
  | { state: 'consistent'; previous: SeenCheckpoint }
  | { state: 'rewritten'; previous: SeenCheckpoint; reason: RewriteReason };

/** Why a checkpoint does not extend an older one: a code and its values, said in the UI's language (rewrite-reason.ts). */
export type RewriteReason =
  | { code: 'origin'; from: string; to: string }
  | { code: 'shrank'; from: number; to: number }
  | { code: 'root' }
  | { code: 'no-proof'; detail: string }
  | { code: 'malformed-proof' }
  | { code: 'bad-proof' };

/** The outcome of a health check: the verified checkpoint (or why not) and its consistency. */
export type Health =
  | { ok: true; checkpoint: Checkpoint; rootHash: string; consistency: Consistency }
  | { ok: false; reason: string };

/** Fetches a consistency proof's hashes (base64url) between two sizes. */
export type ConsistencySource = (from: number, to: number) => Promise<string[]>;

/** Verifies `note` against `keys`, then compares it with `previous`; never throws. */
export async function checkHealth(
  note: string,
  keys: Jwks,
  site: string,
  previous: SeenCheckpoint | null,
  proof: ConsistencySource,
): Promise<Health> {
  const verified = await verifyCheckpoint(note, noteKeysOf(keys));
  if (!verified.ok) return { ok: false, reason: verified.error.message };
  const checkpoint = verified.value;
  if (!checkpoint.origin.endsWith(`/sites/${site}`))
    return { ok: false, reason: `the checkpoint is of log ${checkpoint.origin}, not of site ${site}` };
  const rootHash = base64urlEncode(checkpoint.rootHash);
  return { ok: true, checkpoint, rootHash, consistency: await consistencyWith(previous, checkpoint, rootHash, proof) };
}

/** How `current` relates to `previous`, a checkpoint seen (or cosigned) before; a rewrite says why. */
export async function consistencyWith(
  previous: SeenCheckpoint | null,
  current: Checkpoint,
  rootHash: string,
  proof: ConsistencySource,
): Promise<Consistency> {
  if (!previous) return { state: 'first' };
  const rewritten = (reason: RewriteReason): Consistency => ({ state: 'rewritten', previous, reason });
  if (previous.origin !== current.origin)
    return rewritten({ code: 'origin', from: previous.origin, to: current.origin });
  if (previous.size > current.size) return rewritten({ code: 'shrank', from: previous.size, to: current.size });
  if (previous.size === current.size)
    return previous.rootHash === rootHash ? { state: 'unchanged', previous } : rewritten({ code: 'root' });
  // An empty tree is a prefix of every tree: nothing to prove.
  if (previous.size === 0) return { state: 'consistent', previous };
  let hashes: Uint8Array[] | null;
  try {
    hashes = decodeHashes(await proof(previous.size, current.size));
  } catch (error) {
    return rewritten({ code: 'no-proof', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!hashes) return rewritten({ code: 'malformed-proof' });
  return verifyConsistency(previous.size, current.size, hashes, base64urlDecode(previous.rootHash), current.rootHash)
    ? { state: 'consistent', previous }
    : rewritten({ code: 'bad-proof' });
}
