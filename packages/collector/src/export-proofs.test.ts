import { base64urlEncode, inclusionProof, leafHash, MemoryTree } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { proofWriter } from './export-proofs';

/** A tree of `size` leaves, and a store reading it that counts its reads. */
function treeStore(size: number) {
  const tree = new MemoryTree();
  for (let i = 0; i < size; i++) tree.append(leafHash(`entry ${i}`));
  const store = {
    reads: 0,
    async readNode(_site: string, level: number, index: number) {
      store.reads++;
      return tree.node(level, index);
    },
    async readLeafHashes(_site: string, from: number, limit: number) {
      store.reads++;
      return tree.levels[0].slice(from, from + limit);
    },
  };
  return { tree, store };
}

/** The reference: protocol's inclusion proof, base64url. */
async function reference(tree: MemoryTree, index: number): Promise<string[]> {
  return (await inclusionProof(index, tree.size, tree.read)).map(base64urlEncode);
}

describe('proofWriter', () => {
  it('answers what inclusionProof answers, for every leaf of every tree size, whole blocks and the cut one alike', async () => {
    for (let size = 1; size <= 70; size++) {
      const { tree, store } = treeStore(size);
      for (const blockLevel of [0, 1, 2, 3, 6]) {
        const proofsOf = proofWriter(store, 's', size, blockLevel);
        const indexes = Array.from({ length: size }, (_, i) => i);
        // In pages of 7, so that blocks run across pages.
        for (let from = 0; from < size; from += 7) {
          const page = indexes.slice(from, from + 7);
          expect([size, blockLevel, (await proofsOf(page)).proofs]).toEqual([
            size,
            blockLevel,
            await Promise.all(page.map((i) => reference(tree, i))),
          ]);
        }
      }
    }
  });

  it('answers indexes asked out of order and with gaps (notices among a range) correctly too', async () => {
    const { tree, store } = treeStore(300);
    const proofsOf = proofWriter(store, 's', 300, 4);
    const indexes = [299, 0, 17, 16, 15, 150, 151, 288, 3, 299];
    expect((await proofsOf(indexes)).proofs).toEqual(await Promise.all(indexes.map((i) => reference(tree, i))));
    expect((await proofsOf([2, 1])).proofs).toEqual(await Promise.all([2, 1].map((i) => reference(tree, i))));
    expect((await proofsOf(indexes)).leaves).toEqual(indexes.map((i) => tree.node(0, i)));
  });

  it('reads the store once a block for a run of neighbouring entries, not once a proof hash', async () => {
    const size = 5000;
    const { store } = treeStore(size);
    const proofsOf = proofWriter(store, 's', size, 6);
    for (let from = 1000; from < 3000; from += 100) await proofsOf(Array.from({ length: 100 }, (_, i) => from + i));
    // 33 blocks of 64 leaves, each read once with the path above it (under 20 nodes, the cut
    // right edge included); a proof read hash by hash would take 2000 x 13.
    expect(store.reads).toBeGreaterThan(33);
    expect(store.reads).toBeLessThan(33 * 20);
  });
});
