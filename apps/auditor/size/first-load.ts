// What the auditor UI's build (apps/auditor/dist, or a copy built elsewhere) makes a browser download:
// its first load, before any click (the page, what the page names, and every module app.js imports
// statically), and the console, which app.js imports only when an admin opens Sites. Read from the
// files themselves, as the browser reads them, so the figure cannot drift from what is served.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export interface BuiltFile {
  file: string;
  raw: number;
  brotli: number;
}

/** Brotli at its best quality: how the server compresses a static file once, ahead of serving it. */
export function brotliSize(bytes: Uint8Array): number {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** The files a page or module names relatively: the page's `src`/`href`, a module's static imports (not `import()`). */
function named(file: string, text: string): string[] {
  const pattern = file.endsWith('.html') ? /(?:src|href)="\.\/([^"]+)"/g : /(?:\bfrom|\bimport)\s*"\.\/([^"]+)"/g;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

/** `roots` and every file they name, transitively, skipping `except`. */
function closure(dist: string, roots: string[], except = new Set<string>()): BuiltFile[] {
  const seen = new Set<string>();
  const files: BuiltFile[] = [];
  const visit = (file: string) => {
    if (seen.has(file) || except.has(file)) return;
    seen.add(file);
    const bytes = readFileSync(join(dist, file));
    files.push({ file, raw: bytes.length, brotli: brotliSize(bytes) });
    for (const next of named(file, bytes.toString('utf8'))) visit(next);
  };
  for (const root of roots) visit(root);
  return files;
}

/** Everything an auditor loads before any click: index.html, app.css, app.js and its static imports. */
export function firstLoad(dist: string): BuiltFile[] {
  return closure(dist, ['index.html']);
}

/** What opening Sites adds: the console chunk and style sheet app.js names, and any module they import that the first load has not. */
export function consoleLoad(dist: string): BuiltFile[] {
  const app = readFileSync(join(dist, 'app.js'), 'utf8');
  const chunk = /\bimport\("\.\/(console\.[A-Za-z0-9]+\.js)"\)/.exec(app)?.[1];
  const sheet = /"(console\.[A-Za-z0-9]+\.css)"/.exec(app)?.[1];
  if (!chunk || !sheet) throw new Error('app.js does not name the console chunk and its style sheet');
  return closure(dist, [chunk, sheet], new Set(firstLoad(dist).map((f) => f.file)));
}

/** The sum of the files' brotli sizes. */
export const totalBrotli = (files: BuiltFile[]) => files.reduce((sum, f) => sum + f.brotli, 0);
