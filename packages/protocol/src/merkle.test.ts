import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  integrate,
  leafHash,
  MemoryTree,
  type NodeReader,
  nodeHash,
  rootOfLeaves,
  type TreeNode,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { sha256 } from './sha256';

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const hexes = (hashes: Uint8Array[]): string[] => hashes.map(toHex);

// The 8-entry test tree of RFC 6962 implementations (transparency-dev/merkle proof/verify_test.go,
// certificate-transparency-go): entries, the roots of sizes 1..8, and known proofs.
const ENTRIES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// index is 0-based here (the Go vectors count leaves from 1).
const INCLUSION = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  { index: 0, size: 1, path: [] },
];
const CONSISTENCY = [
  { from: 1, to: 1, path: [] },
  {
    from: 1,
    to: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    path: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    from: 6,
    to: 7,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function vectorTree(): MemoryTree {
  const tree = new MemoryTree();
  for (const entry of ENTRIES) tree.append(leafHash(fromHex(entry)));
  return tree;
}

/** A deterministic PRNG (mulberry32), so a failing random case can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const flipBit = (hash: Uint8Array): Uint8Array => {
  const copy = hash.slice();
  copy[7] ^= 0x10;
  return copy;
};

describe('hashes', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    const a = fromHex('aa'.repeat(32));
    const b = fromHex('bb'.repeat(32));
    expect(leafHash(fromHex('0102'))).toEqual(sha256(fromHex('000102')));
    expect(nodeHash(a, b)).toEqual(sha256(fromHex(`01${'aa'.repeat(32)}${'bb'.repeat(32)}`)));
    expect(leafHash('é')).toEqual(sha256(fromHex('00c3a9')));
  });

  it('gives the empty tree the hash of nothing, and one leaf its own hash', async () => {
    expect(toHex(rootOfLeaves([]))).toBe(EMPTY_ROOT);
    expect(toHex(new MemoryTree().root())).toBe(EMPTY_ROOT);
    expect(toHex(await treeRoot(0, new MemoryTree().read))).toBe(EMPTY_ROOT);
    expect(toHex(rootOfLeaves([leafHash(new Uint8Array(0))]))).toBe(ROOTS[0]);
  });
});

describe('published test vectors (8-entry tree)', () => {
  const tree = vectorTree();

  it('computes the roots of sizes 1..8 three ways', async () => {
    const leaves = tree.levels[0];
    for (let n = 1; n <= 8; n++) {
      expect(toHex(rootOfLeaves(leaves.slice(0, n))), `rootOfLeaves ${n}`).toBe(ROOTS[n - 1]);
      expect(toHex(tree.root(n)), `MemoryTree.root ${n}`).toBe(ROOTS[n - 1]);
      expect(toHex(await treeRoot(n, tree.read)), `treeRoot ${n}`).toBe(ROOTS[n - 1]);
    }
  });

  it.each(INCLUSION)('inclusion proof of $index in $size', async ({ index, size, path }) => {
    const proof = await inclusionProof(index, size, tree.read);
    expect(hexes(proof)).toEqual(path);
    expect(verifyInclusion(tree.levels[0][index], index, size, proof, fromHex(ROOTS[size - 1]))).toBe(true);
  });

  it.each(CONSISTENCY)('consistency proof from $from to $to', async ({ from, to, path }) => {
    const proof = await consistencyProof(from, to, tree.read);
    expect(hexes(proof)).toEqual(path);
    expect(verifyConsistency(from, to, proof, fromHex(ROOTS[from - 1]), fromHex(ROOTS[to - 1]))).toBe(true);
  });

  it("refuses the reference implementation's bad probes", () => {
    const some = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
    const empty = fromHex(EMPTY_ROOT);
    for (const [index, size] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ]) {
      expect(verifyInclusion(some, index, size, [], new Uint8Array(0))).toBe(false);
      expect(verifyInclusion(new Uint8Array(0), index, size, [], empty)).toBe(false);
      expect(verifyInclusion(some, index, size, [], empty)).toBe(false);
    }
    const r1 = fromHex(ROOTS[0]);
    const r2 = fromHex(ROOTS[1]);
    expect(verifyConsistency(1, 1, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 1, [empty], r1, r1)).toBe(false);
    expect(verifyConsistency(1, 0, [], r1, r2)).toBe(false);
    expect(verifyConsistency(2, 1, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 2, [], r1, r2)).toBe(false);
    // docs/design.md asks for 0 < from: an empty tree's "proof" is refused rather than vacuously true.
    expect(verifyConsistency(0, 1, [], empty, r1)).toBe(false);
  });
});

describe('every proof of every tree up to 130 leaves', () => {
  const MAX = 130;
  const tree = new MemoryTree();
  for (let i = 0; i <= MAX; i++) tree.append(leafHash(`entry ${i}`));
  const roots = [tree.root(0), ...Array.from({ length: MAX + 1 }, (_, n) => tree.root(n + 1))];
  const leaf = (i: number) => tree.levels[0][i];
  const stranger = leafHash('not in the log');
  const sizes = Array.from({ length: MAX }, (_, n) => n + 1);

  it('roots match rootOfLeaves', () => {
    for (const n of sizes) expect(roots[n]).toEqual(rootOfLeaves(tree.levels[0].slice(0, n)));
  });

  it.each(sizes)('inclusion proofs in a tree of %i verify, and no mutation does', async (n) => {
    const refused: string[] = [];
    const refuse = (what: string, ok: boolean) => ok && refused.push(what);
    for (let i = 0; i < n; i++) {
      const proof = await inclusionProof(i, n, tree.read);
      expect(verifyInclusion(leaf(i), i, n, proof, roots[n]), `index ${i}`).toBe(true);
      for (let j = 0; j < proof.length; j++) {
        refuse(`${i}: flipped [${j}]`, verifyInclusion(leaf(i), i, n, proof.with(j, flipBit(proof[j])), roots[n]));
        refuse(`${i}: dropped [${j}]`, verifyInclusion(leaf(i), i, n, proof.toSpliced(j, 1), roots[n]));
      }
      for (let j = 0; j <= proof.length; j++) {
        refuse(`${i}: extra at ${j}`, verifyInclusion(leaf(i), i, n, proof.toSpliced(j, 0, stranger), roots[n]));
      }
      refuse(`${i}: root appended`, verifyInclusion(leaf(i), i, n, [...proof, roots[n]], roots[n]));
      refuse(`${i}: wrong leaf`, verifyInclusion(stranger, i, n, proof, roots[n]));
      refuse(`${i}: wrong root`, verifyInclusion(leaf(i), i, n, proof, roots[n - 1]));
      for (const other of [i - 1, i + 1, i ^ 2]) {
        if (other !== i && other >= 0 && other < n)
          refuse(`${i}: as index ${other}`, verifyInclusion(leaf(i), other, n, proof, roots[n]));
      }
      refuse(`${i}: index = size`, verifyInclusion(leaf(i), n, n, proof, roots[n]));
      for (const size of [n - 1, n + 1, 2 * n, Math.floor(n / 2)]) {
        if (size === n || size <= i) continue;
        // Neither the tree of that size nor the same root under that size accepts this proof.
        if (size <= MAX) refuse(`${i}: in tree ${size}`, verifyInclusion(leaf(i), i, size, proof, roots[size]));
        if (size === 2 * n || size === Math.floor(n / 2))
          refuse(`${i}: claimed size ${size}`, verifyInclusion(leaf(i), i, size, proof, roots[n]));
      }
    }
    expect(refused).toEqual([]);
  });

  it.each(sizes)('consistency proofs into a tree of %i verify, and no mutation does', async (n) => {
    const refused: string[] = [];
    const refuse = (what: string, ok: boolean) => ok && refused.push(what);
    for (let m = 1; m <= n; m++) {
      const proof = await consistencyProof(m, n, tree.read);
      expect(verifyConsistency(m, n, proof, roots[m], roots[n]), `from ${m}`).toBe(true);
      if (m === n) {
        expect(proof).toEqual([]);
        refuse(`${m}: extra hash`, verifyConsistency(m, n, [roots[m]], roots[m], roots[n]));
        refuse(`${m}: other root`, verifyConsistency(m, n, [], roots[m], roots[m + 1]));
        continue;
      }
      for (let j = 0; j < proof.length; j++) {
        refuse(`${m}: flipped [${j}]`, verifyConsistency(m, n, proof.with(j, flipBit(proof[j])), roots[m], roots[n]));
        refuse(`${m}: dropped [${j}]`, verifyConsistency(m, n, proof.toSpliced(j, 1), roots[m], roots[n]));
      }
      for (let j = 0; j <= proof.length; j++) {
        refuse(`${m}: extra at ${j}`, verifyConsistency(m, n, proof.toSpliced(j, 0, stranger), roots[m], roots[n]));
      }
      refuse(`${m}: empty`, verifyConsistency(m, n, [], roots[m], roots[n]));
      refuse(`${m}: swapped roots`, verifyConsistency(m, n, proof, roots[n], roots[m]));
      refuse(`${m}: wrong old root`, verifyConsistency(m, n, proof, roots[m - 1], roots[n]));
      refuse(`${m}: wrong new root`, verifyConsistency(m, n, proof, roots[m], roots[n - 1]));
      refuse(`${m}: reversed`, verifyConsistency(n, m, proof, roots[n], roots[m]));
      for (const from of [m - 1, m + 1, m ^ 2]) {
        if (from !== m && from >= 1 && from <= n)
          refuse(`${m}: as from ${from}`, verifyConsistency(from, n, proof, roots[from], roots[n]));
      }
      for (const to of [n - 1, n + 1, 2 * n]) {
        if (to >= m && to <= MAX) refuse(`${m}: to ${to}`, verifyConsistency(m, to, proof, roots[m], roots[to]));
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('bad input', () => {
  const tree = vectorTree();
  const root = fromHex(ROOTS[7]);

  it('verifiers answer false, never throw', async () => {
    const proof = await inclusionProof(3, 8, tree.read);
    const leaf = tree.levels[0][3];
    const garbage: unknown[] = [
      null,
      undefined,
      'x',
      {},
      [1, 2],
      -1,
      1.5,
      NaN,
      Infinity,
      2 ** 53,
      new Uint8Array(31),
      new Uint8Array(33),
    ];
    for (const g of garbage) {
      const bad = g as never;
      expect(verifyInclusion(bad, 3, 8, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, bad, 8, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, 3, bad, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, 3, 8, bad, root)).toBe(false);
      expect(verifyInclusion(leaf, 3, 8, [...proof.slice(0, 2), bad], root)).toBe(false);
      expect(verifyInclusion(leaf, 3, 8, proof, bad)).toBe(false);
      expect(verifyConsistency(bad, 8, [], root, root)).toBe(false);
      expect(verifyConsistency(3, bad, [], root, root)).toBe(false);
      expect(verifyConsistency(3, 8, bad, root, root)).toBe(false);
      expect(verifyConsistency(3, 8, [bad], root, root)).toBe(false);
      expect(verifyConsistency(3, 8, [root], bad, root)).toBe(false);
      expect(verifyConsistency(3, 8, [root], root, bad)).toBe(false);
    }
    expect(verifyInclusion(leaf, 8, 8, proof, root)).toBe(false);
    expect(verifyConsistency(9, 8, [root], root, root)).toBe(false);
  });

  it('generators refuse impossible requests', async () => {
    await expect(inclusionProof(8, 8, tree.read)).rejects.toThrow(RangeError);
    await expect(inclusionProof(-1, 8, tree.read)).rejects.toThrow(RangeError);
    await expect(inclusionProof(0.5, 8, tree.read)).rejects.toThrow(RangeError);
    await expect(consistencyProof(0, 8, tree.read)).rejects.toThrow(RangeError);
    await expect(consistencyProof(5, 4, tree.read)).rejects.toThrow(RangeError);
    await expect(treeRoot(-1, tree.read)).rejects.toThrow(RangeError);
    // A tree of 8 leaves cannot answer for 9: the store is missing nodes, which must not pass silently.
    await expect(treeRoot(9, tree.read)).rejects.toThrow(RangeError);
    expect(() => tree.root(9)).toThrow(RangeError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(TypeError);
    await expect(integrate(8, [new Uint8Array(3)], tree.read)).rejects.toThrow(TypeError);
    await expect(treeRoot(2, () => new Uint8Array(16))).rejects.toThrow(/not a 32-byte hash/);
  });
});

describe('stored trees', () => {
  it("integrate() in random batches yields MemoryTree's nodes and rootOfLeaves' roots", async () => {
    const next = random(9162);
    const stored = new Map<string, Uint8Array>();
    const key = (level: number, index: number) => `${level}/${index}`;
    // An async reader, as a database would be: every read must be awaited.
    const read: NodeReader = async (level, index) => {
      const hash = stored.get(key(level, index));
      if (!hash) throw new Error(`missing node ${key(level, index)}`);
      return hash;
    };
    const reference = new MemoryTree();
    const leaves: Uint8Array[] = [];
    let size = 0;
    while (size < 3000) {
      const batch = Array.from({ length: Math.floor(next() ** 3 * 300) }, (_, j) => leafHash(`entry ${size + j}`));
      const created: TreeNode[] = await integrate(size, batch, read);
      for (const node of created) {
        expect(stored.has(key(node.level, node.index)), `node ${key(node.level, node.index)} created twice`).toBe(
          false,
        );
        stored.set(key(node.level, node.index), node.hash);
      }
      for (const leaf of batch) reference.append(leaf);
      leaves.push(...batch);
      size += batch.length;
      expect(await treeRoot(size, read)).toEqual(rootOfLeaves(leaves));
      expect(reference.root()).toEqual(rootOfLeaves(leaves));
    }
    const referenceNodes = reference.levels.flatMap((hashes, level) =>
      hashes.map((hash, index): [string, string] => [key(level, index), toHex(hash)]),
    );
    expect(new Map([...stored].map(([k, h]) => [k, toHex(h)]))).toEqual(new Map(referenceNodes));
  });

  it('proofs read O(log n) nodes, all issued before the first one answers', async () => {
    const tree = new MemoryTree();
    const size = 100_003;
    for (let i = 0; i < size; i++) tree.append(leafHash(`entry ${i}`));
    let reads = 0;
    let answered = 0;
    let readAfterAnswer = false;
    const read: NodeReader = async (level, index) => {
      reads += 1;
      if (answered > 0) readAfterAnswer = true;
      await Promise.resolve();
      answered += 1;
      return tree.node(level, index);
    };
    const bound = 2 * Math.ceil(Math.log2(size)) + 2;
    for (const [index, from] of [
      [0, 1],
      [size - 1, size - 1],
      [54_321, 65_536],
      [99_999, 12_345],
    ]) {
      reads = 0;
      answered = 0;
      const proof = await inclusionProof(index, size, read);
      expect(verifyInclusion(tree.levels[0][index], index, size, proof, tree.root())).toBe(true);
      expect(reads).toBeLessThanOrEqual(bound);
      reads = 0;
      answered = 0;
      const consistency = await consistencyProof(from, size, read);
      expect(verifyConsistency(from, size, consistency, tree.root(from), tree.root())).toBe(true);
      expect(reads).toBeLessThanOrEqual(bound);
      reads = 0;
      answered = 0;
      await treeRoot(from, read);
      expect(reads).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
    }
    expect(readAfterAnswer).toBe(false);
  });
});
