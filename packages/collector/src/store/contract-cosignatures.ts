// The contract of witness cosignatures (types.ts, `addCosignatures`, `cosignedSizes`), run beside
// `describeLedgerStore` against every store: a checkpoint is read back with its cosignature lines
// appended, in the order they arrived, whichever store holds it and whichever process reads it.

import { base64urlEncode } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, recordingSigner, type StoreHarness, testConfig, testNotice, testReceipt } from './contract';
import type { CheckpointRecord, CosignatureRecord, LedgerStore } from './types';

const AT = '2026-12-01T10:00:00.000Z';
const W1 = 'w1.example+01020304+BAAA';
const W2 = 'w2.example+05060708+BAAA';

/** Registers the cosignature contract suite for one store implementation. */
export function describeCosignatures(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`LedgerStore cosignature contract: ${name}`, () => {
    let h: StoreHarness;
    let store: LedgerStore;
    let checkpoints: CheckpointRecord[];
    beforeEach(async () => {
      h = await makeStore();
      store = h.store;
      await store.putSite(testConfig('alpha'), [testNotice('alpha', 1, 'fr'), testNotice('alpha', 1, 'en')], AT);
      await store.appendReceipts([batch('alpha', [testReceipt('alpha', 's1', null)])], recordingSigner());
      const leaves = await store.readLeafHashes('alpha', 0, 3);
      const root = base64urlEncode(new Uint8Array(32).fill(1));
      checkpoints = [2, 3].map((size) => ({
        site: 'alpha',
        size,
        rootHash: root,
        note: `note ${size}\n\n— log sig\n`,
        createdAt: AT,
      }));
      await store.integrate({
        site: 'alpha',
        fromSize: 0,
        nodes: [
          { level: 0, index: 0, hash: leaves[0] },
          { level: 0, index: 1, hash: leaves[1] },
          { level: 1, index: 0, hash: new Uint8Array(32).fill(1) },
        ],
        checkpoint: checkpoints[0],
      });
      await store.integrate({
        site: 'alpha',
        fromSize: 2,
        nodes: [{ level: 0, index: 2, hash: leaves[2] }],
        checkpoint: checkpoints[1],
      });
    });
    afterEach(async () => {
      await h.dispose();
    });

    const cosignature = (size: number, witness: string, receivedAt: string): CosignatureRecord => ({
      site: 'alpha',
      size,
      witness,
      line: `— ${witness.split('+')[0]} sig-${size}-at-${receivedAt.slice(17, 19)}\n`,
      timestamp: 1_764_583_200,
      receivedAt,
    });

    it('appends a checkpoint’s cosignature lines to its note, in the order they arrived', async () => {
      expect(await store.cosignedSizes('alpha')).toEqual(new Map());
      const second = cosignature(3, W1, '2026-12-01T10:00:02.000Z');
      const first = cosignature(3, W2, '2026-12-01T10:00:01.000Z');
      await store.addCosignatures([second]);
      await store.addCosignatures([first, cosignature(2, W1, '2026-12-01T10:00:00.000Z')]);
      const latest = await store.latestCheckpoint('alpha');
      expect(latest).toEqual({ ...checkpoints[1], note: checkpoints[1].note + first.line + second.line });
      expect((await store.checkpointAt('alpha', 2))?.note).toBe(`${checkpoints[0].note}— w1.example sig-2-at-00\n`);
      expect(await store.cosignedSizes('alpha')).toEqual(
        new Map([
          [W1, 3],
          [W2, 3],
        ]),
      );
      expect(await store.cosignedSizes('beta')).toEqual(new Map());
    });

    it('finds the first checkpoint past a cosigned size: the oldest a witness still lacks', async () => {
      await store.addCosignatures([cosignature(2, W1, AT)]);
      expect(await store.checkpointAfter('alpha', 0)).toEqual({
        ...checkpoints[0],
        note: `${checkpoints[0].note}— w1.example sig-2-at-00\n`,
      });
      expect(await store.checkpointAfter('alpha', 2)).toEqual(checkpoints[1]);
      expect(await store.checkpointAfter('alpha', 3)).toBeNull();
      expect(await store.checkpointAfter('beta', 0)).toBeNull();
    });

    it('keeps the first cosignature of a witness for a checkpoint, across processes and restarts', async () => {
      await store.addCosignatures([cosignature(2, W1, '2026-12-01T10:00:00.000Z')]);
      const twin = await h.twin();
      await twin.addCosignatures([cosignature(2, W1, '2026-12-01T10:00:05.000Z'), cosignature(2, W2, AT)]);
      await store.addCosignatures([]);
      const reopened = await h.reopen();
      const note = (await reopened.checkpointAt('alpha', 2))?.note;
      expect(note?.match(/— /g)?.length).toBe(3);
      expect(note).toContain('— w1.example sig-2-at-00\n');
      expect(note).not.toContain('sig-2-at-05');
      expect((await reopened.latestCheckpoint('alpha'))?.note).toBe(checkpoints[1].note);
      expect(await reopened.cosignedSizes('alpha')).toEqual(
        new Map([
          [W1, 2],
          [W2, 2],
        ]),
      );
    });
  });
}
