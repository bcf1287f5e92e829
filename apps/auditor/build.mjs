// Builds dist/ for `consent-ledger serve` to serve at /audit/: app.js (minified ES module, Preact
// and protocol bundled), app.css, index.html referring to both by relative URLs, and the console
// preview's frame helper preview-frame.js with the stand-in page's preview-frame.css.

import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'dist'), { recursive: true });

await build({
  absWorkingDir: here,
  entryPoints: { app: 'src/main.tsx', 'preview-frame': 'src/sites/preview/frame.ts' },
  outdir: 'dist',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(here, 'index.html'), join(here, 'dist/index.html'));
