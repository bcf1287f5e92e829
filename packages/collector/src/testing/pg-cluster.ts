// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, a server on
// a free localhost port with its socket in that folder, stopped and removed at the end. No shared
// server, nothing left behind. A missing PostgreSQL is an error, never a skip: CI installs it.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Options of a throwaway cluster. */
export interface PgClusterOptions {
  /**
   * Keep fsync on (default true). Tests that measure nothing may turn it off; benchmarks must not,
   * since an acknowledgement is only sent after a durable commit.
   */
  fsync?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

/** A running throwaway cluster. */
export interface PgCluster {
  port: number;
  /** Connection URL of the `postgres` database (superuser, trust authentication). */
  url: string;
  /** Creates a fresh database and answers its connection URL. */
  createDatabase(name: string): Promise<string>;
  /** The server's (postmaster's) process id; its backends are its children. */
  pid(): number;
  /** Drops a database, disconnecting its sessions. */
  dropDatabase(name: string): Promise<void>;
  /** Stops the server (immediate shutdown) and removes its folder. */
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (run `bash scripts/setup.sh --system`, or set PG_BIN)',
    );
  }
  return join(root, versions[0], 'bin');
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** PostgreSQL refuses to run as root: as root, commands run as the `postgres` user. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function sql(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Starts a throwaway cluster (about a second). */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  const stopSync = () => {
    if (started) {
      const [cmd, args] = asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      try {
        execFileSync(cmd, args, { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test runner that dies mid-run must not leave a server behind.
  process.once('exit', stopSync);
  try {
    const [initCmd, initArgs] = asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale',
      'C',
    ]);
    await run(initCmd, initArgs);
    const port = await freePort();
    const settings: Record<string, string | number> = {
      port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      max_connections: 200,
      fsync: options.fsync === false ? 'off' : 'on',
      ...options.settings,
    };
    const serverArgs = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    const [ctlCmd, ctlArgs] = asServerUser(pgCtl, [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      serverArgs,
      'start',
    ]);
    started = true;
    await run(ctlCmd, ctlArgs);
    const base = `postgres://postgres@127.0.0.1:${port}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    return {
      port,
      url: `${base}/postgres`,
      async createDatabase(name) {
        await admin(`CREATE DATABASE ${sql(name)}`);
        return `${base}/${encodeURIComponent(name)}`;
      },
      pid() {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      },
      async dropDatabase(name) {
        await admin(`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`);
      },
      async stop() {
        process.removeListener('exit', stopSync);
        stopSync();
      },
    };
  } catch (error) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw error;
  }
}
