// Bundle size of the SDK for each realistic import pattern (packages/sdk/size-tests/*.ts), built with
// the very options of consent.js (packages/sdk/build.mjs --size-tests): raw, gzip and brotli bytes
// against each entry's budget (size-tests/budgets.json). Also lists what costs most in consent.js, and
// the auditor UI's first load and console against theirs (apps/auditor/size/budgets.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { testCollector } from '@consent-ledger/collector/testing';
import { type BuiltFile, consoleLoad, firstLoad, totalBrotli } from '../../apps/auditor/size/first-load';

interface Budget {
  brotli: number;
  aim?: number;
  note?: string;
}

/** The workspace root: the nearest folder above this file holding pnpm-workspace.yaml (this file runs bundled from bench/.tmp). */
function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('workspace root not found');
    dir = up;
  }
  return dir;
}

const sdk = join(workspaceRoot(), 'packages/sdk');
const built = spawnSync(process.execPath, [join(sdk, 'build.mjs'), '--size-tests'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const { chunk, ...budgets } = JSON.parse(readFileSync(join(sdk, 'size-tests/budgets.json'), 'utf8')) as Record<
  string,
  Budget
>;
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
let over = 0;

console.log(
  `${'entry'.padEnd(12)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}   budget (brotli)`,
);
for (const file of readdirSync(join(sdk, 'dist/size-tests'))
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  const name = file.replace(/\.js$/, '');
  const bytes = readFileSync(join(sdk, 'dist/size-tests', file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = budgets[name];
  const verdict = !budget
    ? 'no budget'
    : brotli > budget.brotli
      ? `OVER BUDGET by ${brotli - budget.brotli} B`
      : budget.aim && brotli > budget.aim
        ? `ok, ${budget.brotli - brotli} B to spare (${brotli - budget.aim} B above aim)`
        : 'ok, at or under aim';
  if (!budget || brotli > budget.brotli) over += 1;
  const limits = budget ? `<= ${kb(budget.brotli)}${budget.aim ? `, aim ${kb(budget.aim)}` : ''}` : '';
  console.log(
    `${name.padEnd(12)} ${String(bytes.length).padStart(9)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}   ${limits}  ${verdict}`,
  );
}

// consent.js's lazily loaded chunks (prefetched when idle, or loaded on a click): each has the chunk budget.
const chunkBudget = chunk;
for (const file of readdirSync(join(sdk, 'dist'))
  .filter((f) => /^consent-[a-z]+\.[0-9a-f]{12}\.js$/.test(f))
  .sort()) {
  const bytes = readFileSync(join(sdk, 'dist', file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (brotli > chunkBudget.brotli) over += 1;
  const verdict = brotli > chunkBudget.brotli ? `OVER BUDGET by ${brotli - chunkBudget.brotli} B` : 'ok';
  console.log(
    `${file.split('.')[0].padEnd(14)} ${String(bytes.length).padStart(7)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}   <= ${kb(chunkBudget.brotli)} (lazy chunk)  ${verdict}`,
  );
}

// The per-site script as the collector serves it (the code plus a site's config and notice in one language),
// brotli, for every fixture site and language: the largest is held to its own budget.
const siteBudget = budgets['site-script'];
console.log(`\nper-site script (/v1/sites/:site/consent.js?lang=…, as served, brotli), <= ${kb(siteBudget.brotli)}:`);
for (const name of ['clikodoc', 'clickcare', 'cabinet-praticien', 'europraxis', 'demo']) {
  const h = await testCollector({ site: name, embed: { dir: join(sdk, 'dist') } });
  const sizes = new Map<string, number>();
  for (const lang of h.config.languages) {
    const res = await h.collector.app.request(`/v1/sites/${h.config.site}/consent.js?lang=${lang}`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    sizes.set(lang, (await res.arrayBuffer()).byteLength);
  }
  await h.dispose();
  const [lang, largest] = [...sizes].sort((a, b) => b[1] - a[1])[0];
  if (largest > siteBudget.brotli) over += 1;
  const smallest = Math.min(...sizes.values());
  console.log(
    `  ${name.padEnd(18)} ${String(largest).padStart(6)} B (${lang}, the largest of ${sizes.size}; smallest ${smallest} B)  ${largest > siteBudget.brotli ? `OVER BUDGET by ${largest - siteBudget.brotli} B` : 'ok'}`,
  );
}

// Where consent.js's bytes go (minified, before compression), so a regression points at its cause.
const meta = JSON.parse(readFileSync(join(sdk, 'dist/consent.meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
};
const groups = new Map<string, number>();
for (const [input, { bytesInOutput }] of Object.entries(Object.values(meta.outputs)[0].inputs)) {
  const group = input.includes('node_modules')
    ? input.replace(/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+).*/, '$1')
    : input.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '');
  groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
}
console.log('\nconsent.js, minified bytes by origin:');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]))
  console.log(`  ${group.padEnd(22)} ${String(bytes).padStart(7)}`);
// The auditor UI (/audit/), built into a folder of its own: what an auditor loads before any click, and
// what opening Sites adds for an admin.
const auditorDir = join(workspaceRoot(), 'apps/auditor');
const auditorOut = mkdtempSync(join(tmpdir(), 'auditor-size-'));
if (
  spawnSync(process.execPath, [join(auditorDir, 'build.mjs'), '--out', auditorOut], { stdio: 'inherit' }).status !== 0
)
  process.exit(1);
const auditorBudgets = JSON.parse(readFileSync(join(auditorDir, 'size/budgets.json'), 'utf8')) as Record<
  string,
  Budget
>;
console.log('\nauditor UI (/audit/), brotli:');
for (const [name, files] of [
  ['first-load', firstLoad(auditorOut)],
  ['console', consoleLoad(auditorOut)],
] as Array<[string, BuiltFile[]]>) {
  const size = totalBrotli(files);
  const budget = auditorBudgets[name].brotli;
  if (size > budget) over += 1;
  console.log(
    `  ${name.padEnd(12)} ${String(size).padStart(7)} B  <= ${kb(budget)}  ${size > budget ? `OVER BUDGET by ${size - budget} B` : `ok, ${budget - size} B to spare`}`,
  );
  for (const f of files)
    console.log(`    ${f.file.padEnd(24)} ${String(f.raw).padStart(8)} raw ${String(f.brotli).padStart(7)} brotli`);
}
rmSync(auditorOut, { recursive: true, force: true });
process.exit(over > 0 ? 1 : 0);
