import { describe, expect, it } from 'vitest';
import { CommitQueue, CommitQueueClosed } from './commit-queue';
import { recordingSigner, testConfig, testNotice, testReceipt } from './store/contract';
import type { BatchOutcome, LedgerStore, ReceiptBatch } from './store/types';
import { tempStore } from './testing';

function batchOf(site: string, subject: string) {
  return { site, receipts: [{ receipt: testReceipt(site, subject, null), ip: null, userAgent: null }] };
}

describe('CommitQueue', () => {
  it('commits the batches of one tick in one transaction and answers each after that commit', async () => {
    const temp = tempStore();
    try {
      await temp.store.putSite(testConfig('alpha'), [testNotice('alpha', 1, 'fr')], '2026-12-01T00:00:00.000Z');
      const calls: ReceiptBatch[][] = [];
      let committed = 0;
      const store: LedgerStore = Object.create(temp.store);
      store.appendReceipts = async (batches, sign) => {
        calls.push(batches);
        const outcomes = await temp.store.appendReceipts(batches, sign);
        committed += batches.length;
        return outcomes;
      };
      const queue = new CommitQueue({
        store,
        signAcks: recordingSigner(),
        clock: () => Date.parse('2026-12-01T10:00:00.000Z'),
        maxReceipts: 1000,
      });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          queue.submit(batchOf('alpha', `s${i}`)).then((o) => ({ o, committedWhenAnswered: committed })),
        ),
      );
      expect(calls).toHaveLength(1);
      expect(calls[0]).toHaveLength(10);
      expect(calls[0].every((b) => b.receivedAt === '2026-12-01T10:00:00.000Z')).toBe(true);
      expect(answers.every((a) => a.o.ok && a.committedWhenAnswered === 10)).toBe(true);
      expect(answers.map((a) => (a.o as Extract<BatchOutcome, { ok: true }>).receipts[0].index)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    } finally {
      await temp.dispose();
    }
  });

  it('splits groups at maxReceipts, gathers arrivals during a commit into the next, and drains on close', async () => {
    const temp = tempStore();
    try {
      await temp.store.putSite(testConfig('alpha'), [], '2026-12-01T00:00:00.000Z');
      const sizes: number[] = [];
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const store: LedgerStore = Object.create(temp.store);
      store.appendReceipts = async (batches, sign) => {
        sizes.push(batches.length);
        if (sizes.length === 1) await gate;
        return temp.store.appendReceipts(batches, sign);
      };
      const queue = new CommitQueue({ store, signAcks: recordingSigner(), clock: Date.now, maxReceipts: 4 });
      const first = Array.from({ length: 6 }, (_, i) => queue.submit(batchOf('alpha', `a${i}`)));
      while (sizes.length === 0) await new Promise((resolve) => setImmediate(resolve));
      const later = Array.from({ length: 3 }, (_, i) => queue.submit(batchOf('alpha', `b${i}`)));
      open();
      const closing = queue.close();
      await expect(queue.submit(batchOf('alpha', 'late'))).rejects.toBeInstanceOf(CommitQueueClosed);
      await closing;
      const outcomes = await Promise.all([...first, ...later]);
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(sizes).toEqual([4, 4, 1]);
      expect((await temp.store.listLogs())[0].size).toBe(9);
    } finally {
      await temp.dispose();
    }
  });

  it('rejects every batch of a group whose commit fails', async () => {
    const temp = tempStore();
    try {
      await temp.store.putSite(testConfig('alpha'), [], '2026-12-01T00:00:00.000Z');
      const queue = new CommitQueue({
        store: temp.store,
        signAcks: async () => {
          throw new Error('disk full');
        },
        clock: Date.now,
        maxReceipts: 100,
      });
      const results = await Promise.allSettled([
        queue.submit(batchOf('alpha', 'a')),
        queue.submit(batchOf('alpha', 'b')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await temp.dispose();
    }
  });
});
