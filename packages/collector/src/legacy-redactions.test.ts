import { verifyExport, verifyRedaction } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareNdjsonExport } from './export-stream';
import { attestLegacyRedactions } from './legacy-redactions';
import { redactWithEntry, startRetentionJob } from './retention';
import { type AuditFixture, auditFixture } from './routes/audit-fixture';

describe('legacy redactions', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  async function exportLines(): Promise<string[]> {
    await f.sequence();
    let text = '';
    const decoder = new TextDecoder();
    const prepared = await prepareNdjsonExport(f.store, 'clikodoc', f.signer);
    for await (const chunk of prepared!.chunks())
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return text.split('\n').filter((l) => l !== '');
  }

  it('attests stubs redacted before redaction entries existed, once, and verify then accepts them as legacy', async () => {
    const devices = [await f.device(), await f.device(), await f.device()];
    const receipts = [];
    for (const d of devices) {
      const r = [await d.receipt({ method: 'accept-all', choices: f.all('granted') }), await d.receipt()];
      await f.submit(r);
      receipts.push(...r);
    }
    // The old way: payloads removed, no redaction entry (an erasure of device 0, a retention of 1).
    const erasedAt = '2026-11-01T10:00:00.000Z';
    const expiredAt = '2026-11-02T10:00:00.000Z';
    await f.store.redactEntries('clikodoc', [receipts[0].payload.id, receipts[1].payload.id], {
      at: erasedAt,
      reason: 'erasure',
    });
    await f.store.redactEntries('clikodoc', [receipts[2].payload.id], { at: expiredAt, reason: 'retention' });
    // A redaction made since, with its entry: already proven, never attested again.
    const { index } = (await f.store.getEntry('clikodoc', receipts[4].payload.id))!;
    await redactWithEntry(f.store, f.key, 'clikodoc', [{ id: receipts[4].payload.id, index }], {
      reason: 'retention',
      at: expiredAt,
      request: null,
    });

    const before = await verifyExport(await exportLines(), { keys: f.jwks });
    expect(before.failures.map((x) => x.code)).toEqual([
      'unproven-redaction',
      'unproven-redaction',
      'unproven-redaction',
    ]);

    const now = Date.parse('2026-12-03T00:00:00.000Z');
    const counts = await attestLegacyRedactions(f.store, f.key, now);
    // clickcare's log, born after redaction entries existed, is not even read.
    expect(counts).toEqual([{ site: 'clikodoc', attested: 3 }]);
    const lines = await exportLines();
    const after = await verifyExport(lines, { keys: f.jwks });
    expect(after.failures).toEqual([]);
    expect(after).toMatchObject({
      ok: true,
      redactions: 3,
      summary: { redacted: 4 },
      redacted: { byReason: { erasure: 2, retention: 2 }, legacy: 3 },
    });
    // Each attestation says what it is: the stubs' own reason and time, no request, attested now.
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.kind === 'redaction');
    const statements = await Promise.all(entries.map((e) => verifyRedaction(e.jws, f.jwks)));
    expect(statements.map((s) => (s.ok ? s.value : s.error)).filter((s) => 'legacy' in s)).toEqual([
      expect.objectContaining({
        reason: 'erasure',
        at: erasedAt,
        request: null,
        legacy: { attestedAt: '2026-12-03T00:00:00.000Z' },
      }),
      expect.objectContaining({ reason: 'retention', at: expiredAt, request: null, legacy: expect.any(Object) }),
    ]);
    // The log is marked attested: a second run reads it no more and appends nothing.
    const size = (await f.store.listLogs()).find((l) => l.site === 'clikodoc')!.size;
    expect(await attestLegacyRedactions(f.store, f.key, now)).toEqual([]);
    expect((await f.store.listLogs()).find((l) => l.site === 'clikodoc')!.size).toBe(size);
  });

  it('is attested by serve at start, in the background (the retention job)', async () => {
    const device = await f.device();
    const receipt = await device.receipt();
    await f.submit([receipt]);
    await f.store.redactEntries('clikodoc', [receipt.payload.id], {
      at: '2026-11-01T00:00:00.000Z',
      reason: 'erasure',
    });
    const size = async () => (await f.store.listLogs()).find((l) => l.site === 'clikodoc')!.size;
    const before = await size();
    const logged: string[] = [];
    const job = startRetentionJob({
      store: f.store,
      key: f.key,
      clock: Date.now,
      intervalMs: 3_600_000,
      log: (message) => logged.push(message),
    });
    await vi.waitFor(() => expect(logged).toEqual(["retention: attested 1 legacy redactions in clikodoc's log"]));
    await job.stop();
    expect(await size()).toBe(before + 1);
    expect((await verifyExport(await exportLines(), { keys: f.jwks })).redacted.legacy).toBe(1);
  });
});
