// The contract of the legacy-redaction mark (types.ts, `logsNotAttested`, `markLogAttested`), run
// beside `describeLedgerStore` against every store: `serve` scans a log for redactions older than
// redaction entries once, and no start after that reads its entries again.

import { base64urlEncode, leafHash } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attestLegacyRedactions } from '../legacy-redactions';
import { testCollectorKey } from '../testing';
import { batch, recordingSigner, type StoreHarness, testConfig, testNotice, testReceipt } from './contract';
import type { LedgerStore } from './types';

const AT = '2026-12-01T10:00:00.000Z';
const ERASED_AT = '2026-11-01T10:00:00.000Z';
const STARTED_AT = Date.parse('2026-12-03T00:00:00.000Z');

/** Counts the entries `store.readEntries` hands out from now on. */
function countEntriesRead(store: LedgerStore): { entries: number } {
  const read = store.readEntries.bind(store);
  const count = { entries: 0 };
  store.readEntries = async (site, from, limit) => {
    const page = await read(site, from, limit);
    count.entries += page.length;
    return page;
  };
  return count;
}

/**
 * Registers the legacy-mark contract suite for one store implementation. `beforeMark` is the SQL
 * that turns the store's data back into a database of the version before the mark (as an older
 * collector left it).
 */
export function describeLegacyMark(name: string, makeStore: () => Promise<StoreHarness>, beforeMark: string): void {
  describe(`LedgerStore legacy-redaction mark: ${name}`, () => {
    let h: StoreHarness;
    let store: LedgerStore;
    beforeEach(async () => {
      h = await makeStore();
      store = h.store;
      for (const site of ['alpha', 'beta'])
        await store.putSite(testConfig(site), [testNotice(site, 1, 'fr'), testNotice(site, 1, 'en')], AT);
    });
    afterEach(async () => {
      await h.dispose();
    });

    async function appendReceipts(site: string, count: number) {
      const receipts = Array.from({ length: count }, (_, i) => testReceipt(site, `s${i}`, null));
      const outcomes = await store.appendReceipts([batch(site, receipts)], recordingSigner());
      expect(outcomes.every((o) => o.ok)).toBe(true);
      return receipts;
    }

    it('marks a new log attested; a redaction without its entry unmarks it; a mark holds across a restart', async () => {
      expect(await store.logsNotAttested()).toEqual([]);
      const [alpha] = await appendReceipts('alpha', 1);
      const [beta] = await appendReceipts('beta', 1);
      expect(await store.redactEntries('alpha', [alpha.payload.id], { at: ERASED_AT, reason: 'erasure' })).toBe(1);
      const jws = 'redaction.beta';
      const entry = { jws, leafHash: base64urlEncode(leafHash(jws)) };
      await store.redactEntries('beta', [beta.payload.id], { at: ERASED_AT, reason: 'retention' }, entry);
      // A redaction with its entry needs no attestation: only alpha is unmarked.
      expect(await store.logsNotAttested()).toEqual(['alpha']);
      await store.markLogAttested('alpha', AT);
      expect(await store.logsNotAttested()).toEqual([]);
      expect(await (await h.reopen()).logsNotAttested()).toEqual([]);
    });

    it('scans each log of a database from before the mark once: its legacy redaction is attested at the first start, no entry is read at the next', async () => {
      const receipts = await appendReceipts('alpha', 3);
      await appendReceipts('beta', 1);
      await store.redactEntries('alpha', [receipts[0].payload.id], { at: ERASED_AT, reason: 'erasure' });
      await store.markLogAttested('alpha', AT);
      store = await h.reopenAfter(beforeMark);
      expect(await store.logsNotAttested()).toEqual(['alpha', 'beta']);
      const sizes = new Map((await store.listLogs()).map((l) => [l.site, l.size]));
      expect(sizes).toEqual(
        new Map([
          ['alpha', 5],
          ['beta', 3],
        ]),
      );
      const key = await testCollectorKey();

      const firstStart = countEntriesRead(store);
      expect(await attestLegacyRedactions(store, key, STARTED_AT)).toEqual([
        { site: 'alpha', attested: 1 },
        { site: 'beta', attested: 0 },
      ]);
      expect(firstStart.entries).toBe(5 + 3);
      const [attestation] = await store.readEntries('alpha', 5, 10);
      expect(attestation).toMatchObject({ kind: 'redaction', index: 5 });
      expect(await store.logsNotAttested()).toEqual([]);

      store = await h.reopen();
      const nextStart = countEntriesRead(store);
      expect(await attestLegacyRedactions(store, key, STARTED_AT + 60_000)).toEqual([]);
      expect(nextStart.entries).toBe(0);
      expect((await store.listLogs()).map((l) => l.size)).toEqual([6, 3]);
    });
  });
}
