// The auditor UI's size budgets as a test on the built files (bench/size prints the same figures): its
// first load is all an auditor downloads before any click; the console is fetched only when an admin
// opens Sites. Built here into a folder of its own, with build.mjs itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '@consent-ledger/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import budgets from './budgets.json';
import { consoleLoad, firstLoad, totalBrotli } from './first-load';

const auditor = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'auditor-size-'));
/** The files' text, with the bundler's `\\uXXXX` escapes of non-ASCII characters read back. */
const text = (files: { file: string }[]) =>
  files
    .map((f) => readFileSync(join(out, f.file), 'utf8'))
    .join('\n')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(auditor, 'build.mjs'), '--out', out], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('auditor UI size budgets (brotli)', () => {
  it('the first load, all an auditor downloads before any click', () => {
    const files = firstLoad(out);
    const size = totalBrotli(files);
    console.log(`auditor first load: ${size} B brotli (budget ${budgets['first-load'].brotli} B)`);
    expect(files.map((f) => f.file).slice(0, 3)).toEqual(['index.html', 'app.css', 'app.js']);
    expect(size).toBeLessThanOrEqual(budgets['first-load'].brotli);
  });

  it('carries none of the console: its code, its styles, the 20 catalogs the UI does not speak', () => {
    const first = text(firstLoad(out));
    const lazy = text(consoleLoad(out));
    // The preview's sandbox, the console's styles, a Greek banner title: each in the console only.
    for (const only of ['allow-popups-to-escape-sandbox', '.preview-frame', catalogs.el.texts['banner.title']]) {
      expect(lazy.includes(only), `${only} in the console`).toBe(true);
      expect(first.includes(only), `${only} in the first load`).toBe(false);
    }
  });

  it('the console, which opening Sites adds', () => {
    const size = totalBrotli(consoleLoad(out));
    console.log(`auditor console: ${size} B brotli (budget ${budgets.console.brotli} B)`);
    expect(size).toBeLessThanOrEqual(budgets.console.brotli);
  });
});
