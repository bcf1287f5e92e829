import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, fixtureConfig } from './testing';
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
    const config = fixtureConfig('clikodoc');
    const devices = await Promise.all(Array.from({ length: 6 }, () => Device.create(config)));
    const receipts = await Promise.all(devices.map((d) => d.receipt()));
    const results = await Promise.all(receipts.map((r) => pool.verify(r.jws)));
    expect(results.map((r) => r.ok && r.value.leafHash)).toEqual(receipts.map((r) => r.leafHash));
    expect(results.map((r) => r.ok && r.value.payload)).toEqual(receipts.map((r) => r.payload));
    const [valid] = receipts;
    const tampered = `${valid.jws.slice(0, -4)}AAAA`;
    const refused = await Promise.all([pool.verify(tampered), pool.verify('not.a.jws'), pool.verify('x')]);
    expect(refused.map((r) => !r.ok && r.error.code)).toEqual(['bad-signature', 'malformed', 'malformed']);
  });
});
