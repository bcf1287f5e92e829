// Scan timings in Debian's Chromium against the real `consent-ledger serve --demo`: the demo's pages
// (/, the privacy page, en, nl, de; clikodoc.html carries another site's tag and is skipped), three
// passes each, each pass in a fresh context, screenshots on (as for --html). Figure: time per page per
// pass = the scan's wall-clock time over pages x 3 (the next pass's context is made while one runs, so
// the passes' own durations add up to more), median of the runs, against the budget of 2 s: a site of
// 10 pages in about a minute. Each pass's own duration is printed too.
import { loadavg } from 'node:os';
import { scanSite } from '@consent-ledger/scanner';
import { startCollector } from '../../e2e/harness/server';

const RUNS = 3;
const BUDGET_MS = 2_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const collector = await startCollector();
try {
  const perPass: Record<string, number[]> = { 'first-visit': [], 'after-reject': [], 'after-accept': [] };
  const wall: number[] = [];
  let pages = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = Date.now();
    const { report } = await scanSite({ url: `${collector.origin}/` });
    wall.push(Date.now() - started);
    if (!report.complete) throw new Error(`scan failed: ${report.error?.message}`);
    if (report.findings.length > 0) throw new Error(`the demo should scan clean: ${JSON.stringify(report.findings)}`);
    const scanned = report.pages.filter((p) => !p.skipped);
    pages = scanned.length;
    for (const page of scanned)
      for (const [pass, record] of Object.entries(page.passes)) perPass[pass].push(record!.durationMs);
  }
  console.log(`demo site, ${pages} pages x 3 passes, ${RUNS} runs (load average ${loadavg()[0].toFixed(1)})`);
  for (const [pass, times] of Object.entries(perPass))
    console.log(`  ${pass.padEnd(13)} own duration median ${s(median(times))}, max ${s(Math.max(...times))}`);
  const figure = median(wall) / (pages * 3);
  console.log(
    `time per page per pass: ${s(figure)} (budget <= ${s(BUDGET_MS)}: ${figure <= BUDGET_MS ? 'ok' : 'OVER BUDGET'}); whole scan median ${s(median(wall))}`,
  );
} finally {
  await collector.stop();
}
