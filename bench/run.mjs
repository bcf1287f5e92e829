#!/usr/bin/env node
// Benchmark runner: `node bench/run.mjs [name...]` bundles bench/<name>/index.ts with esbuild and
// runs it with node, output streamed; with no name, every bench/<name>/index.ts runs in turn.
// Our workspace packages export TypeScript sources, so they are bundled; every other package
// stays external, resolved where its importer lives (pnpm gives each workspace package its own
// node_modules, so one output file cannot find them by name).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const benchDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(benchDir, '.tmp');
const builtins = new Set(builtinModules);

/** Every bench: a folder of bench/ holding an index.ts. */
function allBenches() {
  return readdirSync(benchDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(benchDir, name, 'index.ts')))
    .sort();
}

/** Marks third-party packages external at the absolute path esbuild resolves them to from their importer. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@consent-ledger/')) return undefined;
      if (args.path.startsWith('node:') || builtins.has(args.path.split('/')[0]))
        return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

async function bundle(name) {
  const outfile = join(outDir, `${name}.mjs`);
  await esbuild.build({
    entryPoints: [join(benchDir, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [externalDependencies],
  });
  return outfile;
}

function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const known = allBenches();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${known.join(', ') || 'none'})`);
  process.exit(2);
}
let failed = 0;
for (const name of requested.length > 0 ? requested : known) {
  console.log(`== bench ${name}`);
  let code;
  try {
    code = await run(await bundle(name));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 'bundle failed';
  }
  if (code !== 0) {
    console.error(`== bench ${name} failed (${typeof code === 'number' ? `exit ${code}` : code})`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
