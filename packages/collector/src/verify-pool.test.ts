import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierCases } from './testing/receipt-cases';
import { bundleWorker } from './testing/worker-bundle';
import { createVerifier, DEVICE_KEY_BYTES } from './verifier';
import { createVerifyPool, type VerifyPool } from './verify-pool';

describe('createVerifyPool', () => {
  let dir: string;
  let pool: VerifyPool;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-pool-'));
    pool = createVerifyPool({
      workerUrl: await bundleWorker(new URL('./verify-worker.ts', import.meta.url), dir),
      threads: 2,
      cacheBytes: 100 * DEVICE_KEY_BYTES,
    });
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies receipts on worker threads, with the same answers as in-thread verification', async () => {
    const { valid, refused } = await verifierCases();
    const inThread = createVerifier(10 * DEVICE_KEY_BYTES);
    const all = [...valid, ...refused];
    const pooled = await Promise.all(all.map((jws) => pool.verify(jws)));
    const expected = await Promise.all(all.map((jws) => inThread(jws)));
    expect(pooled).toEqual(expected);
    expect(pooled.filter((r) => r.ok)).toHaveLength(valid.length);
  });
});
