import { base64urlEncode, inclusionProof, verifyExport } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, type PreparedExport, prepareNdjsonExport } from './export-stream';
import { redactWithEntry } from './retention';
import { type AuditFixture, auditFixture } from './routes/audit-fixture';
import { exportLine } from './store/export-lines';
import type { LedgerStore } from './store/types';
import { Device } from './testing';

/** The body of an export, as text. */
async function bodyOf(prepared: PreparedExport | null): Promise<string[]> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of prepared!.chunks())
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text.split('\n').filter((l) => l !== '');
}

/** A partial export's lines built the simple way: every entry read, filtered, each proof read node by node. */
async function simplePartialLines(store: LedgerStore, site: string, from: string, to: string): Promise<string[]> {
  const { size } = (await store.latestCheckpoint(site))!;
  const lines: string[] = [];
  for (const e of await store.readEntries(site, 0, size)) {
    if (e.kind === 'receipt' && (e.receivedAt < from || e.receivedAt >= to)) continue;
    const proof = await inclusionProof(e.index, size, (level, index) => store.readNode(site, level, index));
    lines.push(exportLine(e, proof.map(base64urlEncode)).slice(0, -1));
  }
  return lines;
}

describe('NDJSON export', () => {
  let f: AuditFixture;
  let now = Date.parse('2026-12-01T00:00:00.000Z');
  beforeEach(async () => {
    f = await auditFixture({ clock: () => now });
  });
  afterEach(async () => {
    await f.dispose();
  });

  it('writes the same entry lines for a full export and a partial one (proofs aside)', async () => {
    const devices = await Promise.all([f.device(), f.device()]);
    await f.submit([await devices[0].receipt({ method: 'accept-all', choices: f.all('granted') })]);
    const erased = await devices[1].receipt();
    await f.submit([erased, await devices[1].receipt()]);
    const at = '2026-12-02T00:00:00.000Z';
    const { index } = (await f.store.getEntry('clikodoc', erased.payload.id))!;
    await redactWithEntry(f.store, f.key, 'clikodoc', [{ id: erased.payload.id, index }], {
      reason: 'retention',
      at,
      request: null,
    });
    await f.sequence();
    const full = await bodyOf(await prepareNdjsonExport(f.store, 'clikodoc', f.signer));
    const partial = await bodyOf(
      await prepareNdjsonExport(f.store, 'clikodoc', f.signer, { from: '2000-01-01T00:00:00.000Z' }),
    );
    expect(full.length).toBe(JSON.parse(full[0]).treeSize + 1);
    expect(full.some((l) => l.includes(`"redacted":{"at":"${at}","reason":"retention"}`))).toBe(true);
    expect(full.filter((l) => l.includes('"kind":"redaction"')).length).toBe(1);
    const withoutProof = partial.slice(1, -1).map((l) => l.replace(/,"proof":\[[^\]]*\]\}$/, '}'));
    expect(withoutProof).toEqual(full.slice(1));
    expect(await verifyExport(full, { keys: f.jwks })).toMatchObject({
      ok: true,
      summary: { receipts: 2, redacted: 1 },
      redactions: 1,
    });
    expect(await verifyExport(partial, { keys: f.jwks })).toMatchObject({ ok: true, partial: true });
  });

  it('writes a partial export as the simple way does (same lines, same proofs), over a whole block of proofs and the cut one, and it verifies', async () => {
    // 1,100 receipts over eleven days, a notice among them, one redacted in range: the range
    // covers most of the first 1,024 entries' block and part of the last one.
    const day = (d: number) => Date.parse('2026-12-01T00:00:00.000Z') + d * 86_400_000;
    let erased = '';
    let config = f.config;
    for (let d = 0; d < 11; d++) {
      now = day(d) + 3_600_000;
      if (d === 8) {
        const republished = await f.collector.publishSite({ ...config, revision: config.revision + 1 });
        if (!republished.ok) throw new Error(republished.error.message);
        config = republished.value.site.config;
      }
      const device = await Device.create(config);
      const receipts = [];
      for (let i = 0; i < 100; i++)
        receipts.push(await device.receipt({ method: 'accept-all', choices: f.all(i % 2 ? 'granted' : 'denied') }));
      await f.submit(receipts);
      if (d === 5) erased = receipts[50].payload.id;
    }
    const { index } = (await f.store.getEntry('clikodoc', erased))!;
    await redactWithEntry(f.store, f.key, 'clikodoc', [{ id: erased, index }], {
      reason: 'retention',
      at: new Date(day(12)).toISOString(),
      request: null,
    });
    await f.sequence();
    const from = new Date(day(1)).toISOString();
    const to = new Date(day(10)).toISOString();
    const body = await bodyOf(await prepareNdjsonExport(f.store, 'clikodoc', f.signer, { from, to }));
    const expected = await simplePartialLines(f.store, 'clikodoc', from, to);
    expect(expected.length).toBeGreaterThan(900);
    expect(body.slice(1, -1)).toEqual(expected);
    expect(JSON.parse(body[body.length - 1])).toEqual({ statement: expect.any(String) });
    expect(JSON.parse(body[0])).toMatchObject({ range: { from, to } });
    expect(JSON.parse(body[0]).treeSize).toBeGreaterThan(1100);
    expect(body.filter((l) => l.includes('"kind":"notice"')).length).toBe(f.config.languages.length * 2);
    const report = await verifyExport(body, { keys: f.jwks });
    expect(report).toMatchObject({ ok: true, partial: true, summary: { redacted: 1 } });
  }, 60_000);
});

describe('CSV cells', () => {
  it('quote separators and quotes, and leave controlled values as they are', () => {
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('-4Zk_hash')).toBe('-4Zk_hash');
  });

  it('never pass a control character of free text (NUL, CR, LF, TAB, DEL, C1) into the file', () => {
    const cell = csvCell('Mozilla\u0000/5.0\r\nX\t\u007f\u0085', true);
    expect(cell).toBe('Mozilla\ufffd/5.0\ufffd\ufffdX\ufffd\ufffd\ufffd');
    expect(cell).not.toMatch(/\p{Cc}/u);
  });

  it('defuse free text a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\uff1d1'])
      expect(csvCell(text, true).replace(/^"/, '')).toMatch(/^'/);
    // A leading TAB or CR (OWASP's other two) is no longer there to start anything.
    expect(csvCell('\t=1', true)).toBe('\ufffd=1');
    expect(csvCell('https://www.clikodoc.com/', true)).toBe('https://www.clikodoc.com/');
  });
});
