// Builds dist/consent.js, the script-tag bundle (runtime + banner + styles, one minified IIFE),
// dist/autoblock.js (automatic blocking, loaded only by pages that ask for it), and
// dist/consent.meta.json (esbuild's metafile: what each module costs). With --size-tests, also
// bundles every size-tests/*.ts entry the same way into dist/size-tests/, for bench/size.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

// Property names that never leave the bundle, shortened like variables: our own internal option,
// state and callback names. Anything stored (IndexedDB), sent, or part of the public API is not here.
// Before adding a name, check that no DOM or built-in API uses it (`mode`, `before`, `reject`, `type`,
// `key`, `open`, `close`, `root` do).
const INTERNAL_PROPS =
  /^(onEmbeds|onAck|allowed|loadOnce|revoke|getMany|retry|openFrom|draft|snap|items|accept|save|store|outbox|device|publish|applyDocument|adopt|enforce|flush)$/;

/** One set of options for the real bundle and its size tests, so they measure the same thing. */
const options = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  mangleProps: INTERNAL_PROPS,
  drop: ['debugger'],
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: here,
};

const result = await build({ ...options, entryPoints: ['src/embed.ts'], outfile: 'dist/consent.js' });
writeFileSync(join(here, 'dist/consent.meta.json'), JSON.stringify(result.metafile));
// Automatic blocking, its own file: only pages that ask for it (data-autoblock) load it.
await build({ ...options, metafile: false, entryPoints: ['src/autoblock.ts'], outfile: 'dist/autoblock.js' });

if (process.argv.includes('--size-tests')) {
  mkdirSync(join(here, 'dist/size-tests'), { recursive: true });
  for (const file of readdirSync(join(here, 'size-tests')).filter((f) => f.endsWith('.ts'))) {
    await build({
      ...options,
      metafile: false,
      entryPoints: [`size-tests/${file}`],
      outfile: `dist/size-tests/${file.replace(/\.ts$/, '.js')}`,
    });
  }
}
