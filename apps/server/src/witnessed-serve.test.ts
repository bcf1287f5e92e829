// `serve --witness` against real `consent-ledger witness` processes on loopback: every checkpoint is
// submitted with its consistency proof, the cosignatures are stored and served with the checkpoint,
// a witness that is down delays only its own cosignatures, and one that is ahead of what the
// collector stored (409 with its size) is caught up.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import {
  formatVerifierKey,
  type NoteKey,
  parseWitnessKey,
  verifyCosignatures,
  type WitnessStatusAnswer,
} from '@consent-ledger/protocol';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerBackend } from './backend';
import { FIXTURE_SITES } from './checkout';
import { dataPaths } from './data';
import { assertBuilt, CLI, type CliProcess, ROOT, startCli, stopCli } from './testing/cli-process';

const SITE = 'clikodoc';
const NAME = 'ledger.test';
const config = fixtureConfig(SITE);

let temp: string;
let sites: string;
let runs = 0;
const running: CliProcess[] = [];

beforeAll(() => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'witnessed-serve-'));
  sites = join(temp, 'sites');
  mkdirSync(sites);
  copyFileSync(join(FIXTURE_SITES, `${SITE}.json`), join(sites, `${SITE}.json`));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => stopCli(p)));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs a short `consent-ledger` command; resolves with its exit code and output. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A witness's data folder and key, made with `witness key` as an operator would. */
async function witnessData(label: string): Promise<{ data: string; vkey: string; key: NoteKey }> {
  const data = join(temp, `${label}-${++runs}`);
  const made = await cli(['witness', 'key', '--data', data, '--name', `${label}.test/witness`]);
  expect(made.code, made.stderr).toBe(0);
  const vkey = made.stdout.trim();
  const key = parseWitnessKey(vkey);
  if (!key.ok) throw new Error(key.error.message);
  return { data, vkey, key: key.value };
}

/** Starts a witness of the collector key `logVkey` (on `port`, 0 for any). */
async function startWitness(data: string, logVkey: string, port = 0): Promise<CliProcess> {
  const p = await startCli([
    'witness',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--data',
    data,
    '--log',
    logVkey,
  ]);
  running.push(p);
  return p;
}

/** A collector data folder with its key made beforehand, so witnesses can be told its verifier key. */
async function collectorData(): Promise<{ data: string; vkey: string }> {
  const data = join(temp, `collector-${++runs}`);
  const key = await ledgerBackend(data, {}).signingKey(NAME);
  return { data, vkey: formatVerifierKey(NAME, key.publicKey) };
}

async function startServe(data: string, witnesses: string[], extra: string[] = []): Promise<CliProcess> {
  const args = ['serve', '--port', '0', '--data', data, '--name', NAME, '--sites', sites, '--rate-limit', '0'];
  for (const w of witnesses) args.push('--witness', w);
  const p = await startCli([...args, ...extra]);
  running.push(p);
  return p;
}

/** Posts one receipt of each device; every one must be accepted. */
async function ingest(serve: CliProcess, devices: Device[]): Promise<void> {
  for (const device of devices) {
    const receipt = await device.receipt({ method: 'accept-all' });
    const res = await fetch(`${serve.url}/v1/receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: config.origins[0] },
      body: JSON.stringify({ receipts: [receipt.jws] }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}

async function servedNote(serve: CliProcess): Promise<string> {
  const res = await fetch(`${serve.url}/v1/sites/${SITE}/log/checkpoint`);
  expect(res.status).toBe(200);
  return res.text();
}

/** Waits until the served checkpoint has at least `size` entries and is cosigned by every one of `witnesses`. */
async function cosignedBy(serve: CliProcess, witnesses: NoteKey[], size: number): Promise<string> {
  let note = '';
  await vi.waitFor(
    async () => {
      note = await servedNote(serve);
      expect(Number(note.split('\n')[1])).toBeGreaterThanOrEqual(size);
      const report = await verifyCosignatures(note, witnesses);
      expect(report.ok && report.value.cosignatures.map((c) => c.witness)).toEqual(witnesses.map((w) => w.name));
    },
    { timeout: 20_000, interval: 100 },
  );
  return note;
}

/** The size the served checkpoint is at. */
const sizeOf = (note: string) => Number(note.split('\n')[1]);

/** `GET /v1/sites/:site/log/witnesses`. */
async function witnessStatus(serve: CliProcess): Promise<WitnessStatusAnswer> {
  const res = await fetch(`${serve.url}/v1/sites/${SITE}/log/witnesses`);
  expect(res.status).toBe(200);
  return (await res.json()) as WitnessStatusAnswer;
}

/** One sample of `/metrics` (`serve --metrics-listen`), by its name and labels as written. */
async function metric(serve: CliProcess, sample: string): Promise<number> {
  const url = /metrics at (http:\/\/[^\s,)]+)/.exec(serve.output())?.[1];
  if (!url) throw new Error('serve printed no metrics URL');
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`no ${sample} in /metrics:\n${text}`);
  return Number(line.slice(sample.length + 1));
}

/** The ledger files of a SQLite data folder (the database, its WAL and shared memory when present). */
function ledgerFiles(data: string): string[] {
  const ledger = dataPaths(data).ledger;
  return [ledger, `${ledger}-wal`, `${ledger}-shm`];
}

describe('serve --witness', () => {
  it('has every checkpoint cosigned by two witnesses, serves and exports it with both cosignatures, and verify --witness passes', async () => {
    const collector = await collectorData();
    const [w1, w2] = await Promise.all([witnessData('w1'), witnessData('w2')]);
    const [p1, p2] = await Promise.all([startWitness(w1.data, collector.vkey), startWitness(w2.data, collector.vkey)]);
    const serve = await startServe(
      collector.data,
      [`${w1.vkey}=${p1.url}`, `${w2.vkey}=${p2.url}`],
      ['--witness-quorum', '2'],
    );
    expect(serve.output()).toContain('cosigned by 2 of w1.test/witness, w2.test/witness');
    const devices = await Promise.all([1, 2, 3].map(() => Device.create(config)));
    await ingest(serve, devices);
    const first = await cosignedBy(serve, [w1.key, w2.key], 3);
    // Growth: the witnesses take the next checkpoint with a consistency proof from the one they cosigned.
    await ingest(serve, devices);
    // Two notices and six receipts: the last checkpoint, so nothing moves once it is cosigned.
    const second = await cosignedBy(serve, [w1.key, w2.key], 8);
    expect(sizeOf(second)).toBe(8);
    expect(sizeOf(first)).toBeLessThan(8);
    for (const p of [p1, p2]) {
      const state = (await (await fetch(`${p.url}/`)).json()) as { logs: Array<{ origin: string; size: number }> };
      expect(state.logs).toEqual([expect.objectContaining({ origin: `${NAME}/sites/${SITE}`, size: sizeOf(second) })]);
    }

    const out = join(temp, `export-${runs}.ndjson`);
    const exported = await cli(['export', '--site', SITE, '--data', collector.data, '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const verified = await cli(['verify', out, '--witness', w1.vkey, '--witness', w2.vkey]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(
      /witnesses: cosigned by w1\.test\/witness at .*, w2\.test\/witness at .* \(2 required\)/,
    );
    // A witness the export was never shown to is not a cosigner: verify says so and fails.
    const stranger = await witnessData('w3');
    const refused = await cli(['verify', out, '--witness', stranger.vkey]);
    expect(refused.code).toBe(1);
  }, 90_000);

  it('goes on ingesting while a witness is down, and has it catch up once it is back', async () => {
    const collector = await collectorData();
    const [w1, w2] = await Promise.all([witnessData('w1'), witnessData('w2')]);
    const [p1, p2] = await Promise.all([startWitness(w1.data, collector.vkey), startWitness(w2.data, collector.vkey)]);
    const serve = await startServe(
      collector.data,
      [`${w1.vkey}=${p1.url}`, `${w2.vkey}=${p2.url}`],
      ['--metrics-listen', '127.0.0.1:0'],
    );
    const devices = await Promise.all([1, 2].map(() => Device.create(config)));
    await ingest(serve, devices);
    const before = await cosignedBy(serve, [w1.key, w2.key], 2);
    const w2Labels = `{site="${SITE}",witness="${w2.vkey}"}`;
    await vi.waitFor(async () =>
      expect(await metric(serve, `consent_ledger_witness_quorum_reached{site="${SITE}"}`)).toBe(1),
    );

    await stopCli(p2, 'SIGKILL');
    running.splice(running.indexOf(p2), 1);
    for (let round = 0; round < 3; round++) await ingest(serve, devices);
    // The new checkpoint is cosigned by the witness that is up, served without the other's.
    const partial = await cosignedBy(serve, [w1.key], sizeOf(before) + 6);
    const report = await verifyCosignatures(partial, [w1.key, w2.key]);
    expect(report.ok && report.value.cosignatures.map((c) => c.witness)).toEqual(['w1.test/witness']);
    await vi.waitFor(() => expect(serve.output()).toContain('cosigner: w2.test/witness on clikodoc: cannot reach'), {
      timeout: 10_000,
    });
    // How far behind w2 is, for the operator (/metrics) and for anyone checking the log (the witnesses route).
    const status = await witnessStatus(serve);
    expect(status).toMatchObject({ site: SITE, quorum: 2, quorumReached: false });
    expect(status.witnesses).toEqual([
      expect.objectContaining({ vkey: w1.vkey, name: 'w1.test/witness', cosignedSize: status.size, behind: 0 }),
      expect.objectContaining({ vkey: w2.vkey, cosignedSize: sizeOf(before), behind: status.size - sizeOf(before) }),
    ]);
    const lagging = await verifyCosignatures(status.witnesses[1].checkpoint ?? '', [w2.key]);
    expect(lagging.ok && lagging.value.cosignatures.map((c) => c.witness)).toEqual(['w2.test/witness']);
    expect(await metric(serve, `consent_ledger_witness_quorum_reached{site="${SITE}"}`)).toBe(0);
    expect(await metric(serve, `consent_ledger_witness_cosigned_size${w2Labels}`)).toBe(sizeOf(before));
    expect(await metric(serve, `consent_ledger_witness_behind_entries${w2Labels}`)).toBeGreaterThanOrEqual(6);
    expect(await metric(serve, `consent_ledger_witness_seconds_behind${w2Labels}`)).toBeGreaterThan(0);
    expect(
      await metric(serve, `consent_ledger_witness_failures_total{witness="${w2.vkey}",reason="unreachable"}`),
    ).toBeGreaterThanOrEqual(1);

    // Back on the same address with the same state: one request brings it to the latest checkpoint.
    const port = new URL(p2.url).port;
    await startWitness(w2.data, collector.vkey, Number(port));
    const caughtUp = await cosignedBy(serve, [w1.key, w2.key], sizeOf(partial));
    expect(serve.output()).toContain('cosigner: w2.test/witness cosigned clikodoc at size');
    expect(sizeOf(caughtUp)).toBeGreaterThanOrEqual(sizeOf(partial));
    await vi.waitFor(async () =>
      expect(await metric(serve, `consent_ledger_witness_quorum_reached{site="${SITE}"}`)).toBe(1),
    );
    expect(await metric(serve, `consent_ledger_witness_behind_entries${w2Labels}`)).toBe(0);
  }, 90_000);

  it('catches up a witness that cosigned more than the collector stored (409 with its size)', async () => {
    const collector = await collectorData();
    const w1 = await witnessData('w1');
    const p1 = await startWitness(w1.data, collector.vkey);
    let serve = await startServe(collector.data, [`${w1.vkey}=${p1.url}`]);
    const devices = await Promise.all([1, 2].map(() => Device.create(config)));
    await ingest(serve, devices);
    const cosigned = await cosignedBy(serve, [w1.key], 2);
    await stopCli(serve);
    running.splice(running.indexOf(serve), 1);
    // As if the collector had stopped after the witness answered but before it stored the cosignature.
    const db = new Database(dataPaths(collector.data).ledger);
    expect(db.prepare('DELETE FROM cosignatures').run().changes).toBeGreaterThan(0);
    db.close();

    serve = await startServe(collector.data, [`${w1.vkey}=${p1.url}`]);
    const again = await cosignedBy(serve, [w1.key], sizeOf(cosigned));
    expect(sizeOf(again)).toBe(sizeOf(cosigned));
    await ingest(serve, devices);
    await cosignedBy(serve, [w1.key], sizeOf(cosigned) + 2);
    expect(serve.output()).not.toContain('cosigner: w1.test/witness on');
    const evidence = await cli(['witness', 'evidence', '--data', w1.data]);
    expect(JSON.parse(evidence.stdout)).toEqual([]);
  }, 90_000);

  it('refuses a rolled-back log: the witness keeps both checkpoints as evidence, the collector says so, verify --witness fails', async () => {
    const collector = await collectorData();
    const w1 = await witnessData('w1');
    const p1 = await startWitness(w1.data, collector.vkey);
    let serve = await startServe(collector.data, [`${w1.vkey}=${p1.url}`]);
    const devices = await Promise.all([1, 2].map(() => Device.create(config)));
    await ingest(serve, devices);
    // Two notices (fr, en) and two receipts.
    const old = await cosignedBy(serve, [w1.key], 4);
    expect(sizeOf(old)).toBe(4);
    await stopCli(serve);
    running.splice(running.indexOf(serve), 1);
    // The operator keeps a copy of the database as it is now...
    const backup = join(temp, `backup-${runs}`);
    mkdirSync(backup);
    for (const file of ledgerFiles(collector.data))
      if (existsSync(file)) copyFileSync(file, join(backup, basename(file)));

    // ...visitors go on (withdrawals, say), and the witness cosigns the grown log...
    serve = await startServe(collector.data, [`${w1.vkey}=${p1.url}`]);
    for (let round = 0; round < 3; round++) await ingest(serve, devices);
    const witnessed = await cosignedBy(serve, [w1.key], 10);
    await stopCli(serve);
    running.splice(running.indexOf(serve), 1);

    // ...then the operator restores the old copy, which has none of those receipts, and serves again.
    for (const file of ledgerFiles(collector.data)) {
      rmSync(file, { force: true });
      const saved = join(backup, basename(file));
      if (existsSync(saved)) copyFileSync(saved, file);
    }
    serve = await startServe(collector.data, [`${w1.vkey}=${p1.url}`]);
    await ingest(serve, [await Device.create(config)]);
    const body = (note: string) => note.split('\n\n')[0];
    let rewritten = '';
    let evidence: Array<{ kind: string; cosigned: string; submitted: string }> = [];
    await vi.waitFor(
      async () => {
        rewritten = await servedNote(serve);
        expect(sizeOf(rewritten)).toBe(5);
        evidence = ((await (await fetch(`${p1.url}/evidence`)).json()) as { evidence: typeof evidence }).evidence;
        expect(evidence.map((e) => body(e.submitted))).toContain(body(rewritten));
      },
      { timeout: 30_000, interval: 200 },
    );
    // The witness's evidence names both: the checkpoint it cosigned, and the smaller one signed after it.
    for (const e of evidence) expect([e.kind, body(e.cosigned)]).toEqual(['rollback', body(witnessed)]);
    // The collector learns it from the witness's answer (409 with the larger size it cosigned).
    await vi.waitFor(() => expect(serve.output()).toMatch(/cosigner: w1\.test\/witness on clikodoc: .*rolled back/), {
      timeout: 20_000,
    });
    const report = await verifyCosignatures(rewritten, [w1.key]);
    expect(report.ok && report.value.cosignatures).toEqual([]);
    expect(await witnessStatus(serve)).toMatchObject({ size: 5, quorumReached: false });

    const out = join(temp, `export-${runs}.ndjson`);
    const exported = await cli(['export', '--site', SITE, '--data', collector.data, '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const verified = await cli(['verify', out, '--witness', w1.vkey]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(1);
    // `witness evidence` prints the same records for the witness's operator.
    const printed = await cli(['witness', 'evidence', '--data', w1.data]);
    expect((JSON.parse(printed.stdout) as typeof evidence).map((e) => e.submitted)).toEqual(
      evidence.map((e) => e.submitted),
    );
  }, 120_000);
});
