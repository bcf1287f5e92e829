// The ingest benchmark's memory soak (issue 14, item 7): `serve` with its defaults on a fresh data
// folder, fed first-visit receipts only (every one from a new device key, made while the soak runs,
// so every receipt brings a key no cache has seen). First a warm-up of WARMUP_RECEIPTS, then five
// minutes measured. Prints the server's RSS every 30 s (sampled every 5 s), then RSS at the end
// against the budget (<= 250 MB) and its growth over the last three minutes (flat: at most 25 MB).
//
// Why a warm-up, and why peaks: what grows at first is bounded, not leaked. Measured with V8's heap
// statistics inside serve (forced full GCs every 15 s, 28,000 receipts over 8 minutes): the serving
// thread's live heap stayed at 11 MB throughout, while (1) V8 grew its young generation under the
// allocation rate, from 16 to 32 MB committed on the serving thread and 2 to 8 MB on a worker, and
// shrinks and regrows it as the rate varies, which swings RSS by ~16 MB within seconds; (2) the
// verifier remembers the thumbprints of devices seen once in a 2 MB LRU (about 17,500 devices)
// before it forgets any. Both depend on receipts handled, not on time, so on a loaded machine the
// first two minutes used to hold only part of that warm-up, and comparing the last minutes' peak
// with one sample at minute 2 (taken in a swing's trough) read +28 MB or +30 MB of growth that was
// neither. So the warm-up is counted in receipts, and "flat" compares like with like: the highest
// RSS of the last minute with the highest of the minute before the last three began.
// Given index.ts's helpers, as the PostgreSQL half is.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceipt, generateDeviceKey } from '@consent-ledger/protocol';

const RSS_BUDGET_MB = 250;
/** The last minute's peak may be this much above the peak of the minute before the last three and still be flat (allocator noise). */
const FLAT_MB = 25;
/** RSS is sampled this often, and printed every PRINT_S. */
const SAMPLE_S = 5;
const PRINT_S = 30;
/** First-visit receipts sent before the measured soak: past the seen-devices LRU's 17,500 and V8's young-generation growth. */
const WARMUP_RECEIPTS = Number(process.env.INGEST_SOAK_WARMUP ?? 20_000);
/** A server that cannot take them in this long is measured anyway (the figures say how many it took). */
const WARMUP_MAX_S = 600;
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
  /** When the measured soak began (after the warm-up), and when it ends. */
  let started = Number.POSITIVE_INFINITY;
  let deadline = Number.POSITIVE_INFINITY;
  const samples: Array<{ at: number; rss: number; accepted: number }> = [];
  const accepted = () => statuses.get(201) ?? 0;
  const label = (what: string) => `soak (first visits only, serve defaults): ${what}`;
  let sampler: NodeJS.Timeout | undefined;
  try {
    h.line(label('RSS at start'), `${h.fmt(rssMb(child.pid!))} MB`);
    const warmupStarted = performance.now();
    let acceptedBefore = 0;
    const beginSoak = () => {
      started = performance.now();
      deadline = started + h.seconds * 1000;
      acceptedBefore = accepted();
      h.line(
        label(
          `RSS after the warm-up (${h.fmt(acceptedBefore)} receipts, ${h.fmt((started - warmupStarted) / 1000)} s)`,
        ),
        `${h.fmt(rssMb(child.pid!))} MB`,
      );
      sampler = setInterval(() => {
        const at = (performance.now() - started) / 1000;
        const sample = { at, rss: rssMb(child.pid!), accepted: accepted() - acceptedBefore };
        samples.push(sample);
        if (samples.length % (PRINT_S / SAMPLE_S) === 0)
          h.line(
            label(`RSS after ${h.fmt(at)} s`),
            `${h.fmt(sample.rss)} MB`,
            `${h.fmt(sample.accepted)} receipts accepted`,
          );
      }, SAMPLE_S * 1000);
    };
    if (WARMUP_RECEIPTS <= 0) beginSoak();
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
        const warm = accepted() >= WARMUP_RECEIPTS || performance.now() - warmupStarted > WARMUP_MAX_S * 1000;
        if (started === Number.POSITIVE_INFINITY && warm) beginSoak();
      }
    };
    await Promise.all(Array.from({ length: VISITORS }, visitor));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const end = rssMb(child.pid!);
    samples.push({ at: seconds, rss: end, accepted: accepted() - acceptedBefore });
    h.line(
      label('requests answered, by status'),
      [...statuses].map(([status, n]) => `${status}: ${h.fmt(n)}`).join(', ') +
        (failures ? `, failed ${failures}` : ''),
    );
    h.line(label('first-visit receipts/s (new device key each)'), h.fmt((accepted() - acceptedBefore) / seconds));
    h.line(
      label(`RSS at the end (${h.fmt(seconds)} s after the warm-up)`),
      `${h.fmt(end)} MB`,
      `budget <= ${RSS_BUDGET_MB} MB: ${end <= RSS_BUDGET_MB ? 'ok' : 'OVER BUDGET'}`,
    );
    // Flat over the last three minutes: the highest RSS of the last minute against the highest of
    // the minute before they began (peaks against peaks: V8's young generation swings RSS by ~16 MB).
    const peak = (from: number, to: number) =>
      Math.max(...samples.filter((s) => s.at > from && s.at <= to).map((s) => s.rss));
    if (seconds >= 240) {
      const before = peak(seconds - 240, seconds - 180);
      const last = peak(seconds - 60, seconds);
      const growth = last - before;
      h.line(
        label(`RSS growth over the last 3 minutes (peak ${h.fmt(before)} -> ${h.fmt(last)} MB)`),
        `${h.fmt(growth, 1)} MB`,
        `budget flat (<= ${FLAT_MB} MB): ${growth <= FLAT_MB ? 'ok' : 'OVER BUDGET'}`,
      );
    } else {
      h.line(label('RSS growth over the last 3 minutes'), 'soak shorter than 4 minutes: not measured');
    }
  } finally {
    clearInterval(sampler);
    const exited = new Promise((res) => child.once('exit', res));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}
