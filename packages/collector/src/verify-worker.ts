// The body of a verification worker thread (see verify-pool.ts): ES256 checks with node:crypto
// and its own cache of imported device keys, one message per batch. Bundled on its own by the
// server build. The serving thread already parsed each JWS strictly, so splitting it is all
// that is left to do here.
import type { KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { DeviceKeys, verifyEs256 } from './verifier';
import {
  KEY_UNUSABLE,
  SIGNATURE_INVALID,
  SIGNATURE_VALID,
  type VerifyRequest,
  type VerifyResponse,
} from './verify-pool';

const keys = new DeviceKeys((workerData as { cacheBytes: number }).cacheBytes);
parentPort!.on('message', ({ id, jobs }: VerifyRequest) => {
  const results = new Uint8Array(jobs.length);
  jobs.forEach(({ jws, thumbprint, x, y }, i) => {
    const dot = jws.lastIndexOf('.');
    let key: KeyObject;
    try {
      key = keys.get(thumbprint, { kty: 'EC', crv: 'P-256', x, y });
    } catch {
      results[i] = KEY_UNUSABLE;
      return;
    }
    const valid = verifyEs256(
      key,
      Buffer.from(jws.slice(0, dot), 'latin1'),
      Buffer.from(jws.slice(dot + 1), 'base64url'),
    );
    results[i] = valid ? SIGNATURE_VALID : SIGNATURE_INVALID;
  });
  parentPort!.postMessage({ id, results } satisfies VerifyResponse);
});
