// Worker threads run plain JavaScript: tests bundle a worker script as the server build does.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** Bundles the worker entry `entry` (a URL of this package's sources) into `dir`; better-sqlite3, a native addon, stays external at its installed path. */
export async function bundleWorker(entry: URL, dir: string): Promise<URL> {
  const outfile = join(dir, entry.pathname.split('/').pop()!.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [entry.pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'native-addons',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: require.resolve('better-sqlite3'),
            external: true,
          }));
        },
      },
    ],
  });
  return pathToFileURL(outfile);
}
