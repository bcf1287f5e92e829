import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyExport } from '@consent-ledger/protocol';
import { prepareNdjsonExport, type PreparedExport } from './export-stream';
import { auditFixture, type AuditFixture } from './routes/audit-fixture';

/** The body of an export, as text. */
async function bodyOf(prepared: PreparedExport | null): Promise<string[]> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of prepared!.chunks()) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text.split('\n').filter((l) => l !== '');
}

describe('NDJSON export', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  it('writes the same entry lines for a full export (built by the store) and a partial one (built here, with proofs)', async () => {
    const devices = await Promise.all([f.device(), f.device()]);
    await f.submit([await devices[0].receipt({ method: 'accept-all', choices: f.all('granted') })]);
    const erased = await devices[1].receipt();
    await f.submit([erased, await devices[1].receipt()]);
    await f.store.redactEntries('clikodoc', [erased.payload.id], { at: '2026-12-02T00:00:00.000Z', reason: 'erasure' });
    await f.sequence();
    const full = await bodyOf(await prepareNdjsonExport(f.store, 'clikodoc', f.jwks));
    const partial = await bodyOf(await prepareNdjsonExport(f.store, 'clikodoc', f.jwks, { from: '2000-01-01T00:00:00.000Z' }));
    expect(full.length).toBe(JSON.parse(full[0]).treeSize + 1);
    expect(full.some((l) => l.includes('"redacted":{"at":"2026-12-02T00:00:00.000Z","reason":"erasure"}'))).toBe(true);
    const withoutProof = partial.slice(1).map((l) => l.replace(/,"proof":\[[^\]]*\]\}$/, '}'));
    expect(withoutProof).toEqual(full.slice(1));
    expect(await verifyExport(full, { keys: f.jwks })).toMatchObject({ ok: true, summary: { receipts: 2, redacted: 1 } });
    expect(await verifyExport(partial, { keys: f.jwks })).toMatchObject({ ok: true, partial: true });
  });
});
