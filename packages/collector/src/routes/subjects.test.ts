import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDpopProof, generateDeviceKey, verifyExport } from '@consent-ledger/protocol';
import type { SubjectHistory } from '@consent-ledger/protocol';
import type { Device } from '../testing';
import { auditFixture, type AuditFixture } from './audit-fixture';

describe('a visitor’s own routes (DPoP)', () => {
  let f: AuditFixture;
  let visitor: Device;
  let subject: string;
  beforeEach(async () => {
    f = await auditFixture();
    visitor = await f.device();
    const first = await visitor.receipt({ method: 'accept-all', choices: f.all('granted') });
    subject = first.payload.subject;
    await f.submit([first, await visitor.receipt({ method: 'withdraw', choices: f.all('denied') })]);
    await f.submit([await (await f.device()).receipt()]);
    await f.sequence();
  });
  afterEach(async () => {
    await f.dispose();
  });

  const url = (path: string) => `http://localhost${path}`;
  async function send(method: string, path: string, proof?: string) {
    return f.collector.app.request(url(path), { method, headers: proof ? { DPoP: proof } : {} });
  }
  const proofFor = (method: string, path: string, extra: { iat?: number; jti?: string; device?: Device['keys'] } = {}) =>
    createDpopProof({ htm: method, htu: url(path), device: extra.device ?? visitor.keys, iat: extra.iat, jti: extra.jti });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('reads the visitor’s receipts with acks and proofs', async () => {
    const path = `/v1/subjects/${subject}/receipts`;
    const res = await send('GET', path, await proofFor('GET', path));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { subject: string; sites: Array<{ site: string; receipts: Array<{ jws: string; ack: string; proof: { treeSize: number } }> }> };
    expect(body.sites.map((s) => s.site)).toEqual(['clikodoc']);
    expect(body.sites[0].receipts).toHaveLength(2);
    expect(body.sites[0].receipts.every((r) => r.ack && r.proof.treeSize > 0)).toBe(true);
  });

  it('refuses a missing, replayed, stale, mis-bound or other-device proof with 401 bad-proof', async () => {
    const path = `/v1/subjects/${subject}/receipts`;
    const proof = await proofFor('GET', path);
    expect((await send('GET', path, proof)).status).toBe(200);
    const cases: Array<[string, Response]> = [
      ['missing', await send('GET', path)],
      ['replayed', await send('GET', path, proof)],
      ['stale', await send('GET', path, await proofFor('GET', path, { iat: Math.floor(Date.now() / 1000) - 120 }))],
      ['future', await send('GET', path, await proofFor('GET', path, { iat: Math.floor(Date.now() / 1000) + 120 }))],
      ['other method', await send('GET', path, await proofFor('DELETE', path))],
      ['other url', await send('GET', path, await proofFor('GET', `/v1/subjects/${subject}`))],
      ['other device', await send('GET', path, await proofFor('GET', path, { device: await generateDeviceKey() }))],
      ['garbage', await send('GET', path, 'a.b.c')],
    ];
    for (const [name, res] of cases) expect([name, res.status, await code(res)]).toEqual([name, 401, 'bad-proof']);
  });

  it('erases the visitor’s receipts: hashes kept, export still verifies, the auditor sees when and why', async () => {
    const path = `/v1/subjects/${subject}`;
    const res = await send('DELETE', path, await proofFor('DELETE', path));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { erased: Array<{ site: string; redacted: number }>; at: string };
    expect(body.erased).toEqual([{ site: 'clikodoc', redacted: 2 }]);
    const history = (await (await f.call(`/v1/audit/sites/clikodoc/subjects/${subject}`, f.tokens.auditor)).json()) as SubjectHistory;
    expect(history.receipts.map((r) => [r.jws, r.redacted])).toEqual([
      [null, { at: body.at, reason: 'erasure' }],
      [null, { at: body.at, reason: 'erasure' }],
    ]);
    const lines = (await (await f.call('/v1/audit/sites/clikodoc/export', f.tokens.auditor)).text()).split('\n');
    const report = await verifyExport(lines, { keys: f.jwks });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, summary: { redacted: 2, receipts: 1 }, redacted: { byReason: { erasure: 2 } } });
  });
});
