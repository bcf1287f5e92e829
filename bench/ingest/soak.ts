// The ingest benchmark's memory soak (issue 14, item 7): `serve` with its defaults on a fresh data
// folder, fed first-visit receipts only (every one from a new device key, made while the soak runs,
// so every receipt brings a key no cache has seen) for five minutes. Prints the server's RSS every
// 30 s, then RSS at the end against the budget (<= 250 MB) and its growth over the last three
// minutes (flat: at most 25 MB above its value at minute 2). Given index.ts's helpers, as the
// PostgreSQL half is.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceipt, generateDeviceKey } from '@consent-ledger/protocol';

const RSS_BUDGET_MB = 250;
/** The last three minutes may grow this much past minute 2 and still be flat (allocator and GC noise). */
const FLAT_MB = 25;
const SAMPLE_S = 30;
/** Devices signing and posting at once. */
const VISITORS = 32;

export interface SoakHarness {
  seconds: number;
  site: string;
  origin: string;
  textHash: string;
  choices: Record<string, 'granted' | 'denied'>;
  startServer(data: string, env: NodeJS.ProcessEnv, flags: string[]): Promise<{ url: string; child: ChildProcess }>;
  line(what: string, figure: string, budget?: string): void;
  fmt(n: number, digits?: number): string;
}

/** Resident memory of a process (MB), from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) / 1024 : Number.NaN;
}

/** Runs the soak and prints its figures. */
export async function memorySoak(h: SoakHarness): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'bench-soak-'));
  const { url, child } = await h.startServer(data, {}, []);
  const statuses = new Map<number, number>();
  let failures = 0;
  const started = performance.now();
  const deadline = started + h.seconds * 1000;
  const samples: Array<{ at: number; rss: number; accepted: number }> = [];
  const accepted = () => statuses.get(201) ?? 0;
  const label = (what: string) => `soak (first visits only, serve defaults): ${what}`;
  try {
    h.line(label('RSS at start'), `${h.fmt(rssMb(child.pid!))} MB`);
    const visitor = async () => {
      while (performance.now() < deadline) {
        const receipt = await createReceipt(
          {
            site: h.site,
            method: 'accept-all',
            choices: h.choices,
            revision: 1,
            language: 'fr',
            textHash: h.textHash,
            page: `${h.origin}/`,
            prev: null,
          },
          await generateDeviceKey(),
        );
        try {
          const res = await fetch(`${url}/v1/receipts`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: h.origin },
            body: JSON.stringify({ receipts: [receipt.jws] }),
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          failures += 1;
        }
      }
    };
    const sampler = setInterval(() => {
      const at = (performance.now() - started) / 1000;
      const sample = { at, rss: rssMb(child.pid!), accepted: accepted() };
      samples.push(sample);
      h.line(
        label(`RSS after ${h.fmt(at)} s`),
        `${h.fmt(sample.rss)} MB`,
        `${h.fmt(sample.accepted)} receipts accepted`,
      );
    }, SAMPLE_S * 1000);
    await Promise.all(Array.from({ length: VISITORS }, visitor));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const end = rssMb(child.pid!);
    h.line(
      label('requests answered, by status'),
      [...statuses].map(([status, n]) => `${status}: ${h.fmt(n)}`).join(', ') +
        (failures ? `, failed ${failures}` : ''),
    );
    h.line(label('first-visit receipts/s (new device key each)'), h.fmt(accepted() / seconds));
    h.line(
      label(`RSS at the end (${h.fmt(seconds)} s)`),
      `${h.fmt(end)} MB`,
      `budget <= ${RSS_BUDGET_MB} MB: ${end <= RSS_BUDGET_MB ? 'ok' : 'OVER BUDGET'}`,
    );
    // Flat over the last three minutes: nothing in them above minute 2's figure by more than FLAT_MB.
    const from = samples.filter((s) => s.at <= seconds - 180).at(-1);
    if (from) {
      const peak = Math.max(end, ...samples.filter((s) => s.at > from.at).map((s) => s.rss));
      const growth = peak - from.rss;
      h.line(
        label(`RSS growth over the last 3 minutes (from ${h.fmt(from.rss)} MB)`),
        `${h.fmt(growth, 1)} MB`,
        `budget flat (<= ${FLAT_MB} MB): ${growth <= FLAT_MB ? 'ok' : 'OVER BUDGET'}`,
      );
    } else {
      h.line(label('RSS growth over the last 3 minutes'), 'soak shorter than 3.5 minutes: not measured');
    }
  } finally {
    const exited = new Promise((res) => child.once('exit', res));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}
