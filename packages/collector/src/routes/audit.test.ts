import type { SubjectHistory } from '@consent-ledger/protocol';
import {
  type InclusionProofBundle,
  verifyExport,
  verifyInclusionBundle,
  verifyReceipt,
} from '@consent-ledger/protocol';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../retention';
import { issueToken } from '../tokens';
import { type AuditFixture, auditFixture } from './audit-fixture';

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('audit routes', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  /** A subject that accepts everything, then withdraws its first purpose; a second subject refuses all. */
  async function seed() {
    const visitor = await f.device();
    const first = await visitor.receipt({ method: 'accept-all', choices: f.all('granted') });
    const withdrawal = await visitor.receipt({
      method: 'withdraw',
      choices: { ...f.all('granted'), [f.purposes[0]]: 'denied' },
    });
    const other = await f.device();
    const refusal = await other.receipt({ method: 'reject-all', choices: f.all('denied') });
    await f.submit([first]);
    await f.submit([refusal]);
    await f.submit([withdrawal]);
    await f.sequence();
    return { visitor, first, withdrawal, refusal, subject: first.payload.subject };
  }

  describe('sites', () => {
    it('lists the token\'s sites with name and languages, every site for "*", deleted ones flagged', async () => {
      type Sites = { sites: Array<{ site: string; name: string; languages: string[]; deletedAt: string | null }> };
      const own = await json<Sites>(await f.call('/v1/audit/sites', f.tokens.auditor));
      expect(own.sites).toEqual([
        { site: 'clikodoc', name: f.config.name, languages: f.config.languages, deletedAt: null },
      ]);
      expect(
        (await json<Sites>(await f.call('/v1/audit/sites', f.tokens.otherAuditor))).sites.map((s) => s.site),
      ).toEqual(['clickcare']);
      const every = (await issueToken(f.store, { role: 'auditor', sites: ['*'] }, '2026-12-01T00:00:00.000Z')).token;
      await f.store.deleteSite('clickcare', '2026-12-02T00:00:00.000Z');
      const all = await json<Sites>(await f.call('/v1/audit/sites', every));
      expect(all.sites.map((s) => [s.site, s.deletedAt])).toEqual([
        ['clickcare', '2026-12-02T00:00:00.000Z'],
        ['clikodoc', null],
      ]);
      // A token naming a site that does not exist (yet) lists only the sites that do.
      const ghost = (
        await issueToken(f.store, { role: 'auditor', sites: ['clikodoc', 'nowhere'] }, '2026-12-01T00:00:00.000Z')
      ).token;
      expect((await json<Sites>(await f.call('/v1/audit/sites', ghost))).sites.map((s) => s.site)).toEqual([
        'clikodoc',
      ]);
      expect((await f.call('/v1/audit/sites?all=1', f.tokens.auditor)).status).toBe(400);
    });
  });

  describe('subject history', () => {
    it('lists receipts oldest first with a withdrawal on the timeline, notices, acks and verifiable proofs', async () => {
      const { first, withdrawal, subject } = await seed();
      const res = await f.call(`/v1/audit/sites/clikodoc/subjects/${subject}`, f.tokens.auditor);
      expect(res.status).toBe(200);
      const history = await json<SubjectHistory>(res);
      expect(history.receipts.map((r) => r.id)).toEqual([first.payload.id, withdrawal.payload.id]);
      expect(history.receipts[1].payload?.prev).toBe(first.leafHash);
      expect(history.receipts[0].jws).toBe(first.jws);
      expect((await verifyReceipt(history.receipts[0].jws!)).ok).toBe(true);
      const [w] = history.timeline[f.purposes[0]];
      expect(w).toMatchObject({
        grantedBy: 'accept-all',
        grantedIndex: history.receipts[0].index,
        withdrawnBy: 'withdraw',
        withdrawnIndex: history.receipts[1].index,
        withdrawnAt: history.receipts[1].receivedAt,
      });
      expect(history.timeline[f.purposes[1]]).toEqual([
        expect.objectContaining({ grantedBy: 'accept-all', withdrawnAt: null }),
      ]);
      expect(history.current[f.purposes[0]]).toBe('denied');
      const notice = history.notices[first.payload.textHash];
      expect(notice.notice?.site).toBe('clikodoc');
      expect(notice.notice?.language).toBe(first.payload.language);
      expect(history.receipts[1].ackPayload).toMatchObject({
        id: withdrawal.payload.id,
        index: history.receipts[1].index,
        leafHash: withdrawal.leafHash,
      });
      for (const r of history.receipts) {
        const checked = await verifyInclusionBundle(r.proof as InclusionProofBundle, f.jwks, r.leafHash);
        expect(checked.ok).toBe(true);
      }
    });

    it('answers 404 for a subject without receipts, 404 for an unknown site, 400 for a malformed subject', async () => {
      expect((await f.call(`/v1/audit/sites/clikodoc/subjects/${'A'.repeat(43)}`, f.tokens.auditor)).status).toBe(404);
      expect((await f.call('/v1/audit/sites/clikodoc/subjects/nope', f.tokens.auditor)).status).toBe(400);
      const unknown = await f.call(`/v1/audit/sites/nowhere/subjects/${'A'.repeat(43)}`, f.tokens.rootAdmin);
      expect([unknown.status, (await json<{ error: { code: string } }>(unknown)).error.code]).toEqual([
        404,
        'unknown-site',
      ]);
    });
  });

  describe('search', () => {
    it('filters by purpose, state, method and dates, and refuses unknown parameters', async () => {
      const { first, withdrawal, refusal } = await seed();
      const ids = async (q: string) =>
        (
          await json<{ receipts: Array<{ id: string }> }>(
            await f.call(`/v1/audit/sites/clikodoc/receipts?${q}`, f.tokens.auditor),
          )
        ).receipts.map((r) => r.id);
      expect(await ids('')).toEqual([first.payload.id, refusal.payload.id, withdrawal.payload.id]);
      expect(await ids(`purpose=${f.purposes[0]}&state=granted`)).toEqual([first.payload.id]);
      expect(await ids(`purpose=${f.purposes[0]}&state=denied`)).toEqual([refusal.payload.id, withdrawal.payload.id]);
      expect(await ids('method=withdraw')).toEqual([withdrawal.payload.id]);
      expect(await ids('order=desc&limit=1')).toEqual([withdrawal.payload.id]);
      expect(await ids('from=2999-01-01')).toEqual([]);
      expect(await ids('to=2000-01-01T00:00:00Z')).toEqual([]);
      for (const bad of [
        'state=granted',
        'purpose=Nope',
        'method=maybe',
        'limit=0',
        'limit=1001',
        'cursor=-1',
        'from=yesterday',
        'colour=blue',
        'from=2026-12-02&to=2026-12-01',
      ]) {
        const res = await f.call(`/v1/audit/sites/clikodoc/receipts?${bad}`, f.tokens.auditor);
        expect(res.status, bad).toBe(400);
      }
    });

    it('accepts the answer of an in-context prompt (method in-context) and finds it by that method', async () => {
      const { first } = await seed();
      const visitor = await f.device();
      const allowed = await visitor.receipt({
        method: 'in-context',
        choices: { ...f.all('denied'), [f.purposes[0]]: 'granted' },
      });
      expect(await f.submit([allowed])).toHaveLength(1);
      await f.sequence();
      const found = await json<{ receipts: Array<{ id: string; method: string }> }>(
        await f.call('/v1/audit/sites/clikodoc/receipts?method=in-context', f.tokens.auditor),
      );
      expect(found.receipts.map((r) => [r.id, r.method])).toEqual([[allowed.payload.id, 'in-context']]);
      expect(found.receipts.map((r) => r.id)).not.toContain(first.payload.id);
    });

    it('pages with a cursor that stays stable while receipts are inserted', async () => {
      const devices = await Promise.all(Array.from({ length: 7 }, () => f.device()));
      await f.submit(await Promise.all(devices.slice(0, 5).map((d) => d.receipt())));
      const seen: number[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const res = await f.call(
          `/v1/audit/sites/clikodoc/receipts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          f.tokens.auditor,
        );
        const page = await json<{ receipts: Array<{ index: number }>; nextCursor: string | null }>(res);
        seen.push(...page.receipts.map((r) => r.index));
        cursor = page.nextCursor;
        // Visitors keep arriving between pages.
        if (inserted < 2) await f.submit([await devices[5 + inserted++].receipt()]);
      } while (cursor);
      const all = (await f.store.audit.searchReceipts('clikodoc', { order: 'asc', limit: 100 })).map((e) => e.index);
      expect(all).toHaveLength(7);
      expect(seen).toEqual(all);
    });
  });

  describe('export', () => {
    async function exportLines(query = ''): Promise<string[]> {
      const res = await f.call(`/v1/audit/sites/clikodoc/export${query}`, f.tokens.auditor);
      expect(res.status).toBe(200);
      return (await res.text()).split('\n').filter((l) => l !== '');
    }

    it('streams exactly treeSize lines after the header, verifying offline; a tampered line fails with its index', async () => {
      await seed();
      const res = await f.call('/v1/audit/sites/clikodoc/export', f.tokens.auditor);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson');
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      const lines = (await res.text()).split('\n').filter((l) => l !== '');
      const header = JSON.parse(lines[0]);
      expect(lines.length - 1).toBe(header.treeSize);
      const report = await verifyExport(lines, { keys: f.jwks });
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({
        ok: true,
        trustedKeys: true,
        summary: { receipts: 3, subjects: 2, withdrawals: 1 },
      });
      const n = lines.findIndex((l) => l.includes('"kind":"receipt"'));
      const tampered = [...lines];
      const entry = JSON.parse(tampered[n]);
      tampered[n] = JSON.stringify({ ...entry, ack: JSON.parse(lines[n + 1]).ack });
      const bad = await verifyExport(tampered, { keys: f.jwks });
      expect(bad.ok).toBe(false);
      expect(bad.failures).toEqual([expect.objectContaining({ index: entry.index, code: 'bad-ack' })]);
    });

    it('keeps every line valid JSON when a stored row was tampered with, and verify names its index', async () => {
      const { withdrawal } = await seed();
      const db = new Database(f.temp.file);
      db.prepare('UPDATE entries SET jws = jws || ?, ack = ack || ? WHERE id = ?').run(
        '"\\',
        '\n',
        withdrawal.payload.id,
      );
      db.close();
      const lines = await exportLines();
      expect(lines.every((l) => typeof JSON.parse(l) === 'object')).toBe(true);
      const report = await verifyExport(lines, { keys: f.jwks });
      const entry = (await f.store.getEntry('clikodoc', withdrawal.payload.id))!;
      expect(report.ok).toBe(false);
      expect(report.failures.map((x) => x.index)).toContain(entry.index);
    });

    it('exports a date range with an inclusion proof on every line, and CSV with a column per purpose', async () => {
      await seed();
      const lines = await exportLines('?from=2000-01-01&to=2999-01-01');
      const header = JSON.parse(lines[0]);
      expect(header.range).toEqual({ from: '2000-01-01T00:00:00.000Z', to: '2999-01-01T00:00:00.000Z' });
      expect(lines.slice(1, -1).every((l) => Array.isArray(JSON.parse(l).proof))).toBe(true);
      expect(JSON.parse(lines[lines.length - 1])).toEqual({ statement: expect.any(String) });
      expect(await verifyExport(lines, { keys: f.jwks })).toMatchObject({ ok: true, partial: true });
      const none = await exportLines('?from=2999-01-01');
      expect(none.slice(1, -1).every((l) => JSON.parse(l).kind === 'notice')).toBe(true);
      expect(await verifyExport(none, { keys: f.jwks })).toMatchObject({ ok: true, partial: true });
      const csv = (await (await f.call('/v1/audit/sites/clikodoc/export?format=csv', f.tokens.auditor)).text())
        .trim()
        .split('\r\n');
      expect(csv[0].split(',').slice(0, 3)).toEqual(['index', 'kind', 'id']);
      for (const p of f.purposes) expect(csv[0]).toContain(`choice_${p}`);
      expect(csv.length - 1).toBe(JSON.parse(lines[0]).treeSize);
      expect(csv.filter((row) => row.includes(',withdraw,'))).toHaveLength(1);
    });

    it('answers 404 no-checkpoint before the first checkpoint, and keeps verifying after retention redacts', async () => {
      for (const token of [f.tokens.otherAuditor, f.tokens.rootAdmin]) {
        const other = await f.call('/v1/audit/sites/clickcare/export', token);
        expect([other.status, (await json<{ error: { code: string } }>(other)).error.code]).toEqual([
          404,
          'no-checkpoint',
        ]);
      }
      await seed();
      const counts = await purgeExpired(f.store, f.key, Date.now() + 4000 * 86_400_000);
      expect(counts.find((c) => c.site === 'clikodoc')?.redacted).toBe(3);
      await f.sequence(); // the redaction entry joins the tree
      const report = await verifyExport(await exportLines(), { keys: f.jwks });
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({
        ok: true,
        summary: { receipts: 0, redacted: 3 },
        redactions: 1,
        redacted: { byReason: { retention: 3 } },
      });
      expect(
        (await purgeExpired(f.store, f.key, Date.now() + 4000 * 86_400_000)).find((c) => c.site === 'clikodoc')
          ?.redacted,
      ).toBe(0);
    });
  });

  describe('stats', () => {
    it('counts granted, denied, rate and withdrawals per purpose, and the method mix', async () => {
      await seed();
      const res = await f.call('/v1/audit/sites/clikodoc/stats?interval=week', f.tokens.auditor);
      const stats = await json<{
        buckets: unknown[];
        total: {
          receipts: number;
          methods: Record<string, number>;
          purposes: Record<string, { granted: number; denied: number; withdrawn: number; rate: number }>;
        };
      }>(res);
      expect(stats.buckets).toHaveLength(1);
      expect(stats.total.receipts).toBe(3);
      expect(stats.total.methods).toEqual({ 'accept-all': 1, 'reject-all': 1, withdraw: 1 });
      expect(stats.total.purposes[f.purposes[0]]).toEqual({ granted: 1, denied: 2, withdrawn: 1, rate: 1 / 3 });
      expect(stats.total.purposes[f.purposes[1]]).toEqual({ granted: 2, denied: 1, withdrawn: 0, rate: 2 / 3 });
      expect((await f.call('/v1/audit/sites/clikodoc/stats?interval=month', f.tokens.auditor)).status).toBe(400);
    });
  });
});
