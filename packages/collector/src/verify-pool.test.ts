import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from './verifier';
import { verifierCases } from './testing/receipt-cases';
import { createVerifyPool, type VerifyPool } from './verify-pool';

describe('createVerifyPool', () => {
  let dir: string;
  let pool: VerifyPool;
  beforeAll(async () => {
    // Worker threads run plain JavaScript: bundle the worker as the server build does.
    dir = mkdtempSync(join(tmpdir(), 'verify-pool-'));
    const outfile = join(dir, 'verify-worker.mjs');
    await build({ entryPoints: [new URL('./verify-worker.ts', import.meta.url).pathname], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
    pool = createVerifyPool({ workerUrl: pathToFileURL(outfile), threads: 2, cacheSize: 100 });
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies receipts on worker threads, with the same answers as in-thread verification', async () => {
    const { valid, refused } = await verifierCases();
    const inThread = createVerifier(10);
    const all = [...valid, ...refused];
    const pooled = await Promise.all(all.map((jws) => pool.verify(jws)));
    const expected = await Promise.all(all.map((jws) => inThread(jws)));
    expect(pooled).toEqual(expected);
    expect(pooled.filter((r) => r.ok)).toHaveLength(valid.length);
  });
});
