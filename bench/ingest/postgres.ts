// The ingest benchmark's PostgreSQL half: the same receipts, the same load (50 connections in all),
// against `serve` on a throwaway PostgreSQL cluster (fsync on: acks go out after durable commits),
// first with one collector process, then with two sharing the database (two verification workers
// in all, as in the SQLite run with workers). Given the SQLite run's
// helpers by index.ts, so both halves drive the server the same way.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPgCluster } from '@consent-ledger/collector/testing';
import type { Result } from 'autocannon';

/** What index.ts lends this half: its receipts, and how it starts, drives and reads a server. */
export interface IngestHarness {
  /** Receipts of returning subjects, posted before the run (their second receipts are in `bodies`). */
  warmUp: string[];
  /** Request bodies of the timed run, in order. */
  bodies: string[];
  connections: number;
  startServer(data: string, env: NodeJS.ProcessEnv, flags: string[]): Promise<{ url: string; child: ChildProcess }>;
  drive(url: string, bodies: string[], connections: number): Promise<{ result: Result; sent: number }>;
  post(url: string, jws: string): Promise<number>;
  checkpointSize(url: string): Promise<number>;
  /** CPU time (user + system, µs) a process has used so far. */
  processCpuMicros(pid: number): number;
  line(what: string, figure: string, budget?: string): void;
  fmt(n: number, digits?: number): string;
}

/** The PostgreSQL server's processes: the postmaster and its children (backends, WAL writer, checkpointer…). */
function serverPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** Starts counting the CPU time of `pids`; the function answers the µs used since (a process gone meanwhile, such as an autovacuum worker, drops out). */
function cpuMeter(h: IngestHarness, pids: number[]): () => number {
  const read = (pid: number) => {
    try {
      return h.processCpuMicros(pid);
    } catch {
      return null;
    }
  };
  const start = new Map(pids.map((pid) => [pid, read(pid)]));
  return () =>
    [...start].reduce((n, [pid, before]) => {
      const now = read(pid);
      return before === null || now === null ? n : n + now - before;
    }, 0);
}

/** Runs the load on PostgreSQL with one, then two collector processes; prints one figure line each. */
export async function ingestOnPostgres(h: IngestHarness): Promise<void> {
  const cluster = await startPgCluster();
  const temp = mkdtempSync(join(tmpdir(), 'bench-ingest-pg-'));
  try {
    for (const collectors of [1, 2]) {
      const url = await cluster.createDatabase(`ingest_${collectors}`);
      const servers: Array<{ url: string; child: ChildProcess }> = [];
      try {
        // Two verification workers in all, as in the SQLite run with workers: the same two cores either way.
        const flags = ['--verify-threads', String(2 / collectors)];
        for (let i = 0; i < collectors; i++)
          servers.push(await h.startServer(join(temp, `${collectors}-${i}`), { DATABASE_URL: url }, flags));
        for (let i = 0; i < h.warmUp.length; i += h.connections) {
          const chunk = h.warmUp.slice(i, i + h.connections);
          const statuses = await Promise.all(chunk.map((jws, j) => h.post(servers[(i + j) % collectors].url, jws)));
          if (statuses.some((s) => s !== 201)) throw new Error(`warm-up refused: ${statuses.join(',')}`);
        }
        // The load balancer: requests dealt round-robin, the connections split evenly.
        const shares = servers.map((_, i) => h.bodies.filter((_, j) => j % collectors === i));
        const collectorCpu = cpuMeter(
          h,
          servers.map((s) => s.child.pid!),
        );
        const databaseCpu = cpuMeter(h, serverPids(cluster.pid()));
        const runs = await Promise.all(servers.map((s, i) => h.drive(s.url, shares[i], h.connections / collectors)));
        const ended = performance.now();
        const cpuUsed = [collectorCpu(), databaseCpu()];
        const accepted = runs.reduce((n, r) => n + (r.result.statusCodeStats['201']?.count ?? 0), 0);
        const refused = runs.reduce(
          (n, r) => n + r.result.requests.total - (r.result.statusCodeStats['201']?.count ?? 0),
          0,
        );
        const duration = Math.max(...runs.map((r) => r.result.duration));
        const p50 = Math.max(...runs.map((r) => r.result.latency.p50));
        const p99 = Math.max(...runs.map((r) => r.result.latency.p99));
        const expected = 2 + h.warmUp.length + accepted;
        let size = await h.checkpointSize(servers[0].url);
        while (size < expected && performance.now() - ended < 30_000) {
          await new Promise((res) => setTimeout(res, 20));
          size = await h.checkpointSize(servers[0].url);
        }
        const label = `PostgreSQL, ${collectors} collector${collectors > 1 ? 's' : ''} x ${2 / collectors} verify thread${collectors > 1 ? '' : 's'}`;
        h.line(
          `${label}: receipts accepted per second`,
          h.fmt(accepted / duration),
          refused ? `${h.fmt(refused)} not accepted` : undefined,
        );
        h.line(`${label}: latency p50 / p99 (worst process)`, `${h.fmt(p50, 1)} / ${h.fmt(p99, 1)} ms`);
        h.line(
          `${label}: CPU per receipt: collectors / PostgreSQL`,
          `${h.fmt(cpuUsed[0] / accepted)} / ${h.fmt(cpuUsed[1] / accepted)} µs`,
        );
        h.line(
          `${label}: integrator caught up (log of ${h.fmt(size)} entries)`,
          `${h.fmt(performance.now() - ended)} ms`,
        );
      } finally {
        await Promise.all(
          servers.map((s) => {
            const exited = new Promise((res) => s.child.once('exit', res));
            s.child.kill('SIGTERM');
            return exited;
          }),
        );
      }
    }
  } finally {
    await cluster.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}
