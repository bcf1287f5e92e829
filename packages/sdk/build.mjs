// Builds dist/consent.js, the script-tag bundle (runtime + banner + styles, one minified IIFE), and
// dist/consent.meta.json (esbuild's metafile: what each module costs). With --size-tests, also
// bundles every size-tests/*.ts entry the same way into dist/size-tests/, for bench/size.
import { build } from 'esbuild';
import { writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Property names that never leave the bundle, shortened like variables (about 260 B brotli): Preact's
// private two-letter fields (`__k`, `__e`...) and its component and option API names (consent.js is a
// closed world: no Preact add-on, devtools or outside component shares this copy), and our own internal
// option, state and component names. Anything stored (IndexedDB), sent, or part of the public API is
// not here. Before adding a name, check that no DOM or built-in API uses it (`mode`, `before`, `reject`,
// `type`, `key` do) and that Preact never compares it as a string (`ref`, `key`, `children` it does).
// JSX goes through src/ui/jsx-runtime.ts, Preact's createElement, rather than preact/jsx-runtime.
const INTERNAL_PROPS = /^(__[a-zA-Z]|onEmbeds|onAck|allowed|loadOnce|revoke|getMany|retry|opener|reopen|offs|openFrom|announce|refresh|said|draft|snap|rt|componentDidMount|componentWillUnmount|componentDidUpdate|componentWillMount|componentWillReceiveProps|componentWillUpdate|componentDidCatch|getDerivedStateFromError|getDerivedStateFromProps|getSnapshotBeforeUpdate|shouldComponentUpdate|getChildContext|contextType|defaultProps|vnode|diffed|debounceRendering|unmount|forceUpdate|setState|props|context)$/;

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
  drop: ['debugger'],
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: here,
};

const result = await build({ ...options, entryPoints: ['src/embed.ts'], outfile: 'dist/consent.js' });
writeFileSync(join(here, 'dist/consent.meta.json'), JSON.stringify(result.metafile));

if (process.argv.includes('--size-tests')) {
  mkdirSync(join(here, 'dist/size-tests'), { recursive: true });
  for (const file of readdirSync(join(here, 'size-tests')).filter((f) => f.endsWith('.ts'))) {
    await build({ ...options, metafile: false, entryPoints: [`size-tests/${file}`], outfile: `dist/size-tests/${file.replace(/\.ts$/, '.js')}` });
  }
}
