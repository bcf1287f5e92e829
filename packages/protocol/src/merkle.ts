// RFC 9162 §2.1 Merkle trees. A log stores the hash of every complete aligned subtree, addressed
// as (level, index): level 0 are leaf hashes, node (l, i) covers leaves [i*2^l, (i+1)*2^l).
// With such a store, any root or proof needs O(log n) node reads.
// Sizes and indexes are plain numbers (safe integers), so no bitwise operators: they stop at 2^31.

import { bytesEqual, utf8 } from './encoding';
import { sha256, sha256Concat } from './sha256';

/** Reads the hash of the complete subtree (level, index); may be async (a database). */
export type NodeReader = (level: number, index: number) => Uint8Array | Promise<Uint8Array>;

/** A complete subtree node: its address and hash. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

interface NodeAddress {
  level: number;
  index: number;
}

/** A range of leaves [start, end) whose root a proof carries. */
type LeafRange = [start: number, end: number];

const HASH_SIZE = 32;
const LEAF_PREFIX = /* @__PURE__ */ Uint8Array.of(0);
const NODE_PREFIX = /* @__PURE__ */ Uint8Array.of(1);

/** Leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return sha256Concat([LEAF_PREFIX, typeof entry === 'string' ? utf8(entry) : entry]);
}

/** Interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array<ArrayBuffer> {
  return sha256Concat([NODE_PREFIX, left, right]);
}

/** Root of a list of leaf hashes held in memory (the empty tree's root is SHA-256 of nothing). */
export function rootOfLeaves(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  // Pairing level by level and promoting an odd last node unchanged gives RFC 9162's split at
  // the largest power of two below n.
  let level = leaves;
  while (level.length > 1) {
    const next: Uint8Array[] = new Array(Math.ceil(level.length / 2));
    for (let i = 0; i + 1 < level.length; i += 2) next[i / 2] = nodeHash(level[i], level[i + 1]);
    if (level.length % 2 === 1) next[next.length - 1] = level[level.length - 1];
    level = next;
  }
  return level[0];
}

/** Root of the first `size` leaves of a stored tree. */
export async function treeRoot(size: number, read: NodeReader): Promise<Uint8Array> {
  assertSize(size, 'size');
  if (size === 0) return sha256(new Uint8Array(0));
  return foldRight(await readAll(rangeNodes(0, size), read));
}

/** RFC 9162 inclusion proof of leaf `index` in the tree of `size` leaves. */
export async function inclusionProof(index: number, size: number, read: NodeReader): Promise<Uint8Array[]> {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) throw new RangeError(`index ${index} is not below size ${size}`);
  // RFC 9162 §2.1.3.1 PATH, unrolled top-down: at each split, the sibling of the half holding
  // the leaf is part of the proof; the proof lists them bottom-up.
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (index < lo + k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  return rangeRoots(ranges.reverse(), read);
}

/** RFC 9162 consistency proof between the trees of sizes `from` and `to` (0 < from <= to). */
export async function consistencyProof(from: number, to: number, read: NodeReader): Promise<Uint8Array[]> {
  assertSize(from, 'from');
  assertSize(to, 'to');
  if (from === 0 || from > to) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  // RFC 9162 §2.1.4.1 SUBPROOF, unrolled top-down. `whole` is SUBPROOF's b flag: while the old
  // tree is a complete subtree of the new one, its root is known to the verifier and left out.
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = to;
  let whole = true;
  while (from !== hi) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (from - lo <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      whole = false;
    }
  }
  if (!whole) ranges.push([lo, hi]);
  return rangeRoots(ranges.reverse(), read);
}

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof)) return false;
  if (!isSize(index) || !isSize(size) || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (!isHash(p) || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** Verifies a consistency proof (RFC 9162 §2.1.4.2); `from` must be at least 1, as in docs/design.md. */
export function verifyConsistency(
  from: number,
  to: number,
  proof: Uint8Array[],
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
): boolean {
  if (!isHash(fromRoot) || !isHash(toRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!isSize(from) || !isSize(to) || from === 0 || from > to) return false;
  // §2.1.4.2 starts by failing an empty proof, so equal sizes are settled here: same tree.
  if (from === to) return proof.length === 0 && bytesEqual(fromRoot, toRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, fromRoot) && bytesEqual(sr, toRoot);
}

/**
 * Appends leaves to a tree whose stored nodes are given by `read`, and returns every complete
 * subtree node this creates (the leaves themselves included, at level 0), for the store to write.
 * This is what the integrator's "integrate" step does.
 */
export async function integrate(size: number, leaves: Uint8Array[], read: NodeReader): Promise<TreeNode[]> {
  assertSize(size, 'size');
  for (const leaf of leaves) if (!isHash(leaf)) throw new TypeError('a leaf hash must be 32 bytes');
  // The old tree's frontier (its complete subtrees, levels decreasing) is all a new leaf can
  // merge with: each merge closes one more complete subtree.
  const frontierAddresses = rangeNodes(0, size);
  const frontierHashes = await readAll(frontierAddresses, read);
  const frontier: TreeNode[] = frontierAddresses.map((a, i) => ({ ...a, hash: frontierHashes[i] }));
  const created: TreeNode[] = [];
  for (let j = 0; j < leaves.length; j++) {
    let node: TreeNode = { level: 0, index: size + j, hash: leaves[j] };
    created.push(node);
    while (frontier.length > 0 && frontier[frontier.length - 1].level === node.level) {
      const left = frontier.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      created.push(node);
    }
    frontier.push(node);
  }
  return created;
}

/** An in-memory stored tree (tests, exports being verified, small logs). */
export class MemoryTree {
  /** levels[l][i] = hash of node (l, i). */
  readonly levels: Uint8Array[][] = [[]];
  get size(): number {
    return this.levels[0].length;
  }
  /** Appends one leaf hash and updates the complete subtrees it closes. */
  append(leaf: Uint8Array): void {
    if (!isHash(leaf)) throw new TypeError('a leaf hash must be 32 bytes');
    let level = 0;
    let index = this.levels[0].length;
    let hash = leaf;
    this.levels[0].push(leaf);
    while (index % 2 === 1) {
      hash = nodeHash(this.levels[level][index - 1], hash);
      level += 1;
      index = (index - 1) / 2;
      if (this.levels.length === level) this.levels.push([]);
      this.levels[level].push(hash);
    }
  }
  /** The hash of the complete subtree (level, index); throws when it is not (yet) complete. */
  node(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete subtree (${level}, ${index}) in a tree of ${this.size} leaves`);
    return hash;
  }
  /** The NodeReader over this tree. */
  readonly read: NodeReader = (level, index) => this.node(level, index);
  /** Root of the first `size` leaves (defaults to all). */
  root(size: number = this.size): Uint8Array {
    assertSize(size, 'size');
    if (size > this.size) throw new RangeError(`size ${size} is beyond the tree's ${this.size} leaves`);
    if (size === 0) return sha256(new Uint8Array(0));
    return foldRight(rangeNodes(0, size).map((a) => this.node(a.level, a.index)));
  }
}

/**
 * The complete aligned subtrees covering leaves [start, end), left to right, largest first.
 * `start` must be a multiple of the largest power of two not above `end - start` (true of every
 * range a proof or root asks for).
 */
function rangeNodes(start: number, end: number): NodeAddress[] {
  const nodes: NodeAddress[] = [];
  let remaining = end - start;
  if (remaining <= 0) return nodes;
  let width = 1;
  let level = 0;
  while (width * 2 <= remaining) {
    width *= 2;
    level += 1;
  }
  let position = start;
  for (; remaining > 0; width /= 2, level -= 1) {
    if (remaining < width) continue;
    nodes.push({ level, index: position / width });
    position += width;
    remaining -= width;
  }
  return nodes;
}

/** Reads the root of each range, with every node read issued at once (a database can batch them). */
async function rangeRoots(ranges: LeafRange[], read: NodeReader): Promise<Uint8Array[]> {
  const perRange = ranges.map(([start, end]) => rangeNodes(start, end));
  const hashes = await readAll(perRange.flat(), read);
  let offset = 0;
  return perRange.map((nodes) => {
    const root = foldRight(hashes.slice(offset, offset + nodes.length));
    offset += nodes.length;
    return root;
  });
}

async function readAll(addresses: NodeAddress[], read: NodeReader): Promise<Uint8Array[]> {
  const hashes = await Promise.all(addresses.map((a) => read(a.level, a.index)));
  for (let i = 0; i < hashes.length; i++) {
    if (!isHash(hashes[i]))
      throw new Error(`node (${addresses[i].level}, ${addresses[i].index}) read back is not a 32-byte hash`);
  }
  return hashes;
}

/** Combines the complete subtrees of a range (left to right, decreasing) into the range's root. */
function foldRight(hashes: Uint8Array[]): Uint8Array {
  let acc = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i], acc);
  return acc;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function isSize(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= 0;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function assertSize(n: number, name: string): void {
  if (!isSize(n)) throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
}
