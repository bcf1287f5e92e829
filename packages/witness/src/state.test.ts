// The witness state machine against c2sp.org/tlog-witness's rules for add-checkpoint, one rule
// per case, on real RFC 6962 trees and proofs.
import { consistencyProof, leafHash, MemoryTree, sha256 } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { type CosignedState, judge } from './state';

function tree(size: number, salt = ''): MemoryTree {
  const t = new MemoryTree();
  for (let i = 0; i < size; i++) t.append(leafHash(`${salt}entry ${i}`));
  return t;
}

const head = (t: MemoryTree, size = t.size) => ({ size, rootHash: t.root(size) });
const state = (t: MemoryTree, size = t.size): CosignedState => ({ ...head(t, size), note: `note ${size}` });
const proof = (t: MemoryTree, from: number, to = t.size) => consistencyProof(from, to, t.read);

describe('judge (add-checkpoint rules)', () => {
  const log = tree(20);

  it('first checkpoint: old size 0 and an empty proof are cosigned', () => {
    expect(judge({ oldSize: 0, proof: [] }, head(log, 7), null)).toEqual({ status: 200 });
  });

  it('first checkpoint: a proof from size 0 is refused (422); so is an empty tree with a non-empty root', async () => {
    expect(judge({ oldSize: 0, proof: await proof(log, 3, 7) }, head(log, 7), null).status).toBe(422);
    expect(judge({ oldSize: 0, proof: [] }, { size: 0, rootHash: log.root(3) }, null).status).toBe(422);
    expect(judge({ oldSize: 0, proof: [] }, { size: 0, rootHash: sha256(new Uint8Array(0)) }, null).status).toBe(200);
  });

  it('growth: a consistency proof from the cosigned size is cosigned', async () => {
    for (const [from, to] of [
      [1, 2],
      [7, 8],
      [8, 20],
      [6, 13],
      [19, 20],
    ])
      expect(
        judge({ oldSize: from, proof: await proof(log, from, to) }, head(log, to), state(log, from)),
        `${from}->${to}`,
      ).toEqual({
        status: 200,
      });
  });

  it('same size: the same root is cosigned again; another root is a fork (409 with the size, evidence)', () => {
    expect(judge({ oldSize: 7, proof: [] }, head(log, 7), state(log, 7))).toEqual({ status: 200 });
    const other = tree(7, 'other ');
    expect(judge({ oldSize: 7, proof: [] }, head(other), state(log, 7))).toMatchObject({
      status: 409,
      cosignedSize: 7,
      evidence: 'fork',
    });
  });

  it('old size above the checkpoint is a bad request (400)', () => {
    expect(judge({ oldSize: 8, proof: [] }, head(log, 7), null).status).toBe(400);
  });

  it('old size other than the cosigned one: 409 with the cosigned size, so the log can retry from it', async () => {
    expect(judge({ oldSize: 0, proof: [] }, head(log, 9), state(log, 7))).toEqual({
      status: 409,
      message: 'old size 0 is not the size last cosigned, 7',
      cosignedSize: 7,
    });
    expect(judge({ oldSize: 5, proof: await proof(log, 5, 9) }, head(log, 9), state(log, 7))).toMatchObject({
      status: 409,
      cosignedSize: 7,
    });
    expect(judge({ oldSize: 3, proof: [] }, head(log, 9), null)).toMatchObject({ status: 409, cosignedSize: 0 });
  });

  it('rollback: a signed checkpoint smaller than the cosigned one is refused and kept as evidence', async () => {
    expect(judge({ oldSize: 0, proof: [] }, head(log, 5), state(log, 9))).toMatchObject({
      status: 409,
      cosignedSize: 9,
      evidence: 'rollback',
    });
    expect(judge({ oldSize: 9, proof: [] }, head(log, 5), state(log, 9))).toMatchObject({
      status: 400,
      evidence: 'rollback',
    });
  });

  it('fork: a tree that does not extend the cosigned one is refused (422), with evidence', async () => {
    // The history after the restore of an older copy: the first 5 entries, then others.
    const rewritten = tree(5);
    for (let i = 0; i < 10; i++) rewritten.append(leafHash(`rewritten ${i}`));
    expect(judge({ oldSize: 9, proof: await proof(rewritten, 9) }, head(rewritten), state(log, 9))).toMatchObject({
      status: 422,
      evidence: 'inconsistent',
    });
  });

  it('bad proof: a damaged, truncated, padded or borrowed proof is refused (422)', async () => {
    const good = await proof(log, 6, 13);
    const flipped = good.map((h, i) => (i === 1 ? Uint8Array.from(h, (b, j) => (j === 0 ? b ^ 1 : b)) : h));
    const cases = {
      flipped,
      truncated: good.slice(0, -1),
      padded: [...good, good[0]],
      'from another size': await proof(log, 5, 13),
      empty: [],
    };
    for (const [what, hashes] of Object.entries(cases))
      expect(judge({ oldSize: 6, proof: hashes }, head(log, 13), state(log, 6)).status, what).toBe(422);
    expect(judge({ oldSize: 7, proof: [good[0]] }, head(log, 7), state(log, 7)).status).toBe(422);
  });
});
