// The size budgets as a test on the built files (bench/size prints the same figures): consent.js is
// everything a first-time visitor loads before touching the banner, and each chunk it loads later
// (when idle, or on a click) stays small. Built here into a folder of its own, with build.mjs itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import budgets from './budgets.json';

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'consent-size-'));

/** Brotli at its best quality: how a static file is compressed once, ahead of serving. */
const brotli = (bytes: Uint8Array) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(sdk, 'build.mjs'), '--size-tests', '--out', out], {
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('size budgets (brotli)', () => {
  it('consent.js, all a first-time visitor loads before touching the banner', () => {
    const size = brotli(readFileSync(join(out, 'consent.js')));
    console.log(`consent.js: ${size} B brotli (budget ${budgets['script-tag'].brotli} B)`);
    expect(size).toBeLessThanOrEqual(budgets['script-tag'].brotli);
    // The size-test entry of the script tag is consent.js itself.
    expect(brotli(readFileSync(join(out, 'size-tests/script-tag.js')))).toBe(size);
  });

  it('the headless runtime', () => {
    expect(brotli(readFileSync(join(out, 'size-tests/headless.js')))).toBeLessThanOrEqual(budgets.headless.brotli);
  });

  it('each lazily loaded chunk, which consent.js names by its content hash', () => {
    const main = readFileSync(join(out, 'consent.js'), 'utf8');
    const chunks = readdirSync(out).filter((f) => /^consent-[a-z]+\.[0-9a-f]{12}\.js$/.test(f));
    expect(chunks.map((f) => f.split('.')[0]).sort()).toEqual(['consent-sync', 'consent-views']);
    for (const file of chunks) {
      const size = brotli(readFileSync(join(out, file)));
      console.log(`${file}: ${size} B brotli (budget ${budgets.chunk.brotli} B)`);
      expect(size, file).toBeLessThanOrEqual(budgets.chunk.brotli);
      expect(main, `consent.js names ${file}`).toContain(file);
    }
  });
});
