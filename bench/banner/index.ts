// Time to banner, side by side, in Debian's Chromium: our banner and four peers (vanilla-cookieconsent,
// orejime, klaro, tarteaucitron, installed from npm as the bench's dev-dependencies) on the same demo
// page, served by the same loopback server with the same compression (contenders.ts, server.ts),
// alternated run by run (each run starts with the next contender), each view in a fresh browser context.
// Per contender, medians over BANNER_RUNS runs (default 12):
// - banner frame: the first animation frame whose layout shows the accept-all button (probe.ts);
// - on screen: that frame or the first contentful paint, whichever is later (a frame is not seen
//   before the page's first paint);
// - layout shift: the first visit's CLS (the page alone's shows the page's own share);
// - bytes on the wire, as transferred (headers and compressed body): the requests the tool asks for
//   before its banner is shown plus what its embed adds to the page's HTML, and apart, those it asks
//   for afterwards while the first visit settles (prefetches, revalidations) (figures.ts);
// - returning visitor: after "accept all" and a second of reading on, the next view of the page,
//   navigation start to the granted analytics script having run.
// Budgets: our on-screen time and our returning-visitor time each <= the fastest peer's of this run, and
// our layout shift (median) <= the page alone's worst: the page shifts on its own in some runs (its grid
// reflows when it paints before the parser has added the second card); the banner and placeholders add none.
// Third parties are kept out by the host resolver rather than request interception, which would add
// its own round trip to every request and so to the figures.
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../e2e/harness/browser';
import { ANALYTICS, CONTENDERS, type Contender } from './contenders';
import { type Figures, figuresOf, type Sample, versusFastest } from './figures';
import { installProbe, readProbe, readTransfers } from './probe';
import { SERVE_ENV, serveBenchSite, startBenchServer } from './server';

const RUNS = Number(process.env.BANNER_RUNS ?? 12);
/** After the banner and the load event: late layout shifts are reported after the frame that made them. */
const SETTLE_MS = 500;
/**
 * From the choice stored to the next page view. A visitor reads on before going anywhere; and what a
 * tool does right after a choice (ours sends its signed receipt to the collector, which this bench
 * serves from the site's own server and process) must not be counted against the site's next page.
 */
const READ_ON_MS = 1_000;
const WAIT_MS = 15_000;

type Probed = Window & { __benchProbe: { acceptVisibleAt: number | null; analyticsRanAt: number | null } };

/** One first visit of `contender` in a fresh context, then (when it has a banner) accept all and come back. */
async function visit(browser: Browser, origin: string, contender: Contender): Promise<Sample> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    await installProbe(context, { accept: contender.accept, analytics: ANALYTICS });
    const page = await context.newPage();
    await page.goto(origin + contender.path, { waitUntil: 'load' });
    if (contender.accept)
      await page.waitForFunction(() => (window as unknown as Probed).__benchProbe.acceptVisibleAt !== null, null, {
        timeout: WAIT_MS,
        polling: 50,
      });
    await page.waitForTimeout(SETTLE_MS);
    const first = await readProbe(page);
    const transfers = await readTransfers(page);
    if (first.firstContentfulPaint === null) throw new Error(`${contender.name}: no first contentful paint`);
    let returning: number | null = null;
    if (contender.accept) {
      await page.click(contender.accept);
      // Accepting runs the granted script on this page too; the choice must be stored before coming back.
      await page.waitForFunction(() => (window as unknown as Probed).__benchProbe.analyticsRanAt !== null, null, {
        timeout: WAIT_MS,
      });
      await page.waitForFunction(contender.stored!, null, { timeout: WAIT_MS });
      await page.waitForTimeout(READ_ON_MS);
      await page.goto(origin + contender.path, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as Probed).__benchProbe.analyticsRanAt !== null, null, {
        timeout: WAIT_MS,
        polling: 50,
      });
      returning = (await readProbe(page)).analyticsRanAt;
    }
    return {
      bannerFrame: first.acceptVisibleAt,
      firstContentfulPaint: first.firstContentfulPaint,
      layoutShift: first.layoutShift,
      transfers,
      returning,
    };
  } catch (error) {
    throw new Error(`${contender.name}: ${(error as Error).message}`);
  } finally {
    await context.close();
  }
}

const ms = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} ms`);
const bytes = (x: number | null) => (x === null ? '—' : `${x.toLocaleString('en')} B`);

function table(figures: Figures[]): string {
  const rows = [
    ['contender', 'banner frame', 'FCP', 'on screen', 'CLS', 'bytes to banner', '+ after', 'returning visitor'],
    ...figures.map((f) => [
      f.name,
      ms(f.bannerFrame),
      ms(f.firstContentfulPaint),
      ms(f.onScreen),
      f.layoutShift.toFixed(4),
      bytes(f.bytes),
      bytes(f.bytesAfter),
      ms(f.returning),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}

async function main(): Promise<boolean> {
  const server = await startBenchServer();
  const browser = await launchBrowser([
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    // Chromium preloads its own UI pages (the omnibox popup) in a renderer of their own: about a second of
    // CPU on the machine's two cores, in the middle of whichever first visit runs then.
    '--disable-features=PreloadTopChromeWebUI',
  ]);
  const samples = new Map<string, Sample[]>(CONTENDERS.map((c) => [c.name, []]));
  const started = Date.now();
  try {
    // One view of each contender first, not counted: the server compresses each file once on its first request.
    for (const contender of CONTENDERS) await visit(browser, server.origin, contender);
    for (let run = 0; run < RUNS; run++) {
      // Each run starts one contender later, so none always goes first (or right after the same one).
      for (let i = 0; i < CONTENDERS.length; i++) {
        const contender = CONTENDERS[(run + i) % CONTENDERS.length];
        samples.get(contender.name)!.push(await visit(browser, server.origin, contender));
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const page = samples.get('page alone')!;
  const figures = CONTENDERS.map((c) => figuresOf(c.name, samples.get(c.name)!, page));
  const [ours, ...others] = figures;
  const peers = others.filter((f) => f.name !== 'page alone');

  // Two cores shared with whatever else runs: a loaded machine inflates every figure below.
  console.log(
    `${RUNS} runs of ${CONTENDERS.length} contenders, alternated, in ${((Date.now() - started) / 1000).toFixed(0)} s; load average (1 min) at the end: ${loadavg()[0].toFixed(2)}`,
  );
  console.log(`medians; fresh context per first visit; returning visitor = the next view after "accept all"\n`);
  console.log(table(figures));
  console.log('\nrequests counted (median transfer size; * asked for after the banner was shown):');
  for (const f of [ours, ...peers])
    console.log(
      `  ${f.name}: ${f.requests.map((r) => `${r.path} ${bytes(r.transferSize)}${r.beforeBanner ? '' : ' *'}`).join(', ') || 'none'}`,
    );
  const inFirstFrame = samples.get(ours.name)!.filter((s) => s.bannerFrame! <= s.firstContentfulPaint).length;
  console.log(`\n${ours.name}: banner frame no later than the first contentful paint in ${inFirstFrame}/${RUNS} runs`);

  let ok = true;
  for (const [figure, label] of [
    ['onScreen', 'banner on screen'],
    ['returning', 'returning visitor to the granted analytics script'],
  ] as const) {
    const versus = versusFastest(ours, peers, figure);
    if (!versus) {
      console.log(`budget, ${label}: not measured — FAILED`);
      ok = false;
      continue;
    }
    ok &&= versus.ok;
    console.log(
      `budget, ${label}: ours ${ms(versus.ours)} <= the fastest peer's (${versus.fastest.name}, ${ms(versus.fastest.value)}): ${versus.ok ? 'within budget' : 'OVER BUDGET'}`,
    );
  }
  const alone = others.find((f) => f.name === 'page alone')!;
  const okShift = ours.layoutShift <= alone.layoutShiftWorst;
  console.log(
    `budget, layout shift of a first visit: ours ${ours.layoutShift.toFixed(4)} (median) <= the page alone's worst (${alone.layoutShiftWorst.toFixed(4)}, median ${alone.layoutShift.toFixed(4)}): ${okShift ? 'within budget' : 'OVER BUDGET'}`,
  );
  return ok && okShift;
}

if (process.env[SERVE_ENV]) await serveBenchSite();
else process.exit((await main()) ? 0 : 1);
