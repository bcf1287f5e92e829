// Builds dist/consent.js, the script-tag bundle (runtime, banner, placeholders and their styles, one
// minified IIFE), its lazily loaded views dist/consent-views.<hash>.js (the dialog, the history view
// and everything else that only opens on a click), dist/autoblock.js (automatic blocking, loaded only by
// pages that ask for it), and dist/consent.meta.json / consent-views.meta.json
// (esbuild's metafiles: what each module costs). With --size-tests, also bundles every
// size-tests/*.ts entry the same way into dist/size-tests/, for bench/size and the size test.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

// Property names that never leave the bundle, shortened like variables: Preact's private fields
// (`__k`, `__e`...: consent.js and its views are a closed world, no Preact add-on or devtools share
// this copy), and our own internal option, state and component names. Anything stored (IndexedDB),
// sent, or part of the public API is not here. Before adding a name, check that no DOM or built-in
// API uses it (`mode`, `before`, `reject`, `type`, `key`, `open`, `close`, `root` do) and that Preact
// never reads it by name (`ref`, `key`, `children`, `props` it does).
const INTERNAL_PROPS =
  /^(__[a-zA-Z]|onEmbeds|onAck|allowed|loadOnce|revoke|getMany|retry|openFrom|draft|snap|items|accept|save|store|outbox|device|publish|applyDocument|adopt|enforce|flush|views|opener|reopen|offs|lastChoices|prefetched|fetchViews|flip|announce|refresh|said|box|frame|shown|andClose|componentDidMount|componentWillUnmount|componentDidUpdate|componentWillMount|componentWillReceiveProps|componentWillUpdate|componentDidCatch|getDerivedStateFromError|getDerivedStateFromProps|getSnapshotBeforeUpdate|shouldComponentUpdate|getChildContext|contextType|defaultProps|vnode|diffed|debounceRendering|unmount|forceUpdate|setState|props|context|state)$/;

/** The chunk's file name in consent.js until the chunk is built (as long as the real one: 12 hex digits). */
const VIEWS_PLACEHOLDER = 'consent-views.@@@@@@@@@@@@.js';

/** consent.js loads its views as a separate script (src/ui/load-views-script.ts), not by import(). */
const viewsByScript = {
  name: 'views-by-script',
  setup(b) {
    b.onResolve({ filter: /\/load-views$/ }, (args) => ({ path: join(args.resolveDir, 'load-views-script.ts') }));
  },
};

/** One set of options for the real bundle and its size tests, so they measure the same thing. */
const options = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  mangleProps: INTERNAL_PROPS,
  alias: { 'preact/jsx-runtime': './src/ui/jsx-runtime.ts' },
  define: { __CONSENT_VIEWS__: JSON.stringify(VIEWS_PLACEHOLDER) },
  plugins: [viewsByScript],
  drop: ['debugger'],
  metafile: true,
  write: false,
  logLevel: 'warning',
  absWorkingDir: here,
};

/** Builds `entry` as consent.js is built (mangled names kept in `mangleCache`, asked for so esbuild returns it); returns its code and build result, with the views' chunk name written in. */
async function bundle(entry, chunkName, mangleCache = {}) {
  const result = await build({ ...options, entryPoints: [entry], mangleCache });
  const code = result.outputFiles[0].text;
  return { code: chunkName ? code.replace(VIEWS_PLACEHOLDER, chunkName) : code, result };
}

const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });

// consent.js first: the views share its Preact and its mangled names (the mangle cache), then their
// content hash names the chunk inside consent.js.
const main = await bundle('src/embed.ts');
if (!main.code.includes(VIEWS_PLACEHOLDER)) throw new Error('consent.js does not name its views chunk');
const views = await build({
  ...options,
  entryPoints: ['src/ui/views/chunk.ts'],
  // The chunk draws with consent.js's Preact (handed over at load), never a copy of its own.
  alias: { ...options.alias, preact: './src/ui/views/preact-shared.ts' },
  mangleCache: main.result.mangleCache,
});
const viewsCode = views.outputFiles[0].contents;
const viewsName = `consent-views.${createHash('sha256').update(viewsCode).digest('hex').slice(0, 12)}.js`;
for (const file of readdirSync(dist)) if (/^consent-views\.[0-9a-f]{12}\.js$/.test(file)) rmSync(join(dist, file));
writeFileSync(join(dist, viewsName), viewsCode);
writeFileSync(join(dist, 'consent.js'), main.code.replace(VIEWS_PLACEHOLDER, viewsName));
writeFileSync(join(dist, 'consent.meta.json'), JSON.stringify(main.result.metafile));
writeFileSync(join(dist, 'consent-views.meta.json'), JSON.stringify(views.metafile));
// Automatic blocking, its own file: only pages that ask for it (data-autoblock) load it.
const autoblock = await build({ ...options, metafile: false, entryPoints: ['src/autoblock.ts'], mangleCache: main.result.mangleCache });
writeFileSync(join(dist, 'autoblock.js'), autoblock.outputFiles[0].contents);

if (process.argv.includes('--size-tests')) {
  mkdirSync(join(dist, 'size-tests'), { recursive: true });
  for (const file of readdirSync(join(here, 'size-tests')).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )) {
    const { code } = await bundle(`size-tests/${file}`, viewsName, main.result.mangleCache);
    writeFileSync(join(dist, 'size-tests', file.replace(/\.ts$/, '.js')), code);
  }
}
