// RFC 9162 §2.1 Merkle trees. A log stores the hash of every complete aligned subtree, addressed
// as (level, index): level 0 are leaf hashes, node (l, i) covers leaves [i*2^l, (i+1)*2^l).
// With such a store, any root or proof needs O(log n) node reads.

/** Reads the hash of the complete subtree (level, index); may be async (a database). */
export type NodeReader = (level: number, index: number) => Uint8Array | Promise<Uint8Array>;

/** Leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array | string): Uint8Array { throw new Error('TODO'); }
/** Interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array { throw new Error('TODO'); }
/** Root of a list of leaf hashes held in memory (the empty tree's root is SHA-256 of nothing). */
export function rootOfLeaves(leaves: Uint8Array[]): Uint8Array { throw new Error('TODO'); }
/** Root of the first `size` leaves of a stored tree. */
export function treeRoot(size: number, read: NodeReader): Promise<Uint8Array> { throw new Error('TODO'); }
/** RFC 9162 inclusion proof of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, read: NodeReader): Promise<Uint8Array[]> { throw new Error('TODO'); }
/** RFC 9162 consistency proof between the trees of sizes `from` and `to` (0 < from <= to). */
export function consistencyProof(from: number, to: number, read: NodeReader): Promise<Uint8Array[]> { throw new Error('TODO'); }
/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: Uint8Array[], root: Uint8Array): boolean { throw new Error('TODO'); }
/** Verifies a consistency proof (RFC 9162 §2.1.4.2). */
export function verifyConsistency(from: number, to: number, proof: Uint8Array[], fromRoot: Uint8Array, toRoot: Uint8Array): boolean { throw new Error('TODO'); }

/**
 * Appends leaves to a tree whose stored nodes are given by `read`, and returns every complete
 * subtree node this creates (the leaves themselves included, at level 0), for the store to write.
 * This is what the sequencer's "integrate" step does.
 */
export function integrate(size: number, leaves: Uint8Array[], read: NodeReader): Promise<Array<{ level: number; index: number; hash: Uint8Array }>> { throw new Error('TODO'); }

/** An in-memory stored tree (tests, exports being verified, small logs). */
export class MemoryTree {
  /** levels[l][i] = hash of node (l, i). */
  readonly levels: Uint8Array[][] = [[]];
  get size(): number { return this.levels[0].length; }
  /** Appends one leaf hash and updates the complete subtrees it closes. */
  append(leaf: Uint8Array): void { throw new Error('TODO'); }
  /** The NodeReader over this tree. */
  readonly read: NodeReader = (level, index) => { throw new Error('TODO'); };
  /** Root of the first `size` leaves (defaults to all). */
  root(size?: number): Uint8Array { throw new Error('TODO'); }
}
