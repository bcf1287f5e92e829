// The real collector for the browser tests: the built `consent-ledger` command (apps/server/dist/cli.js)
// serving the demo on a free loopback port, with a fresh data folder, stopped with SIGTERM.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder up holding pnpm-workspace.yaml (also when bundled by bench/run.mjs). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();
/** The built command every scenario runs, exactly as `pnpm consent-ledger` does. */
export const CLI = join(ROOT, 'apps/server/dist/cli.js');

export interface CollectorOptions {
  /** Reuse a data folder (default: a fresh temp folder, removed on `stop`). */
  data?: string;
}

/** A running `consent-ledger serve --demo`. */
export interface Collector {
  /** `http://127.0.0.1:<port>`: the collector's origin, and so the demo's and every receipt's. */
  readonly origin: string;
  readonly port: number;
  readonly data: string;
  /** `fetch` against the collector; `path` starts with `/`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A token of `role` for `sites` (default: every fixture site), created with `consent-ledger tokens create`. */
  token(role: 'auditor' | 'admin', sites?: string[]): Promise<string>;
  /** SIGTERM, then waits for the process to exit ("collector down"). */
  halt(): Promise<void>;
  /** SIGKILL (`kill -9`: no shutdown, whatever it was writing), then waits for the process to be gone. */
  crash(): Promise<void>;
  /** Starts `serve` again on the same port and data (after `halt`). */
  resume(): Promise<void>;
  /** Stops the server and removes the temp folders it created. */
  stop(): Promise<void>;
}

const STARTUP_MS = 20_000;
const STOP_MS = 10_000;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The fixture site configs as the collector will hold them: each also allowing `origin`. */
async function writeSites(dir: string, origin: string): Promise<string[]> {
  const fixtures = join(ROOT, 'fixtures/sites');
  const configs: Array<{ site: string; origins: string[] }> = [];
  for (const file of (await readdir(fixtures)).filter((f) => f.endsWith('.json')).sort()) {
    configs.push(JSON.parse(await readFile(join(fixtures, file), 'utf8')));
  }
  await mkdir(dir, { recursive: true });
  for (const config of configs) {
    // The demo runs on a free port, not the fixtures' localhost:8080: receipts come from this origin.
    const withOrigin = { ...config, origins: [...new Set([...config.origins, origin])] };
    await writeFile(join(dir, `${config.site}.json`), JSON.stringify(withOrigin, null, 2));
  }
  return configs.map((c) => c.site);
}

/** Runs the built `consent-ledger` with `args`; resolves with its stdout, rejects when it exits non-zero. */
export function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`consent-ledger ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Starts `consent-ledger serve --demo` with the fixture sites; resolves once `/healthz` answers 200. */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm build)`);
  const temp = await mkdtemp(join(tmpdir(), 'cl-e2e-'));
  const data = options.data ?? join(temp, 'data');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const siteIds = await writeSites(join(temp, 'sites'), origin);
  const serveArgs = [
    'serve',
    '--demo',
    '--sites',
    join(temp, 'sites'),
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--data',
    data,
  ];
  let log = '';
  let child: ChildProcess | null = null;

  const launch = async () => {
    const proc = spawn(process.execPath, [CLI, ...serveArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout!.on('data', (chunk) => (log += chunk));
    proc.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code, signal) =>
        reject(new Error(`consent-ledger serve exited (${signal ?? code}) before it was ready:\n${log}`)),
      ),
    );
    exited.catch(() => undefined);
    const deadline = Date.now() + STARTUP_MS;
    while (Date.now() < deadline) {
      const healthy = await Promise.race([
        fetch(`${origin}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
        exited,
      ]);
      if (healthy) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    proc.kill('SIGKILL');
    throw new Error(`consent-ledger serve did not answer /healthz within ${STARTUP_MS} ms:\n${log}`);
  };

  const halt = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_MS);
    await gone;
    clearTimeout(timer);
  };

  await launch();
  return {
    origin,
    port,
    data,
    fetch: (path, init) => fetch(origin + path, init),
    token: async (role, sites = siteIds) =>
      (await runCli(['tokens', 'create', '--role', role, '--site', sites.join(','), '--data', data])).trim(),
    halt: () => halt(),
    crash: () => halt('SIGKILL'),
    resume: launch,
    stop: async () => {
      await halt();
      await rm(temp, { recursive: true, force: true });
    },
  };
}
