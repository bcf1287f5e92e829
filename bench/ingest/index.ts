// Ingest benchmark (`node bench/run.mjs ingest`): the real `consent-ledger serve` (built CLI) on a
// fresh data folder, driven by autocannon from this second process with receipts pre-signed by
// many device keys (mostly first visits, some returning subjects), one receipt per request as the
// SDK sends them. Prints receipts/s, p50/p99, the ratio to this machine's raw ES256 verify rate
// measured in the same run, and the integrator's integration rate, each against its budget.
// A budget miss is printed, not an error: the bench exits 0 whenever it ran.
// Environment: INGEST_THREADS=default,0,2 (the `--verify-threads` values compared; "default" =
// serve's own, one per core besides the serving thread), INGEST_ROUNDS=1 (rounds, the values alternating within each, so a change of load
// on the machine hits them alike), INGEST_POSTGRES=0 skips the PostgreSQL half, INGEST_INTEGRATOR=0 the integrator's, INGEST_PROFILE=DIR
// writes a CPU profile of each server process there, INGEST_CLI=PATH drives another build of cli.js,
// INGEST_SOAK_S=300 the memory soak's length in seconds after its warm-up of INGEST_SOAK_WARMUP=20000 receipts (0 skips it; see soak.ts). INGEST_THREADS= (empty) skips the timed runs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollectorKeyJwk, Integrator, loadCollectorKey, openSqliteStore } from '@consent-ledger/collector';
import {
  base64urlEncode,
  createReceipt,
  decodeJws,
  generateDeviceKey,
  inclusionProof,
  leafHash,
  noticeHash,
  type ReceiptPayload,
  resolveNotice,
  utf8,
  uuidv7,
  type VerifiedReceipt,
  validateSiteConfig,
} from '@consent-ledger/protocol';
import autocannon, { type Result } from 'autocannon';
import { ingestOnPostgres } from './postgres';
import { memorySoak } from './soak';

// docs/design.md, Budgets: ">= 5,000 receipts/s, p99 <= 25 ms at 50 connections" and
// "integrator: integrate into the tree >= 50 k entries/s; an inclusion proof <= 1 ms".
const RATE_BUDGET = 5000;
const P99_BUDGET_MS = 25;
const INTEGRATE_BUDGET = 50_000;
const PROOF_BUDGET_MS = 1;
const CONNECTIONS = 50;
const DURATION_S = 10;
const FIRST_VISITS = 70_000;
const RETURNING = 10_000;
const INTEGRATOR_ENTRIES = 200_000;
/** The `serve --verify-threads` values compared (none = serve's default). */
const VERIFY_THREADS = (process.env.INGEST_THREADS ?? 'default,0,2')
  .split(',')
  .filter((t) => t !== '')
  .map((t) => (t === 'default' ? null : Number(t)));
const ROUNDS = Number(process.env.INGEST_ROUNDS ?? 1);
const WITH_POSTGRES = process.env.INGEST_POSTGRES !== '0';
const WITH_INTEGRATOR = process.env.INGEST_INTEGRATOR !== '0';
const SOAK_SECONDS = Number(process.env.INGEST_SOAK_S ?? 300);
const SITE = 'clikodoc';
const ORIGIN = 'http://localhost:8080';

const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) dir = dirname(dir);
  return dir;
})();
const CLI = process.env.INGEST_CLI ?? join(ROOT, 'apps/server/dist/cli.js');
const POOL_DIR = join(ROOT, 'bench/.tmp');

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
function line(what: string, figure: string, budget?: string): void {
  console.log(`ingest  ${what.padEnd(66)} ${figure.padStart(20)}${budget ? `   ${budget}` : ''}`);
}

/** Calls of a synchronous function per second, for about `seconds`. */
function syncRate(fn: (i: number) => void, seconds = 1.5): number {
  for (let i = 0; i < 200; i++) fn(i);
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) for (let j = 0; j < 32; j++) fn(calls++);
  return calls / ((performance.now() - start) / 1000);
}

/** This machine's raw ES256 verify rates on one core (node:crypto): with a cached key, and importing the JWK each time. */
function rawVerifyRates(sample: string[]): { cached: number; imported: number } {
  const decoded = sample.map((jws) => {
    const d = decodeJws(jws);
    if (!d.ok) throw new Error(d.error.message);
    return d.value;
  });
  const keys = decoded.map((d) =>
    createPublicKey({ key: d.header.jwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' }),
  );
  const check = (i: number, key: ReturnType<typeof createPublicKey>) => {
    const d = decoded[i % decoded.length];
    if (!nodeVerify('sha256', d.signingInput, { key, dsaEncoding: 'ieee-p1363' }, d.signature))
      throw new Error('bad sample');
  };
  const cached = syncRate((i) => check(i, keys[i % keys.length]));
  const imported = syncRate((i) =>
    check(
      i,
      createPublicKey({
        key: decoded[i % decoded.length].header.jwk as unknown as import('node:crypto').JsonWebKey,
        format: 'jwk',
      }),
    ),
  );
  return { cached, imported };
}

interface Pool {
  textHash: string;
  first: string[];
  returningFirst: string[];
  returningSecond: string[];
}

/** Pre-signed receipts, kept in bench/.tmp between runs (signing 90 k receipts takes a while on 2 cores). */
async function receiptPool(textHash: string, choices: Record<string, 'granted' | 'denied'>): Promise<Pool> {
  const file = join(POOL_DIR, `ingest-pool-${textHash.slice(0, 12)}-${FIRST_VISITS}-${RETURNING}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Pool;
  const started = performance.now();
  const sign = async (prev: string | null, keys?: CryptoKeyPair) => {
    const device = keys ?? (await generateDeviceKey());
    const receipt = await createReceipt(
      {
        site: SITE,
        method: prev ? 'save' : 'accept-all',
        choices,
        revision: 1,
        language: 'fr',
        textHash,
        page: `${ORIGIN}/`,
        prev,
      },
      device,
    );
    return { receipt, device };
  };
  const inChunks = async <T>(n: number, make: () => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    while (out.length < n)
      out.push(...(await Promise.all(Array.from({ length: Math.min(500, n - out.length) }, make))));
    return out;
  };
  const first = (await inChunks(FIRST_VISITS, () => sign(null))).map((r) => r.receipt.jws);
  const returning = await inChunks(RETURNING, async () => {
    const a = await sign(null);
    const b = await sign(a.receipt.leafHash, a.device);
    return [a.receipt.jws, b.receipt.jws];
  });
  const pool = {
    textHash,
    first,
    returningFirst: returning.map((r) => r[0]),
    returningSecond: returning.map((r) => r[1]),
  };
  mkdirSync(POOL_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(pool));
  line(
    'receipts pre-signed (cached for later runs)',
    `${fmt(first.length + 2 * returning.length)} in ${fmt((performance.now() - started) / 1000, 1)} s`,
  );
  return pool;
}

/** Server processes still running and their data folders: killed and removed when this process ends, however it ends. */
const children = new Set<ChildProcess>();
const dataDirs = new Set<string>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Starts the built `consent-ledger serve` on a free port; resolves with its URL once it answers. */
async function startServer(
  data: string,
  env: NodeJS.ProcessEnv = {},
  flags: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const args = [
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--data',
    data,
    '--rate-limit',
    '0',
    '--sites',
    join(ROOT, 'fixtures/sites'),
    ...flags,
  ];
  const profile = process.env.INGEST_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INGEST_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${out}`)));
  });
  return { url, child };
}

async function post(url: string, jws: string): Promise<number> {
  const res = await fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ receipts: [jws] }),
  });
  await res.arrayBuffer();
  return res.status;
}

function drive(url: string, bodies: string[], connections = CONNECTIONS): Promise<{ result: Result; sent: number }> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            path: '/v1/receipts',
            headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'User-Agent': 'Mozilla/5.0 (bench) ingest' },
            setupRequest: (request) => {
              if (next >= bodies.length) instance.stop();
              return { ...request, body: bodies[Math.min(next++, bodies.length - 1)] };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, sent: Math.min(next, bodies.length) })),
    );
  });
}

/** CPU time (user + system, every thread) a process used so far, in microseconds (Linux /proc, 100 ticks/s). */
function processCpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function checkpointSize(url: string): Promise<number> {
  const res = await fetch(`${url}/v1/sites/${SITE}/log/checkpoint`);
  if (res.status !== 200) return 0;
  return Number((await res.text()).split('\n')[1]);
}

/** The integrator alone on a store of `n` entries: entries integrated per second, and inclusion proof time. */
async function integratorRates(n: number): Promise<{ integrate: number; proofMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-seq-'));
  try {
    const store = openSqliteStore(join(dir, 'ledger.db'));
    const key = await loadCollectorKey(await createCollectorKeyJwk(), 'bench.example');
    const config = JSON.parse(readFileSync(join(ROOT, 'fixtures/sites/clikodoc.json'), 'utf8'));
    await store.putSite(
      { ...config, expiresAfterDays: 182, retentionDays: 1825, ip: 'truncate', consentMode: false, honorGpc: true },
      [],
      new Date().toISOString(),
    );
    const fake = (i: number): VerifiedReceipt => {
      const payload = {
        v: 1,
        id: uuidv7(),
        site: SITE,
        subject: base64urlEncode(leafHash(`s${i}`)),
        prev: null,
      } as unknown as ReceiptPayload;
      const jws = `e30.${base64urlEncode(utf8(JSON.stringify(payload)))}.c2ln`;
      return {
        jws,
        payload: {
          ...payload,
          choices: {},
          method: 'save',
          revision: 1,
          language: 'fr',
          textHash: '',
          issuedAt: '',
          page: '',
        },
        jwk: { kty: 'EC', crv: 'P-256', x: '', y: '' },
        leafHash: base64urlEncode(leafHash(jws)),
      };
    };
    for (let i = 0; i < n; i += 5000) {
      const receipts = Array.from({ length: 5000 }, (_, j) => ({ receipt: fake(i + j), ip: null, userAgent: null }));
      await store.appendReceipts([{ site: SITE, receipts, receivedAt: new Date().toISOString() }], async (payloads) =>
        payloads.map(() => 'ack'),
      );
    }
    const integrator = new Integrator({ store, key, clock: Date.now, intervalMs: 1000, maxStep: 50_000 });
    const start = performance.now();
    const integrated = await integrator.runOnce();
    const integrate = integrated / ((performance.now() - start) / 1000);
    const read = (level: number, index: number) => store.readNode(SITE, level, index);
    const proofs = 2000;
    const t = performance.now();
    for (let i = 0; i < proofs; i++) await inclusionProof((i * 7919) % n, n, read);
    const proofMs = (performance.now() - t) / proofs;
    await store.close();
    return { integrate, proofMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The request bodies of a timed run: first visits, with about one in eight a returning subject's next receipt. */
function runBodies(pool: Pool): string[] {
  const bodies: string[] = [];
  let r = 0;
  pool.first.forEach((jws, i) => {
    bodies.push(JSON.stringify({ receipts: [jws] }));
    if (i % 7 === 6 && r < pool.returningSecond.length)
      bodies.push(JSON.stringify({ receipts: [pool.returningSecond[r++]] }));
  });
  return bodies;
}

interface RunFigures {
  rate: number;
  p50: number;
  p99: number;
}

/** One SQLite run with `verifyThreads` verification workers (null: serve's default), on a fresh data folder. */
async function sqliteRun(
  pool: Pool,
  bodies: string[],
  verifyThreads: number | null,
  raw: { cached: number },
): Promise<RunFigures> {
  const data = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  dataDirs.add(data);
  const label = (what: string) => `SQLite, ${verifyThreads ?? 'default'} verify threads: ${what}`;
  const load = loadavg()[0];
  const { url, child } = await startServer(
    data,
    {},
    verifyThreads === null ? [] : ['--verify-threads', String(verifyThreads)],
  );
  try {
    // Returning subjects: their first receipt is in the log (and their key in a cache) before the run.
    for (let i = 0; i < pool.returningFirst.length; i += CONNECTIONS) {
      const statuses = await Promise.all(pool.returningFirst.slice(i, i + CONNECTIONS).map((jws) => post(url, jws)));
      if (statuses.some((s) => s !== 201)) throw new Error(`warm-up refused: ${statuses.join(',')}`);
    }
    const serverCpu = processCpuMicros(child.pid!);
    const clientCpu = process.cpuUsage();
    const { result, sent } = await drive(url, bodies);
    const accepted = result.statusCodeStats['201']?.count ?? 0;
    const serverMicros = (processCpuMicros(child.pid!) - serverCpu) / accepted;
    const client = process.cpuUsage(clientCpu);
    const rate = accepted / result.duration;
    const ended = performance.now();
    const expected = 2 + pool.returningFirst.length + accepted;
    let size = await checkpointSize(url);
    while (size < expected && performance.now() - ended < 20_000) {
      await new Promise((res) => setTimeout(res, 20));
      size = await checkpointSize(url);
    }
    const catchUp = performance.now() - ended;
    line(label('load average (1 min) before the run'), fmt(load, 2));
    line(label('requests sent / answered'), `${fmt(sent)} / ${fmt(result.requests.total)}`);
    line(
      label('status codes'),
      Object.entries(result.statusCodeStats)
        .map(([code, s]) => `${code}: ${fmt(s.count)}`)
        .join(', ') + (result.errors ? `, errors ${result.errors}` : ''),
    );
    line(
      label('receipts/s (verified, committed, acked)'),
      fmt(rate),
      `budget >= ${fmt(RATE_BUDGET)}/s: ${verdict(rate >= RATE_BUDGET)}`,
    );
    line(
      label('latency p50 / p99'),
      `${fmt(result.latency.p50, 1)} / ${fmt(result.latency.p99, 1)} ms`,
      `budget p99 <= ${P99_BUDGET_MS} ms: ${verdict(result.latency.p99 <= P99_BUDGET_MS)}`,
    );
    line(label('receipts/s / raw cached verify rate (1 core)'), `${fmt(rate / raw.cached, 2)}x`);
    line(
      label('CPU per receipt: server / autocannon'),
      `${fmt(serverMicros)} / ${fmt((client.user + client.system) / accepted)} µs`,
    );
    line(
      label(`integrator caught up (log of ${fmt(size)})`),
      size >= expected ? `${fmt(catchUp)} ms after the load` : `not within ${fmt(catchUp)} ms`,
    );
    return { rate, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    const exited = new Promise((res) => child.once('exit', res));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
    dataDirs.delete(data);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
}

/** The timed runs: SQLite with each `--verify-threads` value, then PostgreSQL, on pre-signed receipts. */
async function timedRuns(textHash: string, choices: Record<string, 'granted' | 'denied'>): Promise<void> {
  const pool = await receiptPool(textHash, choices);
  const bodies = runBodies(pool);
  const raw = rawVerifyRates(pool.first.slice(0, 2000));
  line(
    'raw ES256 verify, 1 core, node:crypto, cached key / imported JWK',
    `${fmt(raw.cached)} / ${fmt(raw.imported)} /s`,
  );
  line(
    `connections x duration, one receipt per request, ${fmt((100 * (bodies.length - pool.first.length)) / bodies.length)}% returning subjects`,
    `${CONNECTIONS} x ${DURATION_S} s`,
  );
  const runs = new Map<number | null, RunFigures[]>(VERIFY_THREADS.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const threads of VERIFY_THREADS) {
      try {
        runs.get(threads)!.push(await sqliteRun(pool, bodies, threads, raw));
      } catch (error) {
        line(`SQLite, ${threads ?? 'default'} verify threads: run failed`, (error as Error).message);
      }
    }
  }
  if (ROUNDS > 1 || VERIFY_THREADS.length > 1) {
    for (const [threads, figures] of runs) {
      if (figures.length === 0) continue;
      const rate = median(figures.map((f) => f.rate));
      const p99 = median(figures.map((f) => f.p99));
      line(
        `SQLite, ${threads ?? 'default'} verify threads, median of ${figures.length}: receipts/s, p50 / p99`,
        `${fmt(rate)}, ${fmt(median(figures.map((f) => f.p50)), 1)} / ${fmt(p99, 1)} ms`,
        `${verdict(rate >= RATE_BUDGET && p99 <= P99_BUDGET_MS)}`,
      );
    }
  }
  if (WITH_POSTGRES) {
    // The same load on PostgreSQL (bench/ingest/postgres.ts), one and two collector processes.
    try {
      await ingestOnPostgres({
        warmUp: pool.returningFirst,
        bodies,
        connections: CONNECTIONS,
        startServer,
        drive,
        post,
        checkpointSize,
        processCpuMicros,
        line,
        fmt,
      });
    } catch (error) {
      line('PostgreSQL half: failed', (error as Error).message);
    }
  }
}

async function main(): Promise<void> {
  console.log(
    `ingest  ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start`,
  );
  const built = spawnSync(process.execPath, [join(ROOT, 'apps/server/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI failed');
  const valid = validateSiteConfig(JSON.parse(readFileSync(join(ROOT, 'fixtures/sites', `${SITE}.json`), 'utf8')));
  if (!valid.ok) throw new Error(valid.error.message);
  const notice = resolveNotice(valid.value, 'fr');
  const choices = Object.fromEntries(
    notice.purposes.filter((p) => p.id !== 'necessary').map((p) => [p.id, 'granted' as const]),
  );
  const textHash = noticeHash(notice);
  if (VERIFY_THREADS.length > 0 || WITH_POSTGRES) await timedRuns(textHash, choices);
  if (WITH_INTEGRATOR) {
    try {
      const seq = await integratorRates(INTEGRATOR_ENTRIES);
      line(
        `integrator integration rate (SQLite, ${fmt(INTEGRATOR_ENTRIES)} entries)`,
        `${fmt(seq.integrate)} /s`,
        `budget >= ${fmt(INTEGRATE_BUDGET)}/s: ${verdict(seq.integrate >= INTEGRATE_BUDGET)}`,
      );
      line(
        `inclusion proof from the store (tree of ${fmt(INTEGRATOR_ENTRIES)})`,
        `${fmt(seq.proofMs, 3)} ms`,
        `budget <= ${PROOF_BUDGET_MS} ms: ${verdict(seq.proofMs <= PROOF_BUDGET_MS)}`,
      );
    } catch (error) {
      line('integrator: run failed', (error as Error).message);
    }
  }
  if (SOAK_SECONDS > 0) {
    try {
      await memorySoak({
        seconds: SOAK_SECONDS,
        site: SITE,
        origin: ORIGIN,
        textHash,
        choices,
        startServer,
        line,
        fmt,
      });
    } catch (error) {
      line('soak: failed', (error as Error).message);
    }
  }
  console.log(
    `ingest  load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end (other processes on these cores lower every figure)`,
  );
}

await main();
