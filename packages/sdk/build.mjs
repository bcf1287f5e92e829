// Builds dist/consent.js, the script-tag bundle (runtime, banner, placeholders and their styles, one
// minified IIFE), its lazily loaded chunks dist/consent-<name>.<hash>.js (CHUNKS below: what only a
// click opens, and what talks to the collector once a choice was made), dist/autoblock.js (automatic
// blocking, loaded only by pages that ask for it), and their metafiles
// (dist/consent.meta.json, consent-<name>.meta.json: what each module costs). With --size-tests, also
// bundles every size-tests/*.ts entry the same way into dist/size-tests/, for bench/size.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const tsconfigBase = JSON.parse(readFileSync(join(here, '../../tsconfig.base.json'), 'utf8'));

// Property names that never leave the bundle, shortened like variables: Preact's private fields
// (`__k`, `__e`...: consent.js and its views are a closed world, no Preact add-on or devtools share
// this copy), and our own internal option, state and component names. Anything stored (IndexedDB),
// sent, or part of the public API is not here. Before adding a name, check that no DOM or built-in
// API uses it (`mode`, `before`, `reject`, `type`, `key`, `open`, `close`, `root` do), that no config
// or stored field has it (`theme.reopen`, `doc` of the cached config do) and that Preact
// never reads it by name (`ref`, `key`, `children`, `props` it does).
const INTERNAL_PROPS =
  /^(__[a-zA-Z]|onEmbeds|onAck|allowed|loadOnce|revoke|getMany|retry|openFrom|draft|snap|items|accept|save|store|outbox|device|publish|applyDocument|adopt|enforce|flush|views|opener|reopenButton|offs|lastChoices|asks|asked|reply|prefetched|fetchViews|flip|announce|refresh|said|box|frame|shown|andClose|componentDidMount|componentWillUnmount|componentDidUpdate|componentWillMount|componentWillReceiveProps|componentWillUpdate|componentDidCatch|getDerivedStateFromError|getDerivedStateFromProps|getSnapshotBeforeUpdate|shouldComponentUpdate|getChildContext|contextType|defaultProps|vnode|diffed|debounceRendering|unmount|forceUpdate|setState|props|context|state)$/;

/** consent.js's lazily loaded chunks: each built from its entry, named by its content. */
const CHUNKS = [
  // What only a click opens: the dialog, the history view and their kin, drawn with consent.js's Preact.
  { name: 'views', entry: 'src/ui/views/chunk.ts', alias: { preact: './src/ui/views/preact-shared.ts' } },
  // What talks to the collector once a choice was made: the outbox, the proof file.
  { name: 'sync', entry: 'src/sync-chunk.ts', alias: {} },
];

/** A chunk's file name in consent.js until the chunk is built (as long as the real one: 12 hex digits). */
const placeholder = (name) => `consent-${name}.@@@@@@@@@@@@.js`;

/** consent.js loads its chunks as separate scripts (src/chunk-script.ts), not by import(). */
const chunksByScript = {
  name: 'chunks-by-script',
  setup(b) {
    b.onResolve({ filter: /\/load-(views|sync)$/ }, (args) => ({
      path: join(args.resolveDir, `${args.path.split('/').pop()}-script.ts`),
    }));
  },
};

/** One set of options for the real bundle and its size tests, so they measure the same thing. */
const options = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  // The classic JSX transform with Preact's createElement (src/ui/jsx-factory.ts says why), every other
  // TypeScript setting as the workspace has it.
  tsconfigRaw: {
    compilerOptions: {
      ...tsconfigBase.compilerOptions,
      jsx: 'react',
      jsxFactory: 'createElement',
      jsxFragmentFactory: 'Fragment',
    },
  },
  inject: ['./src/ui/jsx-factory.ts'],
  legalComments: 'none',
  mangleProps: INTERNAL_PROPS,
  define: Object.fromEntries(
    CHUNKS.map((c) => [`__CONSENT_${c.name.toUpperCase()}__`, JSON.stringify(placeholder(c.name))]),
  ),
  plugins: [chunksByScript],
  drop: ['debugger'],
  metafile: true,
  write: false,
  logLevel: 'warning',
  absWorkingDir: here,
};

/** Builds `entry` as consent.js is built (mangled names kept in `mangleCache`, asked for so esbuild returns it). */
const bundle = (entry, mangleCache = {}) => build({ ...options, entryPoints: [entry], mangleCache });

/** Writes the chunks' names into a bundle's code. */
const named = (code, names) => CHUNKS.reduce((text, c) => text.replace(placeholder(c.name), names[c.name]), code);

// `--out DIR` builds elsewhere than dist/ (the size test builds its own copy, so it never races another build).
const outAt = process.argv.indexOf('--out');
const dist = outAt > 0 ? process.argv[outAt + 1] : join(here, 'dist');
mkdirSync(dist, { recursive: true });

// consent.js first: its chunks share its mangled names (the mangle cache), then their content hashes
// name them inside consent.js.
const main = await bundle('src/embed.ts');
const names = {};
for (const file of readdirSync(dist)) if (/^consent-[a-z]+\.[0-9a-f]{12}\.js$/.test(file)) rmSync(join(dist, file));
for (const chunk of CHUNKS) {
  if (!main.outputFiles[0].text.includes(placeholder(chunk.name)))
    throw new Error(`consent.js does not name its ${chunk.name} chunk`);
  const result = await build({
    ...options,
    entryPoints: [chunk.entry],
    alias: chunk.alias,
    mangleCache: main.mangleCache,
  });
  const code = result.outputFiles[0].contents;
  names[chunk.name] = `consent-${chunk.name}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  writeFileSync(join(dist, names[chunk.name]), code);
  writeFileSync(join(dist, `consent-${chunk.name}.meta.json`), JSON.stringify(result.metafile));
}
writeFileSync(join(dist, 'consent.js'), named(main.outputFiles[0].text, names));
writeFileSync(join(dist, 'consent.meta.json'), JSON.stringify(main.metafile));
// Automatic blocking, its own file: only pages that ask for it (data-autoblock) load it.
const autoblock = await build({
  ...options,
  metafile: false,
  entryPoints: ['src/autoblock.ts'],
  mangleCache: main.mangleCache,
});
writeFileSync(join(dist, 'autoblock.js'), autoblock.outputFiles[0].contents);

if (process.argv.includes('--size-tests')) {
  mkdirSync(join(dist, 'size-tests'), { recursive: true });
  for (const file of readdirSync(join(here, 'size-tests')).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )) {
    const result = await bundle(`size-tests/${file}`, main.mangleCache);
    writeFileSync(join(dist, 'size-tests', file.replace(/\.ts$/, '.js')), named(result.outputFiles[0].text, names));
  }
}
