// Inclusion proofs for the lines of a partial export, which asks them in index order, in runs of
// neighbouring entries. RFC 9162's PATH of a leaf passes through the aligned block of 2^k leaves
// that holds it (cut at the tree's size): every split of the path falls on a multiple of a power
// of two at least as large as the block, so no split cuts it. A leaf's proof is therefore its proof
// inside its block, then the path above the block, which the block's leaves share. The block's
// nodes are rebuilt from its leaf hashes (one store read) and the path above is read once per
// block: a line costs about k in-memory node reads instead of about log2(size) store reads.
import { base64urlEncode, inclusionProof, MemoryTree, type NodeReader } from '@consent-ledger/protocol';
import type { LedgerStore } from './store/types';

/** Leaves of a block are 2^BLOCK_LEVEL: large enough that the path above is read rarely, small enough to rebuild for one notice. */
const BLOCK_LEVEL = 10;

/** The block of leaves whose proofs are being written. */
interface Block {
  start: number;
  tree: MemoryTree;
  /** The proof hashes above the block, base64url. */
  above: string[];
  /** names[level][index]: the base64url text of the block's nodes written so far. */
  names: string[][];
}

/** A page's inclusion proofs, and the leaf hashes they start from (an export statement chains them). */
export interface PageProofs {
  proofs: string[][];
  leaves: Uint8Array[];
}

/**
 * Answers the inclusion proofs (base64url hashes, as `inclusionProof` lists them) and leaf hashes
 * of entries of the tree of `size` in `site`'s log, a page of indexes at a time; cheapest in
 * ascending order.
 */
export function proofWriter(
  store: Pick<LedgerStore, 'readNode' | 'readLeafHashes'>,
  site: string,
  size: number,
  blockLevel = BLOCK_LEVEL,
): (indexes: number[]) => Promise<PageProofs> {
  const read: NodeReader = (level, index) => store.readNode(site, level, index);
  const width = 2 ** blockLevel;
  let block: Block | null = null;

  async function blockOf(index: number): Promise<Block> {
    const start = index - (index % width);
    const tree = new MemoryTree();
    for (const leaf of await store.readLeafHashes(site, start, Math.min(width, size - start))) tree.append(leaf);
    // The proof of the block's first leaf, less its part inside the block, is the path above.
    const inside = (await inclusionProof(0, tree.size, tree.read)).length;
    const above = (await inclusionProof(start, size, read)).slice(inside).map(base64urlEncode);
    return { start, tree, above, names: Array.from({ length: blockLevel + 1 }, () => []) };
  }

  return async (indexes) => {
    const proofs: string[][] = [];
    const leaves: Uint8Array[] = [];
    for (const index of indexes) {
      if (block === null || index < block.start || index >= block.start + block.tree.size) block = await blockOf(index);
      const { start, tree, above, names } = block;
      const at = index - start;
      let proof: string[];
      if (tree.size === width) {
        // A whole block is a perfect tree, where a leaf's path is the sibling at each level: read
        // here, without inclusionProof's round of promises, as this runs once per exported line.
        proof = [];
        for (let level = 0; level < blockLevel; level++) {
          const sibling = (at >> level) ^ 1;
          names[level][sibling] ??= base64urlEncode(tree.node(level, sibling));
          proof.push(names[level][sibling]);
        }
      } else {
        proof = (await inclusionProof(at, tree.size, tree.read)).map(base64urlEncode);
      }
      for (const name of above) proof.push(name);
      proofs.push(proof);
      leaves.push(tree.node(0, at));
    }
    return { proofs, leaves };
  };
}
