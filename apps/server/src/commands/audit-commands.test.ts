// tokens, export, verify and purge against a running server's data folder, and the export route
// over real HTTP (streamed, not buffered).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import { signProofDocument, witnessVerifierKey } from '@consent-ledger/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';
import { Progress } from '../progress';
import type { RunningServer } from '../server';
import { startLoopbackServer } from '../testing/loopback-server';

describe('consent-ledger tokens, export, verify, purge', () => {
  let dir: string;
  let server: RunningServer;
  let out: string[];
  let err: string[];
  let stderr: string[];
  const config = fixtureConfig('clikodoc');
  const all = (state: 'granted' | 'denied') => Object.fromEntries(Object.keys(config.purposes).map((p) => [p, state]));
  const data = () => join(dir, 'data');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cmd-'));
    server = await startLoopbackServer(dir, { integratorIntervalMs: 50 });
    for (let i = 0; i < 3; i++) {
      const device = await Device.create(config);
      const receipts = [
        await device.receipt({
          method: 'accept-all',
          choices: Object.fromEntries(Object.keys(config.purposes).map((p) => [p, 'granted'])),
        }),
        await device.receipt({ method: 'withdraw' }),
      ];
      const res = await fetch(`${server.url}/v1/receipts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: config.origins[0] },
        body: JSON.stringify({ receipts: receipts.map((r) => r.jws) }),
      });
      expect(res.status).toBe(201);
    }
    await server.collector.context.integrator.runOnce();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    out = [];
    err = [];
    stderr = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates a token printed alone on stdout, lists it and revokes it', async () => {
    expect(await main(['tokens', 'create', '--role', 'auditor', '--site', 'clikodoc', '--data', data()])).toBe(0);
    expect(out).toHaveLength(1);
    const token = out[0];
    expect(token).toMatch(/^clt_/);
    const id = /token (\S+) /.exec(err[0])![1];
    const stats = await fetch(`${server.url}/v1/audit/sites/clikodoc/stats`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(stats.status).toBe(200);
    out = [];
    expect(await main(['tokens', 'list', '--data', data()])).toBe(0);
    expect(out.join('\n')).toContain(`${id}\tauditor\tclikodoc`);
    expect(out.join('\n')).not.toContain(token);
    expect(await main(['tokens', 'revoke', id, '--data', data()])).toBe(0);
    expect(await main(['tokens', 'revoke', id, '--data', data()])).toBe(1);
    expect(
      (await fetch(`${server.url}/v1/audit/sites/clikodoc/stats`, { headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(401);
    expect(await main(['tokens', 'create', '--role', 'owner', '--site', 'clikodoc', '--data', data()])).toBe(2);
    expect(await main(['tokens', 'create', '--role', 'admin', '--data', data()])).toBe(2);
  });

  it('creates tokens that expire (--expires 90d, 12h, 30m or a date) and lists their expiry', async () => {
    const before = Date.now();
    expect(
      await main(['tokens', 'create', '--role', 'auditor', '--site', 'clikodoc', '--expires', '12h', '--data', data()]),
    ).toBe(0);
    const expires = /expires (\S+)\)/.exec(err[0])![1];
    expect(Date.parse(expires) - before).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(Date.parse(expires) - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    expect(
      (await fetch(`${server.url}/v1/audit/sites/clikodoc/stats`, { headers: { Authorization: `Bearer ${out[0]}` } }))
        .status,
    ).toBe(200);
    out = [];
    expect(await main(['tokens', 'list', '--data', data()])).toBe(0);
    expect(out.join('\n')).toContain(`\texpires ${expires}`);
    for (const bad of ['2026-01-01', 'soon', '0d', '12y'])
      expect(
        await main(['tokens', 'create', '--role', 'auditor', '--site', 'clikodoc', '--expires', bad, '--data', data()]),
        bad,
      ).toBe(2);
  });

  it('exports while serve runs, with plain progress lines, and verify passes, then fails on a tampered line', async () => {
    const file = join(dir, 'export.ndjson');
    expect(await main(['export', '--site', 'clikodoc', '--out', file, '--data', data()])).toBe(0);
    expect(stderr.join('')).toMatch(/\d+\/\d+ entries \(100%\)\n/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(JSON.parse(lines[0]).treeSize);

    expect(await main(['verify', file])).toBe(0);
    expect(out.join('\n')).toContain('OK: the export verifies');
    expect(out.join('\n')).toContain('self-consistency only');
    expect(out.join('\n')).toMatch(
      /6 receipts, 2 notices, 0 redacted \(0 signed redaction entries\); 3 subjects, 3 withdrawals/,
    );

    // `keys export` writes what GET /v1/keys serves, from the data folder alone.
    const keys = join(dir, 'keys.json');
    expect(await main(['keys', 'export', '--out', keys, '--data', data()])).toBe(0);
    expect(JSON.parse(readFileSync(keys, 'utf8'))).toEqual(await (await fetch(`${server.url}/v1/keys`)).json());
    expect(await main(['keys', 'export', '--data', join(dir, 'empty')])).toBe(1);
    expect(err.join('\n')).toContain('no collector key in');
    expect(await main(['keys', 'export', 'extra', '--data', data()])).toBe(2);
    out = [];
    expect(await main(['verify', file, '--keys', keys])).toBe(0);
    expect(out.join('\n')).toContain(`keys: checked against ${keys}`);

    const n = lines.findIndex((l) => l.includes('"kind":"receipt"'));
    const entry = JSON.parse(lines[n]);
    const tampered = [...lines];
    tampered[n] = JSON.stringify({ ...entry, ack: JSON.parse(lines[n + 1]).ack });
    const bad = join(dir, 'tampered.ndjson');
    writeFileSync(bad, `${tampered.join('\n')}\n`);
    expect(await main(['verify', bad, '--keys', keys])).toBe(1);
    expect(err.join('\n')).toContain(`FAIL index ${entry.index}: bad-ack`);

    // A checkpoint no witness cosigned fails `--witness`; bad witness flags are usage errors.
    const witness = witnessVerifierKey('witness.example/w1', new Uint8Array(32).fill(9));
    err = [];
    expect(await main(['verify', file, '--keys', keys, '--witness', witness])).toBe(1);
    expect(err.join('\n')).toContain('witnesses: cosigned by nobody (1 required)');
    expect(err.join('\n')).toContain(
      'FAIL export: no-quorum: checkpoint: cosigned by 0 of the 1 witnesses required (missing: witness.example/w1)',
    );
    expect(await main(['verify', file, '--witness', 'not+a+key'])).toBe(2);
    expect(await main(['verify', file, '--witness', witness, '--witness-quorum', '2'])).toBe(2);
    expect(await main(['verify', file, '--witness-quorum', '1'])).toBe(2);

    expect(await main(['verify'])).toBe(2);
    expect(await main(['verify', join(dir, 'missing.ndjson')])).toBe(1);
    expect(await main(['export', '--data', data()])).toBe(2);
    expect(await main(['export', '--site', 'nowhere', '--data', data()])).toBe(1);
  });

  it('exports a date range whose signed statement verify checks: a removed line or a widened range fails', async () => {
    const file = join(dir, 'range.ndjson');
    expect(await main(['export', '--site', 'clikodoc', '--from', '2000-01-01', '--out', file, '--data', data()])).toBe(
      0,
    );
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ v: 2, range: { from: '2000-01-01T00:00:00.000Z', to: null } });
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, await (await fetch(`${server.url}/v1/keys`)).text());
    expect(await main(['verify', file, '--keys', keys])).toBe(0);
    expect(out.join('\n')).toMatch(
      /complete: the collector signed \d+ lines for receipts received from 2000-01-01T00:00:00.000Z/,
    );
    const last = lines.findLastIndex((l) => l.includes('"kind":"receipt"'));
    const cut = join(dir, 'cut.ndjson');
    writeFileSync(cut, `${lines.filter((_, i) => i !== last).join('\n')}\n`);
    expect(await main(['verify', cut, '--keys', keys])).toBe(1);
    expect(err.join('\n')).toMatch(/FAIL export: bad-statement: .*line count/);
    const widened = join(dir, 'widened.ndjson');
    const header = { ...JSON.parse(lines[0]), range: { from: '1999-01-01T00:00:00.000Z', to: null } };
    writeFileSync(widened, `${[JSON.stringify(header), ...lines.slice(1)].join('\n')}\n`);
    expect(await main(['verify', widened, '--keys', keys])).toBe(1);
    expect(err.join('\n')).toMatch(/bad-statement: the signed statement gives another range/);
  });

  it("verifies a visitor's proof file as the SDK saves it (exit 0), and refuses it with one byte changed (exit 1)", async () => {
    const device = await Device.create(config);
    const receipts = [await device.receipt({ method: 'accept-all', choices: all('granted') }), await device.receipt()];
    const res = await fetch(`${server.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: config.origins[0] },
      body: JSON.stringify({ receipts: receipts.map((r) => r.jws) }),
    });
    const { acks } = (await res.json()) as { acks: string[] };
    await server.collector.context.integrator.runOnce();
    const jwks = await (await fetch(`${server.url}/v1/keys`)).json();
    const items = await Promise.all(
      receipts.map(async (r, i) => ({
        jws: r.jws,
        ack: acks[i],
        proof: await (await fetch(`${server.url}/v1/sites/clikodoc/log/proof/${r.payload.id}`)).json(),
      })),
    );
    const unsigned = {
      site: 'clikodoc',
      subject: receipts[0].payload.subject,
      collector: server.url,
      exportedAt: '2026-12-05T10:00:00.000Z',
      keys: jwks,
      receipts: items,
    };
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(jwks));
    const file = join(dir, 'consent-proof.json');
    const text = `${JSON.stringify(await signProofDocument(unsigned, device.keys), null, 2)}\n`;
    writeFileSync(file, text);
    expect(await main(['verify', file, '--keys', keys])).toBe(0);
    expect(out.join('\n')).toContain('receipts 2: 2 acknowledged, 2 proven in the log');
    expect(out.join('\n')).toContain('OK: every signature, ack and inclusion proof holds');
    out = [];
    expect(await main(['verify', file])).toBe(0);
    expect(out.join('\n')).toContain('self-consistency only');
    // A file saved before format 2: every receipt, ack and proof still checks.
    const v1 = join(dir, 'consent-proof-v1.json');
    writeFileSync(v1, JSON.stringify({ v: 1, ...unsigned }, null, 2));
    expect(await main(['verify', v1, '--keys', keys])).toBe(0);
    expect(out.join('\n')).toContain('file: format 1, not signed as a whole');
    const at = text.indexOf('2026-12-05T10');
    writeFileSync(file, `${text.slice(0, at)}2027${text.slice(at + 4)}`);
    expect(await main(['verify', file, '--keys', keys])).toBe(1);
    expect(err.join('\n')).toContain('FAIL file: the signature does not verify');
  });

  it('purges nothing within retention, and reports per site', async () => {
    expect(await main(['purge', '--data', data()])).toBe(0);
    expect(out).toContain('clikodoc: 0 receipt(s) redacted');
  });

  it('attests a redaction made before redaction entries existed, so the export verifies again', async () => {
    // The old way: a receipt's payload removed, no signed redaction entry.
    const [first] = (await server.store.readEntries('clikodoc', 0, 100)).filter((e) => e.kind === 'receipt');
    await server.store.redactEntries('clikodoc', [first.id], { at: '2026-11-01T00:00:00.000Z', reason: 'erasure' });
    await server.collector.context.integrator.runOnce();
    const file = join(dir, 'legacy.ndjson');
    const keys = join(dir, 'legacy-keys.json');
    expect(await main(['keys', 'export', '--out', keys, '--data', data()])).toBe(0);
    expect(await main(['export', '--site', 'clikodoc', '--out', file, '--data', data()])).toBe(0);
    expect(await main(['verify', file, '--keys', keys])).toBe(1);
    expect(err.join('\n')).toContain(`FAIL index ${first.index}: unproven-redaction`);

    expect(await main(['purge', '--data', data()])).toBe(0);
    expect(out).toContain('clikodoc: 1 legacy redaction(s) attested');
    await server.collector.context.integrator.runOnce();
    out = [];
    expect(await main(['export', '--site', 'clikodoc', '--out', file, '--data', data()])).toBe(0);
    expect(await main(['verify', file, '--keys', keys])).toBe(0);
    expect(out.join('\n')).toContain('1 redacted (1 signed redaction entries)');
    expect(out.join('\n')).toContain('legacy: 1 redacted before redaction entries existed');
    out = [];
    expect(await main(['purge', '--data', data()])).toBe(0);
    expect(out.join('\n')).not.toContain('legacy');
  });

  it('streams the export route over HTTP in chunks, without Content-Length', async () => {
    expect(await main(['tokens', 'create', '--role', 'auditor', '--site', 'clikodoc', '--data', data()])).toBe(0);
    const res = await fetch(`${server.url}/v1/audit/sites/clikodoc/export`, {
      headers: { Authorization: `Bearer ${out[0]}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const text = await res.text();
    expect(text.trim().split('\n').length).toBe(JSON.parse(text.slice(0, text.indexOf('\n'))).treeSize + 1);
  });
});

describe('Progress', () => {
  it('redraws a bar on a terminal and writes a line per tenth elsewhere', () => {
    const tty: string[] = [];
    const bar = new Progress(10, 'entries', { isTTY: true, columns: 60, write: (t) => tty.push(t) });
    bar.update(10);
    bar.finish();
    expect(tty.join('')).toBe(`\r[${'#'.repeat(20)}] 100% 10/10 entries\n`);
    const plain: string[] = [];
    const lines = new Progress(100, 'entries', { write: (t) => plain.push(t) });
    for (let i = 0; i <= 100; i += 5) lines.update(i);
    expect(plain).toHaveLength(11);
    expect(plain[10]).toBe('100/100 entries (100%)\n');
  });
});
