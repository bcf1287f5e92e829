// The contract of the audit queries (types.ts, "Audit"), run beside `describeLedgerStore` against
// every store, so that both stores answer auditors alike.

import type { VerifiedReceipt } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, recordingSigner, type StoreHarness, testConfig, testNotice, testReceipt } from './contract';
import { exportLine, withProofs } from './export-lines';
import type { AuditQueries, LedgerStore, PartialExportCursor, PartialExportLines, PartialExportQuery } from './types';

const DAY1 = '2026-11-30T09:00:00.000Z'; // a Monday
const DAY2 = '2026-12-01T10:00:00.000Z';
const DAY3 = '2026-12-07T08:00:00.000Z'; // the next Monday

/** Registers the audit contract suite for one store implementation. */
export function describeAuditQueries(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`LedgerStore audit contract: ${name}`, () => {
    let h: StoreHarness;
    let store: LedgerStore;
    beforeEach(async () => {
      h = await makeStore();
      store = h.store;
      await store.putSite(testConfig('alpha'), [testNotice('alpha', 1, 'fr'), testNotice('alpha', 1, 'en')], DAY1);
      await store.putSite(testConfig('beta'), [testNotice('beta', 1, 'fr')], DAY1);
    });
    afterEach(async () => {
      await h.dispose();
    });

    /** Appends receipts one batch each, failing the test on a refusal. */
    async function append(site: string, receipts: VerifiedReceipt[], at: string): Promise<void> {
      const outcomes = await store.appendReceipts(
        receipts.map((r) => batch(site, [r], at)),
        recordingSigner(),
      );
      for (const o of outcomes) if (!o.ok) throw new Error(`append refused: ${o.error.code}`);
    }

    /** A subject's chain of receipts with the given methods and choices, linked by prev. */
    function chain(
      site: string,
      subject: string,
      steps: Array<[VerifiedReceipt['payload']['method'], Record<string, 'granted' | 'denied'>]>,
    ): VerifiedReceipt[] {
      let prev: string | null = null;
      return steps.map(([method, choices]) => {
        const r = testReceipt(site, subject, prev, { method, choices });
        prev = r.leafHash;
        return r;
      });
    }

    describe('subjectEntries', () => {
      it('lists one subject of one site in chain order, redacted entries included', async () => {
        const [a1, a2, a3] = chain('alpha', 'sa', [
          ['accept-all', { maps: 'granted' }],
          ['withdraw', { maps: 'denied' }],
          ['save', { maps: 'granted' }],
        ]);
        await append('alpha', [a1], DAY1);
        await append('alpha', [testReceipt('alpha', 'sb', null)], DAY1);
        await append('beta', [testReceipt('beta', 'sa', null)], DAY1);
        await append('alpha', [a2, a3], DAY2);
        await store.redactEntries('alpha', [a2.payload.id], { at: DAY3, reason: 'erasure' });
        const entries = await store.audit.subjectEntries('alpha', 'sa');
        expect(entries.map((e) => e.id)).toEqual([a1.payload.id, a2.payload.id, a3.payload.id]);
        expect(entries.map((e) => e.index)).toEqual([2, 4, 5]);
        expect(entries[1]).toMatchObject({
          jws: null,
          choices: null,
          leafHash: a2.leafHash,
          redacted: { at: DAY3, reason: 'erasure' },
        });
        expect(entries[2]).toMatchObject({ jws: a3.jws, prev: a2.leafHash, method: 'save', receivedAt: DAY2 });
        expect(await store.audit.subjectEntries('alpha', 'nobody')).toEqual([]);
        expect((await store.audit.subjectEntries('beta', 'sa')).map((e) => e.index)).toEqual([1]);
      });
    });

    describe('searchReceipts', () => {
      let all: VerifiedReceipt[];
      beforeEach(async () => {
        const s1 = chain('alpha', 's1', [
          ['accept-all', { analytics: 'granted', maps: 'granted' }],
          ['withdraw', { analytics: 'denied', maps: 'granted' }],
        ]);
        const s2 = chain('alpha', 's2', [['reject-all', { analytics: 'denied', maps: 'denied' }]]);
        const s3 = chain('alpha', 's3', [['save', { analytics: 'denied', 'audio-video': 'granted' }]]);
        await append('alpha', [s1[0], s2[0]], DAY1);
        await append('alpha', [s1[1]], DAY2);
        await append('alpha', [s3[0]], DAY3);
        await append('beta', [testReceipt('beta', 's1', null)], DAY1);
        all = [s1[0], s2[0], s1[1], s3[0]]; // indexes 2, 3, 4, 5
      });
      const ids = (entries: { id: string }[]) => entries.map((e) => e.id);

      it('returns receipts only (no notice, no other site), in index order, up to the limit', async () => {
        const page = await store.audit.searchReceipts('alpha', { order: 'asc', limit: 10 });
        expect(ids(page)).toEqual(ids(all.map((r) => r.payload)));
        expect(page.map((e) => e.index)).toEqual([2, 3, 4, 5]);
        expect(page.every((e) => e.kind === 'receipt')).toBe(true);
        expect((await store.audit.searchReceipts('alpha', { order: 'desc', limit: 2 })).map((e) => e.index)).toEqual([
          5, 4,
        ]);
      });

      it('filters by purpose, state, method and time range', async () => {
        const idx = async (q: Partial<Parameters<AuditQueries['searchReceipts']>[1]>) =>
          (await store.audit.searchReceipts('alpha', { order: 'asc', limit: 10, ...q })).map((e) => e.index);
        expect(await idx({ purpose: 'maps' })).toEqual([2, 3, 4]);
        expect(await idx({ purpose: 'audio-video' })).toEqual([5]);
        expect(await idx({ purpose: 'analytics', state: 'granted' })).toEqual([2]);
        expect(await idx({ purpose: 'analytics', state: 'denied' })).toEqual([3, 4, 5]);
        expect(await idx({ purpose: 'audio-video', state: 'granted' })).toEqual([5]);
        expect(await idx({ method: 'withdraw' })).toEqual([4]);
        expect(await idx({ from: DAY2 })).toEqual([4, 5]);
        expect(await idx({ to: DAY2 })).toEqual([2, 3]);
        expect(await idx({ from: DAY2, to: DAY3 })).toEqual([4]);
        expect(await idx({ purpose: 'maps', state: 'granted', from: DAY2 })).toEqual([4]);
        expect(await idx({ purpose: 'marketing' })).toEqual([]);
      });

      it('pages with a keyset cursor that new appends cannot disturb', async () => {
        const first = await store.audit.searchReceipts('alpha', { order: 'asc', limit: 2 });
        expect(first.map((e) => e.index)).toEqual([2, 3]);
        await append('alpha', [testReceipt('alpha', 's9', null)], DAY3);
        const second = await store.audit.searchReceipts('alpha', { order: 'asc', limit: 2, after: first[1].index });
        expect(second.map((e) => e.index)).toEqual([4, 5]);
        const third = await store.audit.searchReceipts('alpha', { order: 'asc', limit: 2, after: second[1].index });
        expect(third.map((e) => e.index)).toEqual([6]);
        const back = await store.audit.searchReceipts('alpha', { order: 'desc', limit: 2, after: 4 });
        expect(back.map((e) => e.index)).toEqual([3, 2]);
      });

      it('leaves redacted receipts out', async () => {
        await store.redactEntries('alpha', [all[0].payload.id], { at: DAY3, reason: 'retention' });
        expect((await store.audit.searchReceipts('alpha', { order: 'asc', limit: 10 })).map((e) => e.index)).toEqual([
          3, 4, 5,
        ]);
        expect(
          (await store.audit.searchReceipts('alpha', { order: 'asc', limit: 10, method: 'accept-all' })).length,
        ).toBe(0);
      });
    });

    describe('receiptStats', () => {
      it('counts per day and per week, with methods and withdrawals against the previous receipt', async () => {
        const s1 = chain('alpha', 's1', [
          ['accept-all', { analytics: 'granted', maps: 'granted' }],
          ['withdraw', { analytics: 'denied', maps: 'granted' }],
          ['save', { analytics: 'denied', maps: 'denied' }],
        ]);
        const s2 = chain('alpha', 's2', [
          ['reject-all', { analytics: 'denied', maps: 'denied' }],
          ['save', { analytics: 'denied', maps: 'granted' }],
        ]);
        await append('alpha', [s1[0], s2[0]], DAY1);
        await append('alpha', [s1[1], s2[1]], DAY2);
        await append('alpha', [s1[2]], DAY3);
        await append('beta', [testReceipt('beta', 's1', null, { method: 'gpc' })], DAY2);

        const days = await store.audit.receiptStats('alpha', { interval: 'day' });
        expect(days).toEqual([
          {
            start: '2026-11-30',
            receipts: 2,
            methods: { 'accept-all': 1, 'reject-all': 1 },
            purposes: {
              analytics: { granted: 1, denied: 1, withdrawn: 0 },
              maps: { granted: 1, denied: 1, withdrawn: 0 },
            },
          },
          {
            start: '2026-12-01',
            receipts: 2,
            methods: { withdraw: 1, save: 1 },
            purposes: {
              analytics: { granted: 0, denied: 2, withdrawn: 1 },
              maps: { granted: 2, denied: 0, withdrawn: 0 },
            },
          },
          {
            start: '2026-12-07',
            receipts: 1,
            methods: { save: 1 },
            purposes: {
              analytics: { granted: 0, denied: 1, withdrawn: 0 },
              maps: { granted: 0, denied: 1, withdrawn: 1 },
            },
          },
        ]);
        const weeks = await store.audit.receiptStats('alpha', { interval: 'week' });
        expect(weeks.map((w) => [w.start, w.receipts, w.purposes.analytics.withdrawn, w.methods.save])).toEqual([
          ['2026-11-30', 4, 1, 1],
          ['2026-12-07', 1, 0, 1],
        ]);
        // The previous receipt counts even when it lies before the range.
        const later = await store.audit.receiptStats('alpha', { interval: 'day', from: DAY2, to: DAY3 });
        expect(later.map((d) => [d.start, d.receipts, d.purposes.analytics.withdrawn])).toEqual([['2026-12-01', 2, 1]]);
      });

      it('leaves redacted receipts out, and a redacted previous receipt grants nothing', async () => {
        const s1 = chain('alpha', 's1', [
          ['accept-all', { analytics: 'granted' }],
          ['withdraw', { analytics: 'denied' }],
        ]);
        await append('alpha', [s1[0]], DAY1);
        await append('alpha', [s1[1]], DAY2);
        await store.redactEntries('alpha', [s1[0].payload.id], { at: DAY3, reason: 'retention' });
        expect(await store.audit.receiptStats('alpha', { interval: 'day' })).toEqual([
          {
            start: '2026-12-01',
            receipts: 1,
            methods: { withdraw: 1 },
            purposes: { analytics: { granted: 0, denied: 1, withdrawn: 0 } },
          },
        ]);
        expect(await store.audit.receiptStats('beta', { interval: 'week' })).toEqual([]);
      });
    });

    describe('readExportLines', () => {
      const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

      it('builds the export lines of entries [from, from + limit) byte for byte as exportLine does, redactions included', async () => {
        const a = testReceipt('alpha', 'sa', null);
        const b = testReceipt('alpha', 'sb', null);
        await append('alpha', [a, b], DAY1);
        await store.redactEntries('alpha', [b.payload.id], { at: DAY3, reason: 'erasure' });
        const page = await store.audit.readExportLines('alpha', 0, 10);
        expect(page.count).toBe(4);
        expect(text(page.bytes)).toBe((await store.readEntries('alpha', 0, 10)).map((e) => exportLine(e)).join(''));
        const lines = text(page.bytes).split('\n');
        expect(lines[0]).toMatch(/^\{"index":0,"kind":"notice","jws":"[^"]+"\}$/);
        expect(lines[2]).toBe(`{"index":2,"kind":"receipt","jws":"${a.jws}","ack":"ack.alpha.2.${a.payload.id}"}`);
        expect(lines[3]).toBe(
          `{"index":3,"kind":"receipt","leafHash":"${b.leafHash}","redacted":{"at":"${DAY3}","reason":"erasure"}}`,
        );
        expect(lines[4]).toBe('');
        const middle = await store.audit.readExportLines('alpha', 1, 2);
        expect([middle.count, text(middle.bytes)]).toEqual([
          2,
          lines
            .slice(1, 3)
            .map((l) => `${l}\n`)
            .join(''),
        ]);
        expect(await store.audit.readExportLines('beta', 5, 10)).toMatchObject({ count: 0 });
        expect((await store.audit.readExportLines('beta', 5, 10)).bytes).toHaveLength(0);
      });

      it('escapes what a stored value would need escaped as JSON.stringify does', async () => {
        const odd = 'ack "quoted" \\ back\tslash \u0001 \u007f é \u2028 😀';
        const outcomes = await store.appendReceipts(
          [batch('alpha', [testReceipt('alpha', 'sa', null)], DAY1)],
          async (payloads) => payloads.map(() => odd),
        );
        expect(outcomes[0].ok).toBe(true);
        const page = await store.audit.readExportLines('alpha', 2, 1);
        const [entry] = await store.readEntries('alpha', 2, 1);
        expect(text(page.bytes)).toBe(exportLine(entry));
        expect(JSON.parse(text(page.bytes)).ack).toBe(odd);
      });
    });

    describe('readPartialExportLines', () => {
      /** The lines of a page, each cut at its end. */
      const linesOf = (page: PartialExportLines) =>
        page.ends.map((end, i) => new TextDecoder().decode(page.bytes.subarray(i === 0 ? 0 : page.ends[i - 1], end)));

      /** Every page of a partial export of `query`, `limit` lines a page, with its lines. */
      async function pagesOf(site: string, query: PartialExportQuery, limit: number) {
        const pages = [];
        let cursor: PartialExportCursor | null = null;
        do {
          const page = await store.audit.readPartialExportLines(site, query, cursor, limit);
          expect(page.ends[page.ends.length - 1] ?? 0).toBe(page.bytes.length);
          pages.push({ ...page, lines: linesOf(page) });
          cursor = page.next;
        } while (cursor && pages.length < 100);
        return pages;
      }

      /** The reference: every entry read, filtered here, each line by `exportLine`. */
      async function reference(site: string, { from, to, size }: PartialExportQuery) {
        const entries = (await store.readEntries(site, 0, 1000)).filter(
          (e) =>
            e.index < size &&
            (e.kind === 'notice' ||
              ((from === undefined || e.receivedAt >= from) && (to === undefined || e.receivedAt < to))),
        );
        return { indexes: entries.map((e) => e.index), lines: entries.map((e) => exportLine(e)), entries };
      }

      // receivedAt out of index order (as several collectors may write), a notice in the middle,
      // a redacted receipt and a redacted notice in range, the other site's receipts interleaved.
      let ids: Record<string, string>;
      beforeEach(async () => {
        const r = Array.from({ length: 7 }, (_, i) => testReceipt('alpha', `s${i}`, null));
        await append('alpha', [r[0]], DAY2); // 2
        await append('alpha', [r[1]], DAY1); // 3
        await append('beta', [testReceipt('beta', 'sb', null)], DAY2);
        await append('alpha', [r[2]], DAY2); // 4
        await append('alpha', [r[3]], DAY3); // 5
        await store.putSite(testConfig('alpha', 2), [testNotice('alpha', 2, 'fr')], DAY3); // 6
        await append('alpha', [r[4]], DAY1); // 7
        await append('alpha', [r[5]], DAY2); // 8
        await append('alpha', [r[6]], DAY3); // 9
        ids = { redactedReceipt: r[2].payload.id, redactedNotice: testNotice('alpha', 1, 'en').textHash };
        expect(
          await store.redactEntries('alpha', [ids.redactedReceipt, ids.redactedNotice], {
            at: DAY3,
            reason: 'erasure',
          }),
        ).toBe(2);
      });

      it('holds every notice and the receipts received in [from, to) below the size, redacted ones included, byte for byte as exportLine writes them', async () => {
        const query = { from: DAY2, to: DAY3, size: 9 };
        const [page, ...rest] = await pagesOf('alpha', query, 100);
        expect(rest).toEqual([]);
        expect(page.next).toBeNull();
        expect(page.indexes).toEqual([0, 1, 2, 4, 6, 8]);
        const expected = await reference('alpha', query);
        expect(page).toMatchObject({ indexes: expected.indexes, lines: expected.lines });
        expect(page.lines[1]).toContain('"kind":"notice","leafHash"');
        expect(page.lines[3]).toContain('"redacted":{"at":"2026-12-07T08:00:00.000Z","reason":"erasure"}');
        // The size cuts what the checkpoint does not cover.
        expect((await pagesOf('alpha', { ...query, size: 8 }, 100))[0].indexes).toEqual([0, 1, 2, 4, 6]);
        // A proof goes where exportLine puts it, whatever the kind of line, an empty one too.
        const proofs = page.indexes.map((index) => (index === 4 ? [] : [`aGFzaA${index}`, 'b3RoZXI']));
        expect(new TextDecoder().decode(withProofs(page, proofs))).toBe(
          expected.entries.map((e, i) => exportLine(e, proofs[i])).join(''),
        );
      });

      it('pages with its cursor, the last page with a null one, whatever the range', async () => {
        for (const query of [
          { from: DAY2, to: DAY3, size: 10 },
          { from: DAY2, size: 10 },
          { to: DAY2, size: 10 },
          { size: 10 },
          { from: '2027-01-01T00:00:00.000Z', size: 10 },
        ]) {
          const expected = await reference('alpha', query);
          for (const limit of [1, 2, 3, expected.indexes.length, 100]) {
            const pages = await pagesOf('alpha', query, limit);
            expect(pages.every((p) => p.indexes.length <= limit && p.lines.length === p.indexes.length)).toBe(true);
            expect(pages.slice(0, -1).every((p) => p.next !== null)).toBe(true);
            expect(pages[pages.length - 1].next).toBeNull();
            expect([query, limit, pages.flatMap((p) => p.indexes), pages.flatMap((p) => p.lines)]).toEqual([
              query,
              limit,
              expected.indexes,
              expected.lines,
            ]);
          }
        }
        expect((await pagesOf('alpha', { from: '2027-01-01T00:00:00.000Z', size: 10 }, 100))[0].indexes).toEqual([
          0, 1, 6,
        ]);
        expect((await pagesOf('beta', { from: DAY2, to: DAY3, size: 2 }, 100))[0].indexes).toEqual([0, 1]);
        expect((await pagesOf('beta', { from: DAY3, size: 2 }, 100))[0].indexes).toEqual([0]);
      });
    });

    describe('expiredReceiptIds', () => {
      it('lists unredacted receipts received before a date, in index order, up to a limit', async () => {
        const a = testReceipt('alpha', 'sa', null);
        const b = testReceipt('alpha', 'sb', null);
        const c = testReceipt('alpha', 'sc', null);
        await append('alpha', [a, b], DAY1);
        await append('alpha', [c], DAY3);
        expect(await store.audit.expiredReceiptIds('alpha', DAY2, 10)).toEqual([a.payload.id, b.payload.id]);
        expect(await store.audit.expiredReceiptIds('alpha', DAY2, 1)).toEqual([a.payload.id]);
        await store.redactEntries('alpha', [a.payload.id], { at: DAY3, reason: 'retention' });
        expect(await store.audit.expiredReceiptIds('alpha', DAY2, 10)).toEqual([b.payload.id]);
        expect(await store.audit.expiredReceiptIds('beta', DAY3, 10)).toEqual([]);
      });
    });
  });
}
