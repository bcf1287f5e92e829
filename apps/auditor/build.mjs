// Builds dist/ for `consent-ledger serve` to serve at /audit/: index.html referring to app.css and
// app.js (minified ES module, Preact and protocol bundled), all an auditor loads; the console (Sites:
// list, editor, live preview), which only an admin opens, as content-addressed files that app.js
// fetches then: its chunk console.<hash>.js (with chunk.<hash>.js, code it shares with app.js, if
// esbuild splits some off) and its style sheet console.<hash>.css; and the preview's frame helper
// preview-frame.js with the stand-in page's preview-frame.css (run inside the preview's sandboxed
// frame, so one file imports nothing). `--out DIR` builds elsewhere than dist/ (the size test builds
// its own copy).

import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outAt = process.argv.indexOf('--out');
const dist = outAt > 0 ? process.argv[outAt + 1] : join(here, 'dist');
mkdirSync(dist, { recursive: true });
// The previous build's content-addressed files: a page still open on them reloads (load-console.tsx).
for (const file of readdirSync(dist)) if (/^[a-z-]+\.[A-Z0-9]{8}\.(js|css)$/.test(file)) rmSync(join(dist, file));

const options = {
  absWorkingDir: here,
  outdir: dist,
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

// The console's style sheet first: app.js names it.
const css = await build({ ...options, entryPoints: ['src/sites/console.css'], entryNames: '[name].[hash]' });
const consoleCss = Object.keys(css.metafile.outputs)
  .find((path) => path.endsWith('.css'))
  .split('/')
  .pop();

const jsx = { jsx: 'automatic', jsxImportSource: 'preact', format: 'esm' };
await build({
  ...options,
  ...jsx,
  entryPoints: { app: 'src/main.tsx' },
  splitting: true,
  chunkNames: '[name].[hash]',
  define: { __CONSOLE_CSS__: JSON.stringify(consoleCss) },
});
await build({ ...options, ...jsx, entryPoints: { 'preview-frame': 'src/sites/preview/frame.ts' } });
copyFileSync(join(here, 'index.html'), join(dist, 'index.html'));
