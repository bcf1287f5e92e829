import type { SubjectHistory } from '@consent-ledger/protocol';
import {
  base64urlDecode,
  base64urlEncode,
  createDpopProof,
  exportPublicJwk,
  generateDeviceKey,
  jwkThumbprint,
  leafHash,
  verifyExport,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector } from '../app';
import { PROOF_BYTES } from '../replay-cache';
import { type Device, tempStore, testCollectorKey } from '../testing';
import { type AuditFixture, auditFixture } from './audit-fixture';

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
  const proofFor = (
    method: string,
    path: string,
    extra: { iat?: number; jti?: string; device?: Device['keys'] } = {},
  ) =>
    createDpopProof({
      htm: method,
      htu: url(path),
      device: extra.device ?? visitor.keys,
      iat: extra.iat,
      jti: extra.jti,
    });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('reads the visitor’s receipts with acks and proofs', async () => {
    const path = `/v1/subjects/${subject}/receipts`;
    const res = await send('GET', path, await proofFor('GET', path));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      subject: string;
      sites: Array<{ site: string; receipts: Array<{ jws: string; ack: string; proof: { treeSize: number } }> }>;
    };
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

  it('an export asked right after an erasure verifies: the route integrates the redaction entry first', async () => {
    f.collector.start();
    const path = `/v1/subjects/${subject}`;
    expect((await send('DELETE', path, await proofFor('DELETE', path))).status).toBe(200);
    // No integration in between: the integrator's next round is a second away.
    const lines = (await (await f.call('/v1/audit/sites/clikodoc/export', f.tokens.auditor)).text()).split('\n');
    const report = await verifyExport(lines, { keys: f.jwks });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, redactions: 1, redacted: { byReason: { erasure: 2 } } });
  });

  it('erases the visitor’s receipts: hashes kept, export still verifies, the auditor sees when and why', async () => {
    const path = `/v1/subjects/${subject}`;
    const res = await send('DELETE', path, await proofFor('DELETE', path));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { erased: Array<{ site: string; redacted: number }>; at: string };
    expect(body.erased).toEqual([{ site: 'clikodoc', redacted: 2 }]);
    const history = (await (
      await f.call(`/v1/audit/sites/clikodoc/subjects/${subject}`, f.tokens.auditor)
    ).json()) as SubjectHistory;
    expect(history.receipts.map((r) => [r.jws, r.redacted])).toEqual([
      [null, { at: body.at, reason: 'erasure' }],
      [null, { at: body.at, reason: 'erasure' }],
    ]);
    // The signed redaction entry (with the visitor's DPoP request) joins the tree at the next integration.
    await f.sequence();
    const lines = (await (await f.call('/v1/audit/sites/clikodoc/export', f.tokens.auditor)).text()).split('\n');
    const report = await verifyExport(lines, { keys: f.jwks });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      summary: { redacted: 2, receipts: 1 },
      redactions: 1,
      redacted: { byReason: { erasure: 2 } },
    });
    const entry = JSON.parse(lines.find((l) => l.includes('"kind":"redaction"'))!);
    const statement = JSON.parse(new TextDecoder().decode(base64urlDecode(entry.jws.split('.')[1])));
    expect(statement).toMatchObject({ reason: 'erasure', at: body.at, request: { subject } });
    // The attack of issue 14: a live receipt passed off as erased, with its real leaf hash.
    const live = lines.findIndex((l) => l.includes('"kind":"receipt","jws"'));
    const forged = [...lines];
    const { index, jws } = JSON.parse(lines[live]);
    forged[live] = JSON.stringify({
      index,
      kind: 'receipt',
      leafHash: base64urlEncode(leafHash(jws)),
      redacted: { at: body.at, reason: 'erasure' },
    });
    expect((await verifyExport(forged, { keys: f.jwks })).failures).toEqual([
      expect.objectContaining({ index, code: 'unproven-redaction' }),
    ]);
  });
});

describe('a visitor’s own routes behind a proxy that changes the URL (publicUrl)', () => {
  let f: AuditFixture | null = null;
  afterEach(async () => {
    await f?.dispose();
    f = null;
  });

  /** A fixture whose visitor has one receipt, and a request as the app sees it behind the proxy. */
  async function behind(publicUrl: string) {
    f = await auditFixture({ publicUrl });
    const visitor = await f.device();
    const receipt = await visitor.receipt();
    await f.submit([receipt]);
    const subject = receipt.payload.subject;
    const fixture = f;
    const send = async (method: string, path: string, htu: string) =>
      fixture.collector.app.request(`http://internal:8080${path}?lang=fr`, {
        method,
        headers: { DPoP: await createDpopProof({ htm: method, htu, device: visitor.keys }) },
      });
    return { subject, send };
  }
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('checks htu against the public URL, not the internal one the app sees', async () => {
    const { subject, send } = await behind('https://consent.example.org/');
    const path = `/v1/subjects/${subject}/receipts`;
    const ok = await send('GET', path, `https://consent.example.org${path}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { subject: string }).subject).toBe(subject);
    const internal = await send('GET', path, `http://internal:8080${path}`);
    expect([internal.status, await code(internal)]).toEqual([401, 'bad-proof']);
    const otherHost = await send('GET', path, `https://collector.example.net${path}`);
    expect([otherHost.status, await code(otherHost)]).toEqual([401, 'bad-proof']);
  });

  it('takes a path prefix the proxy strips, for erasure too', async () => {
    const { subject, send } = await behind('https://www.example.org/consent');
    const path = `/v1/subjects/${subject}`;
    const withoutPrefix = await send('DELETE', path, `https://www.example.org${path}`);
    expect([withoutPrefix.status, await code(withoutPrefix)]).toEqual([401, 'bad-proof']);
    const erased = await send('DELETE', path, `https://www.example.org/consent${path}`);
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { erased: unknown }).erased).toEqual([{ site: 'clikodoc', redacted: 1 }]);
  });

  it('takes several public URLs, and a proof bound to any of them only', async () => {
    f = await auditFixture({ publicUrl: ['https://consent.example.org', 'http://127.0.0.1:8080'] });
    const visitor = await f.device();
    const receipt = await visitor.receipt();
    await f.submit([receipt]);
    const path = `/v1/subjects/${receipt.payload.subject}/receipts`;
    const fixture = f;
    const send = async (htu: string) =>
      fixture.collector.app.request(`http://internal:8080${path}`, {
        headers: { DPoP: await createDpopProof({ htm: 'GET', htu, device: visitor.keys }) },
      });
    expect((await send(`https://consent.example.org${path}`)).status).toBe(200);
    expect((await send(`http://127.0.0.1:8080${path}?x=1`)).status).toBe(200);
    const other = await send(`https://consent.other.example${path}`);
    expect([other.status, await code(other)]).toEqual([401, 'bad-proof']);
    const internal = await send(`http://internal:8080${path}`);
    expect([internal.status, await code(internal)]).toEqual([401, 'bad-proof']);
  });

  it('names the public URL as the server of /openapi.json', async () => {
    f = await auditFixture({ publicUrl: 'https://consent.example.org' });
    const doc = (await (await f.collector.app.request('/openapi.json')).json()) as { servers: Array<{ url: string }> };
    expect(doc.servers).toEqual([{ url: 'https://consent.example.org' }]);
  });

  it('refuses an unusable publicUrl when the collector is built, saying why', async () => {
    const { store, dispose } = tempStore();
    try {
      const key = await testCollectorKey();
      expect(() => createCollector({ store, key, publicUrl: 'consent.example.org' })).toThrow(
        'createCollector: publicUrl "consent.example.org" is not an absolute URL',
      );
      expect(() => createCollector({ store, key, publicUrl: 'https://consent.example.org/?a=1' })).toThrow(
        'has a query or a fragment',
      );
    } finally {
      await dispose();
    }
  });
});

describe('a visitor’s own routes under a flood', () => {
  let f: AuditFixture | null = null;
  afterEach(async () => {
    await f?.dispose();
    f = null;
  });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('never locks other visitors out when one client has filled the replay cache', async () => {
    let now = Date.now();
    f = await auditFixture({
      clock: () => now,
      limits: { dpopCacheBytes: 20 * PROOF_BYTES, subjectRequestsPerMinute: 0 },
    });
    const fixture = f;
    const proofOf = async (device: Device) =>
      createDpopProof({
        htm: 'GET',
        htu: `http://localhost/v1/subjects/${await subjectOf(device)}/receipts`,
        device: device.keys,
        iat: Math.floor(now / 1000),
      });
    const read = async (device: Device, ip: string, proof?: string) =>
      fixture.collector.app.request(`http://localhost/v1/subjects/${await subjectOf(device)}/receipts`, {
        headers: { DPoP: proof ?? (await proofOf(device)), 'X-Test-Ip': ip },
      });
    // One client, four proofs a second: half again as many as the cache holds within the window.
    const flooder = await f.device();
    const proofs: string[] = [];
    for (let i = 0; i < 30; i++, now += 250) {
      proofs.push(await proofOf(flooder));
      expect((await read(flooder, '198.51.100.1', proofs[i])).status).toBe(200);
    }
    for (let i = 0; i < 5; i++) expect((await read(await f.device(), '198.51.100.2')).status).toBe(200);
    const replayed = await read(flooder, '198.51.100.1', proofs[29]);
    expect([replayed.status, await code(replayed)]).toEqual([401, 'bad-proof']);
  });

  it('rate-limits the visitor routes per address before any proof is checked', async () => {
    f = await auditFixture({ limits: { subjectRequestsPerMinute: 3 } });
    const fixture = f;
    const device = await f.device();
    const path = `/v1/subjects/${await subjectOf(device)}/receipts`;
    const get = (ip: string) =>
      fixture.collector.app.request(`http://localhost${path}`, { headers: { DPoP: 'a.b.c', 'X-Test-Ip': ip } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('198.51.100.9')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await get('198.51.100.9');
    expect([limited.status, await code(limited), limited.headers.get('retry-after')]).toEqual([
      429,
      'rate-limited',
      '20',
    ]);
    expect((await get('198.51.100.10')).status).toBe(401);
    const erase = await fixture.collector.app.request(`http://localhost/v1/subjects/${await subjectOf(device)}`, {
      method: 'DELETE',
      headers: { DPoP: 'a.b.c', 'X-Test-Ip': '198.51.100.9' },
    });
    expect(erase.status).toBe(429);
  });
});

/** The subject id (JWK thumbprint) of a device. */
async function subjectOf(device: Device): Promise<string> {
  return jwkThumbprint(await exportPublicJwk(device.keys.publicKey));
}
