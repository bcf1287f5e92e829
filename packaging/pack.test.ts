// The installable packages as a user gets them: each packed with `pnpm pack` (its prepack builds
// dist/), linted by publint from the tarball, then installed from the tarballs into a scratch
// project outside the workspace that type-checks and bundles a page (scratch/page.ts), a React page
// (scratch/react-*.tsx: bundled for the browser, and rendered on Node as a server does) and a Node
// collector (scratch/collector.ts), and runs the collector and the React server rendering. The install is --offline: our packages
// come only from the tarballs, and their third-party dependencies are linked from the workspace's
// own install, so no registry is contacted and a dependency a tarball forgets to declare is missing.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['protocol', 'sdk', 'react', 'collector'];
// Packing builds each package (esbuild and TypeScript's declarations): minutes on a shared machine.
const SLOW = { timeout: 600_000 };

interface Packed {
  dir: string;
  name: string;
  tarball: string;
  manifest: Record<string, unknown> & { dependencies?: Record<string, string> };
}

/** The "." entry's JavaScript file, as the packed manifest names it. */
const entryOf = (p: Packed) => (p.manifest.exports as Record<string, { default: string }>)['.'].default.slice(2);

let work: string;
const packed: Packed[] = [];

async function pack(dir: string, destination: string): Promise<Packed> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const { name, filename } = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { name: string; filename: string };
  const { stdout: json } = await run('tar', ['-xzOf', filename, 'package/package.json']);
  return { dir, name, tarball: filename, manifest: JSON.parse(json) };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cl-pack-'));
  mkdirSync(join(work, 'tarballs'));
  for (const name of PACKAGES) packed.push(await pack(join(ROOT, 'packages', name), join(work, 'tarballs')));
}, SLOW.timeout);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe('installable packages', () => {
  it('pass publint from their tarballs, with warnings as errors', SLOW, async () => {
    for (const p of packed) {
      const tarball = readFileSync(p.tarball);
      const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer as ArrayBuffer }, strict: true });
      expect(
        messages.map((m) => formatMessage(m, pkg)),
        p.name,
      ).toEqual([]);
    }
  });

  it('ship built ESM with types, a README and a license, and name our packages by version', SLOW, async () => {
    for (const p of packed) {
      const { stdout } = await run('tar', ['-tzf', p.tarball]);
      const files = stdout.split('\n').filter(Boolean);
      expect(files, p.name).toEqual(
        expect.arrayContaining(['package/README.md', 'package/LICENSE', `package/${entryOf(p)}`]),
      );
      expect(
        files.filter((f) => f.includes('/src/') || f.endsWith('.test.js')),
        p.name,
      ).toEqual([]);
      // The SDK's dist/ top level is what the collector serves: the script-tag build alone, with the
      // content-hashed chunks consent.js loads (consent-views.<hash>.js, consent-sync.<hash>.js).
      if (p.name === '@consent-ledger/sdk')
        expect(
          files
            .filter((f) => /^package\/dist\/[^/]+$/.test(f))
            .map((f) => f.replace(/\.[0-9a-f]{12}\.js$/, '.<hash>.js'))
            .sort(),
        ).toEqual([
          'package/dist/consent-sync.<hash>.js',
          'package/dist/consent-views.<hash>.js',
          'package/dist/consent.js',
        ]);
      expect(JSON.stringify(p.manifest.exports), p.name).not.toContain('./src/');
      expect(p.manifest.types, p.name).toMatch(/^\.\/dist\/(lib\/)?types\/index\.d\.ts$/);
      for (const [dep, range] of Object.entries(p.manifest.dependencies ?? {}))
        expect(range, `${p.name} -> ${dep}`).not.toMatch(/^workspace:/);
    }
  });

  it(
    'install outside the workspace, type-check and bundle a page, a React page and a Node collector; the collector runs, the React page renders on Node',
    SLOW,
    async () => {
      const scratch = join(work, 'scratch');
      mkdirSync(scratch);
      const files = ['page.ts', 'collector.ts', 'tsconfig.page.json', 'tsconfig.collector.json'];
      const react = ['react-app.tsx', 'react-page.tsx', 'react-server.tsx', 'tsconfig.react.json'];
      for (const file of [...files, ...react]) copyFileSync(join(ROOT, 'packaging/scratch', file), join(scratch, file));
      // Ours from the tarballs, wherever they are asked for; the rest linked from the workspace's install.
      const ours = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
      const theirs: Record<string, string> = {};
      for (const p of packed)
        for (const dep of Object.keys(p.manifest.dependencies ?? {}))
          if (!(dep in ours)) theirs[dep] = `link:${realpathSync(join(p.dir, 'node_modules', dep))}`;
      const tools = Object.fromEntries(
        ['typescript', 'esbuild', '@types/node'].map((dep) => [
          dep,
          `link:${realpathSync(join(ROOT, 'node_modules', dep))}`,
        ]),
      );
      // React is the site's (a peer dependency of ours): the versions the workspace tests with.
      for (const dep of ['react', 'react-dom', '@types/react', '@types/react-dom'])
        tools[dep] = `link:${realpathSync(join(ROOT, 'packages/react/node_modules', dep))}`;
      writeFileSync(
        join(scratch, 'package.json'),
        JSON.stringify({
          name: 'scratch-site',
          private: true,
          type: 'module',
          dependencies: ours,
          devDependencies: tools,
          pnpm: { overrides: { ...ours, ...theirs } },
        }),
      );
      await run('pnpm', ['install', '--offline', '--ignore-workspace', '--store-dir', join(work, 'store')], {
        cwd: scratch,
      });

      const tsc = join(scratch, 'node_modules/typescript/bin/tsc');
      for (const project of ['tsconfig.page.json', 'tsconfig.react.json', 'tsconfig.collector.json'])
        await run(process.execPath, [tsc, '-p', project], { cwd: scratch }).catch((error) => {
          throw new Error(`${project}: ${error.stdout}${error.stderr}`);
        });

      const page = await build({
        entryPoints: [join(scratch, 'page.ts')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      const pageCode = page.outputFiles[0].text;
      expect(pageCode).toContain('cabinet');
      expect(pageCode).not.toMatch(/from\s*"node:|better-sqlite3/);

      const reactPage = await build({
        entryPoints: [join(scratch, 'react-page.tsx')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      const reactCode = reactPage.outputFiles[0].text;
      expect(reactCode).toContain('consent.cabinet.example');
      expect(reactCode).not.toMatch(/from\s*"node:|better-sqlite3/);

      // Server rendering with the installed packages resolved by Node itself (left external).
      await build({
        entryPoints: [join(scratch, 'react-server.tsx')],
        outfile: join(scratch, 'react-server.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        jsx: 'automatic',
        packages: 'external',
        logLevel: 'silent',
      });
      const rendered = JSON.parse((await run(process.execPath, ['react-server.mjs'], { cwd: scratch })).stdout);
      expect(rendered.granted).toContain('<iframe title="Plan" src="https://maps.example/embed">');
      expect(rendered.none).not.toContain('<iframe');
      expect(rendered.none).toContain('Carte masquée');

      await build({
        entryPoints: [join(scratch, 'collector.ts')],
        outfile: join(scratch, 'collector.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        packages: 'external',
        logLevel: 'silent',
      });
      const { stdout } = await run(process.execPath, ['collector.mjs'], { cwd: scratch });
      expect(JSON.parse(stdout.trim())).toEqual({ status: 200, site: 'cabinet', revision: 1 });
    },
  );
});
