// The demo site, scanned as its owner would scan it (`consent-ledger scan` with no flag but outputs):
// clean, and its cookie declaration names every cookie the demo's stand-ins set.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consentLedger } from './harness/scan-site';
import { type Collector, startCollector } from './harness/server';

let collector: Collector;
let out: string;
beforeAll(async () => {
  collector = await startCollector();
  out = await mkdtemp(join(tmpdir(), 'cl-scan-demo-'));
});
afterAll(async () => {
  await collector?.stop();
  await rm(out, { recursive: true, force: true });
});

it('scans the demo clean and declares every demo cookie', { timeout: 300_000 }, async () => {
  const [json, declaration] = [join(out, 'demo.json'), join(out, 'cookies.html')];
  const run = await consentLedger(['scan', `${collector.origin}/`, '--json', json, '--declaration', declaration]);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout.trim().split('\n').at(-1)).toBe('no findings');
  const report = JSON.parse(await readFile(json, 'utf8'));
  expect(report).toMatchObject({ site: 'demo', complete: true, findings: [] });
  const pages = (skipped: boolean) =>
    report.pages
      .filter((p: { skipped?: string }) => Boolean(p.skipped) === skipped)
      .map((p: { url: string }) => new URL(p.url).pathname);
  expect(pages(false).sort()).toEqual(['/', '/confidentialite.html', '/de.html', '/en.html', '/nl.html']);
  // clikodoc.html carries another site's tag: not this site's page.
  expect(pages(true)).toEqual(['/clikodoc.html']);

  const html = await readFile(declaration, 'utf8');
  expect(html).toContain('<html lang="fr">');
  // Every cookie the demo's stand-ins set (apps/demo/README.md), in its service's section, with a duration.
  const section = (purpose: string) =>
    html.slice(html.indexOf(`<section id="purpose-${purpose}">`)).split('</section>')[0];
  const row = (name: string) =>
    new RegExp(
      `<th scope="row"><code>${name}</code></th><td>cookie</td><td>127\\.0\\.0\\.1 \\(site\\)</td><td>\\d+\\s(mois|an)`,
    );
  expect(section('analytics')).toMatch(row('_ga'));
  expect(section('analytics')).toMatch(row('_ga_DEMO123'));
  expect(section('marketing')).toMatch(row('li_sugr'));
  expect(section('maps')).toMatch(row('NID'));
  expect(section('necessary')).toContain('<code>consent-ledger:decision:demo</code>');
  const cookies = new Set(
    report.pages.flatMap((p: { passes: Record<string, { cookies: { name: string }[] }> }) =>
      Object.values(p.passes).flatMap((pass) => pass.cookies.map((c) => c.name)),
    ),
  );
  expect([...cookies].sort()).toEqual(['NID', '_ga', '_ga_DEMO123', 'cl_consent', 'li_sugr']);
  expect(section('necessary')).toMatch(row('cl_consent'));
});
