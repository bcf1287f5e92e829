// Bundles the `consent-ledger` command into dist/cli.js: our workspace packages (TypeScript
// sources) and pure-JS dependencies inlined; better-sqlite3 (a native addon), pg and playwright-core
// (loaded by `scan` only, with files of its own) stay external and are resolved from
// apps/server/node_modules at run time. dist/verify-worker.js is the
// verification worker thread's script, dist/sqlite-writer.js the SQLite store's writer thread's.
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'dist/cli.js');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: [join(here, 'src/cli.ts')],
  outfile,
  external: ['better-sqlite3', 'pg', 'pg-native', 'playwright-core'],
  // Bundled CommonJS code may call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
chmodSync(outfile, 0o755);
// The receipt verification worker, started by `serve --verify-threads N` next to cli.js.
await esbuild.build({
  ...common,
  entryPoints: [join(here, '../../packages/collector/src/verify-worker.ts')],
  outfile: join(here, 'dist/verify-worker.js'),
});
// The SQLite writer thread, started by `serve` next to cli.js (better-sqlite3 resolved as for cli.js).
await esbuild.build({
  ...common,
  entryPoints: [join(here, '../../packages/collector/src/store/sqlite-writer-worker.ts')],
  outfile: join(here, 'dist/sqlite-writer.js'),
  external: ['better-sqlite3'],
});
