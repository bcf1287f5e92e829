#!/usr/bin/env node
// Builds the installable form of the workspace package in the current folder: dist/<entry>.js
// (ESM, bundled per entry with shared chunks, every bare import left to the installer) and
// dist/types/**.d.ts (TypeScript's declarations, relative specifiers written as Node resolves them).
// `--platform=node` for a package that runs on Node only (node: built-ins, Node's conditions);
// `--outdir=dist/lib` to build into a subfolder of dist/ (the SDK's dist/ top level is the script-tag
// build the collector serves, file by file).
// Entries are read from the package's publishConfig.exports, which pnpm puts in place of `exports`
// when it packs: inside the workspace, `exports` keep pointing at the TypeScript sources, so the dev
// flow, vitest and the other packages' builds never need this build.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const pkgDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const outArg = process.argv.find((arg) => arg.startsWith('--outdir='));
const outDir = outArg ? outArg.slice('--outdir='.length).replace(/\/$/, '') : 'dist';
const dist = join(pkgDir, outDir);

/**
 * Each entry to build, from the exports map: the workspace's `exports` name its source
 * (`./src/api/index.ts`), publishConfig.exports where pnpm publishes it, which must be
 * `./dist/api/index.js` and, for a typed entry, `./dist/types/api/index.d.ts` (tsc's layout; `dist`
 * being the --outdir).
 * An entry whose source is already built JavaScript (the SDK's consent.js) is left as it is.
 */
function entries() {
  const out = [];
  for (const [key, published] of Object.entries(manifest.publishConfig?.exports ?? {})) {
    const source = manifest.exports[key];
    if (typeof source !== 'string') throw new Error(`${manifest.name}: exports["${key}"] names no source`);
    if (!/\.tsx?$/.test(source)) {
      // Built by the package's own build (`pnpm run build`), which this one never reruns: tests
      // running beside a pack may be reading it.
      if (!existsSync(join(pkgDir, source)))
        throw new Error(`${manifest.name}: ${source} is missing: run pnpm run build first`);
      continue;
    }
    const name = source.replace(/^\.\/src\//, '').replace(/\.tsx?$/, '');
    const types = typeof published === 'object' ? published.types : undefined;
    const code = typeof published === 'object' ? published.default : published;
    if (code !== `./${outDir}/${name}.js` || (types !== undefined && types !== `./${outDir}/types/${name}.d.ts`))
      throw new Error(
        `${manifest.name}: publishConfig.exports["${key}"] should be ./${outDir}/${name}.js (types ./${outDir}/types/${name}.d.ts)`,
      );
    out.push({ name, source: join(pkgDir, source), typed: types !== undefined });
  }
  return out;
}

const built = entries();
for (const generated of ['chunks', 'types']) rmSync(join(dist, generated), { recursive: true, force: true });

await esbuild.build({
  entryPoints: Object.fromEntries(built.map((entry) => [entry.name, entry.source])),
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: process.argv.includes('--platform=node') ? 'node' : 'neutral',
  target: 'es2022',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});

// Declarations of the typed entries, following their imports.
const typed = built.filter((entry) => entry.typed).map((entry) => entry.source);

const configFile = ts.readConfigFile(join(pkgDir, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, pkgDir);
const program = ts.createProgram(typed, {
  ...parsed.options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: join(pkgDir, 'src'),
  outDir: join(dist, 'types'),
});

/** A relative specifier as Node's ESM resolution wants it: `./merkle` -> `./merkle.js`, `./api` -> `./api/index.js`. */
function nodeSpecifier(specifier, fromFile) {
  if (!specifier.startsWith('.') || /\.(js|json)$/.test(specifier)) return specifier;
  const base = resolve(dirname(fromFile), specifier);
  if (existsSync(`${base}.ts`) || existsSync(`${base}.tsx`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.ts'))) return `${specifier}/index.js`;
  throw new Error(`${relative(pkgDir, fromFile)}: cannot resolve ${specifier}`);
}

/** Rewrites the specifiers of import/export declarations and `import("…")` types in one declaration file. */
const rewriteSpecifiers = (context) => (file) => {
  const fromFile = file.fileName;
  const literal = (node) => ts.factory.createStringLiteral(nodeSpecifier(node.text, fromFile));
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      return ts.factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        literal(node.moduleSpecifier),
        node.attributes,
      );
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      return ts.factory.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        literal(node.moduleSpecifier),
        node.attributes,
      );
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      return ts.factory.updateImportTypeNode(
        node,
        ts.factory.createLiteralTypeNode(literal(node.argument.literal)),
        node.attributes,
        node.qualifier,
        node.typeArguments,
        node.isTypeOf,
      );
    return ts.visitEachChild(node, visit, context);
  };
  return ts.visitNode(file, visit);
};

const result = program.emit(undefined, undefined, undefined, true, { afterDeclarations: [rewriteSpecifiers] });
const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
  (d) => d.category === ts.DiagnosticCategory.Error,
);
if (problems.length > 0) {
  console.error(
    ts.formatDiagnostics(problems, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => pkgDir,
      getNewLine: () => '\n',
    }),
  );
  process.exit(1);
}
