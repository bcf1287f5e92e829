// The body of a verification worker thread (see verify-pool.ts): protocol's verifyReceipt with its
// own bounded key cache, one message per batch of receipts. Bundled on its own by the server build.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyReceipt } from '@consent-ledger/protocol';
import { BoundedKeyCache } from './verifier';
import type { VerifyRequest, VerifyResponse } from './verify-pool';

const cache = new BoundedKeyCache((workerData as { cacheSize: number }).cacheSize);
parentPort!.on('message', async ({ id, jws }: VerifyRequest) => {
  const results = await Promise.all(jws.map((j) => verifyReceipt(j, cache)));
  parentPort!.postMessage({ id, results } satisfies VerifyResponse);
});
