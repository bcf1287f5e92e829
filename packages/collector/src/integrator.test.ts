import {
  base64urlDecode,
  base64urlEncode,
  inclusionProof,
  rootOfLeaves,
  verifyInclusion,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Integrator } from './integrator';
import { batch, recordingSigner, testConfig, testReceipt } from './store/contract';
import { tempStore, testCollectorKey } from './testing';

const AT = '2026-12-01T10:00:00.000Z';

describe('Integrator', () => {
  let temp: ReturnType<typeof tempStore>;
  beforeEach(async () => {
    temp = tempStore();
    await temp.store.putSite(testConfig('alpha'), [], AT);
  });
  afterEach(() => temp.dispose());

  let subjects = 0;
  /** Appends `n` first receipts, each of a new subject. */
  async function append(n: number): Promise<void> {
    const subject = () => base64urlEncode(new Uint8Array(new Uint32Array([subjects++, 0, 0, 0, 0, 0, 0, 0]).buffer));
    const receipts = Array.from({ length: n }, () => testReceipt('alpha', subject(), null));
    const outcomes = await temp.store.appendReceipts(
      receipts.map((r) => batch('alpha', [r])),
      recordingSigner(),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
  }

  it('integrates in slices to the very tree of all leaves, resuming from an odd size', async () => {
    const key = await testCollectorKey();
    const integrator = new Integrator({
      store: temp.store,
      key,
      clock: () => Date.parse(AT),
      intervalMs: 1000,
      maxStep: 50_000,
    });
    const leaves = async () => temp.store.readLeafHashes('alpha', 0, 10_000);
    await append(1);
    expect(await integrator.runOnce()).toBe(1);
    // 700 leaves after a tree of 1: slices of 256 end at sizes 257 and 513, neither a power of two.
    for (let i = 0; i < 7; i++) await append(100);
    expect(await integrator.runOnce()).toBe(700);
    const all = await leaves();
    const checkpoint = (await temp.store.latestCheckpoint('alpha'))!;
    expect(checkpoint.size).toBe(701);
    expect(checkpoint.rootHash).toBe(base64urlEncode(rootOfLeaves(all)));
    const read = (level: number, index: number) => temp.store.readNode('alpha', level, index);
    for (const index of [0, 255, 256, 511, 700]) {
      const proof = await inclusionProof(index, 701, read);
      expect(verifyInclusion(all[index], index, 701, proof, base64urlDecode(checkpoint.rootHash))).toBe(true);
    }
  });
});
