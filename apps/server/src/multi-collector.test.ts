// Several `consent-ledger serve` processes (the built dist/cli.js) on one PostgreSQL database, as
// behind a load balancer: receipts posted to both, one log per site, one integrator at a time.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '@consent-ledger/collector/postgres';
import { Device, fixtureConfig, type PgCluster, startPgCluster } from '@consent-ledger/collector/testing';
import {
  base64urlDecode,
  type Checkpoint,
  type ConsistencyProofBundle,
  type Jwks,
  parseCheckpoint,
  verifyCheckpoint,
  verifyConsistency,
  verifyExport,
} from '@consent-ledger/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI, FIXTURE_SITES, REPO as ROOT } from './checkout';

const SITE = 'clikodoc';
const config = fixtureConfig(SITE);
const origin = config.origins[0];

/** A running `serve` process. */
interface Serve {
  url: string;
  proc: ChildProcess;
  output(): string;
}

let cluster: PgCluster;
let temp: string;
let databases = 0;
const running: Serve[] = [];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm --filter @consent-ledger/server build)`);
  // fsync off: nothing here crashes the database server itself, only collectors.
  cluster = await startPgCluster({ fsync: false });
  temp = mkdtempSync(join(tmpdir(), 'multi-collector-'));
}, 60_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => stop(s)));
});

afterAll(async () => {
  await cluster?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Runs a `consent-ledger` command against the database; resolves with its stdout. */
function cli(url: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`consent-ledger ${args.join(' ')}: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** Starts `serve` on a free port with its own --data folder; resolves once it prints its address. */
async function serve(url: string, label: string): Promise<Serve> {
  const data = join(temp, `${label}-${Date.now()}`);
  const proc = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', data, '--rate-limit', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  proc.stdout!.on('data', (chunk) => (log += chunk));
  proc.stderr!.on('data', (chunk) => (log += chunk));
  const address = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /serving (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]);
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code, signal) =>
      reject(new Error(`serve exited (${signal ?? code}) before it was ready:\n${log}`)),
    );
  });
  const s = { url: address, proc, output: () => log };
  running.push(s);
  return s;
}

async function stop(s: Serve): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise((resolve) => s.proc.once('exit', resolve));
  s.proc.kill('SIGTERM');
  await exited;
}

/** A fresh database with the fixture site published through the CLI, and two collectors on it. */
async function twoCollectors(): Promise<{ url: string; a: Serve; b: Serve }> {
  const url = await cluster.createDatabase(`multi_${++databases}`);
  await cli(url, ['sites', 'put', join(FIXTURE_SITES, `${SITE}.json`), '--data', join(temp, `cli-${databases}`)]);
  const [a, b] = await Promise.all([serve(url, 'a'), serve(url, 'b')]);
  return { url, a, b };
}

function post(s: Serve, jws: string[]): Promise<Response> {
  return fetch(`${s.url}/v1/receipts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ receipts: jws }),
  });
}

async function checkpoint(s: Serve): Promise<Checkpoint | null> {
  const res = await fetch(`${s.url}/v1/sites/${SITE}/log/checkpoint`);
  if (res.status !== 200) return null;
  const parsed = parseCheckpoint(await res.text());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function noteKeys(s: Serve) {
  const jwks = (await (await fetch(`${s.url}/v1/keys`)).json()) as Jwks;
  return { jwks, keys: jwks.keys.map((k) => ({ name: k.name!, publicKey: base64urlDecode(k.x) })) };
}

/** Waits until `s` serves a checkpoint of at least `size` entries. */
async function checkpointOf(s: Serve, size: number): Promise<Checkpoint> {
  let found: Checkpoint | null = null;
  await vi.waitFor(
    async () => {
      found = await checkpoint(s);
      expect(found?.size ?? 0).toBeGreaterThanOrEqual(size);
    },
    { timeout: 20_000, interval: 100 },
  );
  return found!;
}

/** The OS pid of the process holding the integrator lock (its session is named after it). */
async function integratorPid(url: string): Promise<number | null> {
  const store = await openPostgresStore(url, { maxConnections: 1 });
  try {
    const { rows } = await store.query<{ application_name: string }>(
      "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'consent-ledger integrator%'",
    );
    if (rows.length > 1) throw new Error(`${rows.length} integrators at once`);
    return rows[0] ? Number(/pid=(\d+)/.exec(rows[0].application_name)![1]) : null;
  } finally {
    await store.close();
  }
}

describe('several collectors on one PostgreSQL', () => {
  it('accept receipts alternately, chains split across both: every receipt once, chains intact, identical exports that verify', async () => {
    const { url, a, b } = await twoCollectors();
    const collectors = [a, b];
    const devices = await Promise.all(Array.from({ length: 6 }, () => Device.create(config)));
    const indexes: number[] = [];
    // Each device's chain goes to both collectors in turn; the devices run side by side.
    await Promise.all(
      devices.map(async (device, d) => {
        for (let k = 0; k < 5; k++) {
          const receipt = await device.receipt({
            method: k % 2 === 0 ? 'accept-all' : 'withdraw',
            choices: Object.fromEntries(
              Object.keys(config.purposes).map((p) => [p, k % 2 === 0 ? 'granted' : 'denied']),
            ),
          });
          const res = await post(collectors[(d + k) % 2], [receipt.jws]);
          expect(res.status, await res.clone().text()).toBe(201);
          const { acks } = (await res.json()) as { acks: string[] };
          indexes.push(JSON.parse(Buffer.from(acks[0].split('.')[1], 'base64url').toString()).index);
        }
      }),
    );
    // Two receipts of one subject with the same prev, at the same moment, one on each collector.
    const racer = await Device.create(config);
    expect((await post(a, [(await racer.receipt()).jws])).status).toBe(201);
    const fork = racer.last;
    const left = await racer.receipt();
    racer.last = fork;
    const right = await racer.receipt();
    const raced = await Promise.all([post(a, [left.jws]), post(b, [right.jws])]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = raced.find((r) => r.status === 409)!;
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('prev-mismatch');

    const receipts = devices.length * 5 + 2;
    expect(new Set(indexes).size).toBe(indexes.length);
    const notices = config.languages.length;
    const final = await checkpointOf(a, notices + receipts);
    expect(final.size).toBe(notices + receipts);
    expect((await checkpoint(b))?.rootHash).toEqual(final.rootHash);

    const token = (
      await cli(url, ['tokens', 'create', '--role', 'auditor', '--site', SITE, '--data', join(temp, 'cli-tokens')])
    ).trim();
    const exported = await Promise.all(
      collectors.map(async (s) => {
        const res = await fetch(`${s.url}/v1/audit/sites/${SITE}/export?format=ndjson`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return res.text();
      }),
    );
    expect(exported[1]).toBe(exported[0]);
    const file = join(temp, `export-${databases}.ndjson`);
    await cli(url, ['export', '--site', SITE, '--out', file, '--data', join(temp, 'cli-export')]);
    expect(readFileSync(file, 'utf8')).toBe(exported[0]);
    const { jwks } = await noteKeys(b);
    expect(await noteKeys(a)).toEqual(await noteKeys(b));
    const report = await verifyExport(exported[0].trimEnd().split('\n'), { keys: jwks });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      trustedKeys: true,
      treeSize: notices + receipts,
      summary: { receipts, notices, subjects: devices.length + 1 },
    });
    const keysFile = join(temp, `keys-${databases}.json`);
    writeFileSync(keysFile, JSON.stringify(jwks));
    await cli(url, ['verify', file, '--keys', keysFile]);
    // The other commands switch to the database too.
    const elsewhere = join(temp, 'cli-other');
    expect(await cli(url, ['sites', 'list', '--data', elsewhere])).toContain(`${SITE}\trevision ${config.revision}`);
    expect(await cli(url, ['tokens', 'list', '--data', elsewhere])).toContain('auditor');
    await cli(url, ['purge', '--data', elsewhere]);
  });

  it('hand the integrator over when its holder is killed: checkpoints continue, consistent with those before', async () => {
    const { url, a, b } = await twoCollectors();
    const device = await Device.create(config);
    const send = async (s: Serve, n: number) => {
      for (let i = 0; i < n; i++) expect((await post(s, [(await device.receipt()).jws])).status).toBe(201);
    };
    await send(a, 3);
    await send(b, 3);
    const notices = config.languages.length;
    const before = await checkpointOf(a, notices + 6);
    const holderPid = await integratorPid(url);
    const holder = [a, b].find((s) => s.proc.pid === holderPid);
    expect(holder, 'one of the two collectors holds the integrator lock').toBeDefined();
    const survivor = holder === a ? b : a;
    const exited = new Promise((resolve) => holder!.proc.once('exit', resolve));
    holder!.proc.kill('SIGKILL');
    await exited;

    await send(survivor, 4);
    const after = await checkpointOf(survivor, before.size + 4);
    await vi.waitFor(async () => expect(await integratorPid(url)).toBe(survivor.proc.pid), {
      timeout: 10_000,
      interval: 100,
    });
    const { keys } = await noteKeys(survivor);
    const served = await (await fetch(`${survivor.url}/v1/sites/${SITE}/log/checkpoint`)).text();
    expect((await verifyCheckpoint(served, keys)).ok).toBe(true);
    expect(after.origin).toBe(before.origin);
    const res = await fetch(`${survivor.url}/v1/sites/${SITE}/log/consistency?from=${before.size}&to=${after.size}`);
    expect(res.status).toBe(200);
    const proof = (await res.json()) as ConsistencyProofBundle;
    expect(
      verifyConsistency(before.size, after.size, proof.hashes.map(base64urlDecode), before.rootHash, after.rootHash),
    ).toBe(true);
  });

  it('rotate the shared key: restarted collectors sign with the new one and still list the old one', async () => {
    const { url, a, b } = await twoCollectors();
    const device = await Device.create(config);
    expect((await post(a, [(await device.receipt()).jws])).status).toBe(201);
    const notices = config.languages.length;
    await checkpointOf(a, notices + 1);
    const oldNote = await (await fetch(`${a.url}/v1/sites/${SITE}/log/checkpoint`)).text();
    const oldKeys = await noteKeys(a);
    const kid = (await cli(url, ['keys', 'rotate'])).trim();
    await Promise.all([stop(a), stop(b)]);
    const [c, d] = await Promise.all([serve(url, 'c'), serve(url, 'd')]);
    expect((await post(d, [(await device.receipt()).jws])).status).toBe(201);
    await checkpointOf(c, notices + 2);
    const listed = await noteKeys(c);
    expect(listed).toEqual(await noteKeys(d));
    expect(listed.jwks.keys.map((k) => k.kid)).toEqual([kid, oldKeys.jwks.keys[0].kid]);
    expect((await verifyCheckpoint(oldNote, listed.keys)).ok).toBe(true);
    const newNote = await (await fetch(`${c.url}/v1/sites/${SITE}/log/checkpoint`)).text();
    expect((await verifyCheckpoint(newNote, listed.keys.slice(0, 1))).ok).toBe(true);
    expect((await verifyCheckpoint(newNote, oldKeys.keys)).ok).toBe(false);
    // The first receipt's ack was signed with the retired key: an export still verifies whole.
    const token = (
      await cli(url, ['tokens', 'create', '--role', 'auditor', '--site', SITE, '--data', join(temp, 'cli-tokens')])
    ).trim();
    const exported = await (
      await fetch(`${c.url}/v1/audit/sites/${SITE}/export?format=ndjson`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).text();
    const report = await verifyExport(exported.trimEnd().split('\n'), { keys: listed.jwks });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, treeSize: notices + 2 });
  });
});
