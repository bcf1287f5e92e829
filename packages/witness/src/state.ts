// The witness's state machine for one log (c2sp.org/tlog-witness, add-checkpoint): given what it
// last cosigned and a request whose checkpoint is already known to be signed by the log, either
// cosign (and move on to the new checkpoint) or refuse with the status the spec gives. Pure and
// synchronous, so the store can run it inside the transaction that persists its outcome.
import { bytesEqual, sha256, verifyConsistency } from '@consent-ledger/protocol';

/** The latest checkpoint a witness cosigned for one log. */
export interface CosignedState {
  size: number;
  rootHash: Uint8Array;
  /** The log-signed note as submitted (evidence, should the log later contradict it). */
  note: string;
}

/** What a refusal proves about the log, when it proves something: kept as evidence. */
export type EvidenceKind =
  /** Same size as the cosigned checkpoint, another root. */
  | 'fork'
  /** A consistency proof from the cosigned checkpoint that does not hold. */
  | 'inconsistent'
  /** A validly signed checkpoint smaller than the one cosigned. */
  | 'rollback';

/** The outcome of one add-checkpoint request. */
export type Verdict =
  | { status: 200 }
  | {
      status: 400 | 409 | 422;
      message: string;
      /** The size last cosigned: the body of a 409 (`text/x.tlog.size`). */
      cosignedSize?: number;
      evidence?: EvidenceKind;
    };

const EMPTY_TREE_ROOT = sha256(new Uint8Array(0));

/**
 * Judges a request against the cosigned state, in the spec's order: old size above the checkpoint
 * (400), old size other than the one cosigned (409 with that size), same size with another root
 * (409), a consistency proof that does not verify (422); otherwise 200.
 */
export function judge(
  request: { oldSize: number; proof: Uint8Array[] },
  checkpoint: { size: number; rootHash: Uint8Array },
  latest: CosignedState | null,
): Verdict {
  const { oldSize, proof } = request;
  const cosignedSize = latest?.size ?? 0;
  // A log that signs a smaller tree after a larger one was cosigned has rolled back (or serves a
  // stale view): worth keeping whatever the request says about old sizes.
  const rollback = latest !== null && checkpoint.size < latest.size ? { evidence: 'rollback' as const } : {};
  if (oldSize > checkpoint.size)
    return { status: 400, message: `old size ${oldSize} is above the checkpoint size ${checkpoint.size}`, ...rollback };
  if (oldSize !== cosignedSize)
    return {
      status: 409,
      message: `old size ${oldSize} is not the size last cosigned, ${cosignedSize}`,
      cosignedSize,
      ...rollback,
    };
  if (latest === null || oldSize === 0) {
    if (proof.length > 0) return { status: 422, message: 'a proof from size 0 must be empty' };
    if (checkpoint.size === 0 && !bytesEqual(checkpoint.rootHash, EMPTY_TREE_ROOT))
      return { status: 422, message: 'an empty tree has the root SHA-256("")' };
    return { status: 200 };
  }
  if (oldSize === checkpoint.size) {
    if (!bytesEqual(latest.rootHash, checkpoint.rootHash))
      return {
        status: 409,
        message: `another root at the cosigned size ${cosignedSize}: the log forked`,
        cosignedSize,
        evidence: 'fork',
      };
    if (proof.length > 0) return { status: 422, message: 'a proof between equal sizes must be empty' };
    return { status: 200 };
  }
  if (!verifyConsistency(oldSize, checkpoint.size, proof, latest.rootHash, checkpoint.rootHash))
    return {
      status: 422,
      message: `the consistency proof from ${oldSize} to ${checkpoint.size} does not verify against the cosigned root`,
      evidence: 'inconsistent',
    };
  return { status: 200 };
}
