// The one loopback server of the side-by-side bench: our real server (`startServer`, as `serve --demo`
// runs it) with the demo folder swapped for a copy holding the peers' pages and files too, so every
// contender's files go out through the same code with the same compression (brotli when the browser
// accepts it, compressed once and kept) and the same caching (pages revalidated, scripts 5 minutes).
// It runs in a process of its own, as a site's server would: the bench driving the browser never
// delays an answer. The bench starts it by running its own bundle again with BANNER_BENCH_SERVE set.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../apps/server/src/server';
import { freePort, ROOT } from '../../e2e/harness/server';
import { writeBenchSite } from './contenders';

/** Set in the server process's environment; the bench's entry runs `serveBenchSite` when it is. */
export const SERVE_ENV = 'BANNER_BENCH_SERVE';

/** The server process's part: serves the bench site on a free loopback port, prints its origin, stops on SIGTERM. */
export async function serveBenchSite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banner-bench-'));
  writeBenchSite(join(ROOT, 'apps/demo/public'), join(dir, 'site'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The demo site's config, allowing this origin (its receipts come from it).
  const demo = JSON.parse(readFileSync(join(ROOT, 'fixtures/sites/demo.json'), 'utf8'));
  mkdirSync(join(dir, 'sites'));
  writeFileSync(join(dir, 'sites/demo.json'), JSON.stringify({ ...demo, origins: [...demo.origins, origin] }));
  const server = await startServer({
    port,
    host: '127.0.0.1',
    data: join(dir, 'data'),
    ratePerMinute: 0,
    demo: true,
    sites: join(dir, 'sites'),
    verifyThreads: 0,
    assets: {
      sdk: join(ROOT, 'packages/sdk/dist'),
      auditor: join(ROOT, 'apps/auditor/dist'),
      demo: join(dir, 'site'),
    },
  });
  console.log(origin);
  process.once(
    'SIGTERM',
    () =>
      void server.close().finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      }),
  );
}

/** The bench server, started in a child process: its origin and how to stop it. */
export async function startBenchServer(): Promise<{ origin: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [process.argv[1]], {
    env: { ...process.env, [SERVE_ENV]: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (line) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before serving`)));
  });
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
