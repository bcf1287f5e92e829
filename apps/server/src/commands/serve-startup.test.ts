// Every way `serve` can fail to start, run as an operator runs it (the built dist/cli.js in its own
// process, SQLite writes on their thread): a one-line cause on stderr and a non-zero exit code.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../checkout';

let temp: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm run build)`);
  temp = mkdtempSync(join(tmpdir(), 'serve-startup-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs `consent-ledger serve` with `args`; resolves with its exit code and output once it exits. */
function serve(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'serve', '--host', '127.0.0.1', '--rate-limit', '0', ...args],
      { cwd: temp, timeout: 30_000, env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

/** A fresh data folder under the test's temp folder, holding `files`. */
function dataWith(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(temp, 'data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function listenAnywhere(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

function expectOneLineFailure(run: { code: number | null; stdout: string; stderr: string }, cause: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^consent-ledger: /);
  expect(lines[0]).toMatch(cause);
}

describe('consent-ledger serve: a failed start says why, on one line, and exits 1', () => {
  it('when the port is taken', async () => {
    const taken = await listenAnywhere();
    try {
      const run = await serve(['--port', String(taken.port), '--data', dataWith()]);
      expectOneLineFailure(run, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken.port}: .*EADDRINUSE`));
    } finally {
      taken.server.close();
    }
  });

  it('when the --metrics-listen port is taken', async () => {
    const taken = await listenAnywhere();
    try {
      const run = await serve(['--port', '0', '--data', dataWith(), '--metrics-listen', `127.0.0.1:${taken.port}`]);
      expectOneLineFailure(run, new RegExp(`cannot listen for metrics on 127\\.0\\.0\\.1:${taken.port}: .*EADDRINUSE`));
    } finally {
      taken.server.close();
    }
  });

  it('when a --sites config is invalid', async () => {
    const sites = join(temp, 'bad-sites');
    mkdirSync(sites, { recursive: true });
    writeFileSync(join(sites, 'broken.json'), JSON.stringify({ site: 'broken', name: 'Broken' }));
    const run = await serve(['--port', '0', '--data', dataWith(), '--sites', sites]);
    expectOneLineFailure(run, /broken\.json: .*origins/);
  });

  it('when a --sites config is not JSON', async () => {
    const sites = join(temp, 'garbled-sites');
    mkdirSync(sites, { recursive: true });
    writeFileSync(join(sites, 'garbled.json'), '{"site": ');
    const run = await serve(['--port', '0', '--data', dataWith(), '--sites', sites]);
    expectOneLineFailure(run, /garbled\.json: not JSON/);
  });

  it('when the --sites folder does not exist', async () => {
    const run = await serve(['--port', '0', '--data', dataWith(), '--sites', join(temp, 'no-such-folder')]);
    expectOneLineFailure(run, /cannot read site configs in .*no-such-folder/);
  });

  it.each([
    ['empty', '', /collector-key\.json is empty, not a collector key/],
    ['blank', '\n  \n', /collector-key\.json is empty, not a collector key/],
    ['garbage', '\u0000\u0001garbage', /collector-key\.json is not JSON, not a collector key/],
    ['another kind of key', JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }), /Ed25519 private JWK/],
  ])('when the key file is %s', async (_kind, text, cause) => {
    const run = await serve(['--port', '0', '--data', dataWith({ 'collector-key.json': text })]);
    expectOneLineFailure(run, cause);
  });

  it('when the ledger file is not a database', async () => {
    const run = await serve(['--port', '0', '--data', dataWith({ 'ledger.db': 'this is not SQLite, '.repeat(400) })]);
    expectOneLineFailure(run, /cannot open the ledger .*ledger\.db: file is not a database/);
  });

  it('when --data is a file', async () => {
    const file = join(temp, 'a-file');
    writeFileSync(file, 'x');
    const run = await serve(['--port', '0', '--data', file]);
    expectOneLineFailure(run, /cannot use .*a-file as the data folder/);
  });
});
