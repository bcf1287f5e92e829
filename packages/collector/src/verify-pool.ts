// Receipt signature checks on worker threads. The serving thread still parses and validates each
// receipt (protocol's parseReceipt, through verifyReceipt); only the ES256 key import and verify,
// the expensive part, cross to a worker, batched one message per tick per worker. Receipts of one
// device go to the same worker (routed by thumbprint), so each worker's key cache serves its
// returning subjects. Whether this pays depends on the cores: see bench/ingest.
import { Worker } from 'node:worker_threads';
import { type ParsedReceipt, verifyReceipt } from '@consent-ledger/protocol';
import { nativeLeafHash, type ReceiptVerifier } from './verifier';

/** One signature to check: the JWS (its signing input and signature) and the device key. */
export interface SignatureJob {
  jws: string;
  thumbprint: string;
  x: string;
  y: string;
}

/** A batch sent to a worker. */
export interface VerifyRequest {
  id: number;
  jobs: SignatureJob[];
}

/** A worker's answer, in the batch's order: one of the SIGNATURE_* values per job. */
export interface VerifyResponse {
  id: number;
  results: Uint8Array;
}

export const SIGNATURE_INVALID = 0;
export const SIGNATURE_VALID = 1;
/** The header key cannot be imported (not a point on the curve). */
export const KEY_UNUSABLE = 2;

export interface VerifyPoolOptions {
  /** The bundled verify-worker script. */
  workerUrl: URL;
  threads: number;
  /** Memory for imported device keys, shared by the workers (each keeps its share). */
  cacheBytes: number;
}

interface Waiting {
  resolve: (valid: boolean) => void;
  reject: (error: unknown) => void;
}

/** Thrown to the check of a key the worker could not import; verifyReceipt answers `malformed`. */
class UnusableKey extends Error {}

class Lane {
  private worker: Worker;
  private queued: SignatureJob[] = [];
  private waiting: Waiting[] = [];
  private readonly inFlight = new Map<number, Waiting[]>();
  private scheduled = false;
  private next = 0;
  private closed = false;

  constructor(private readonly options: VerifyPoolOptions) {
    this.worker = this.spawn();
  }

  check(job: SignatureJob): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queued.push(job);
      this.waiting.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // One message per tick: a message round trip costs more than one verify's worth of batching delay.
        setImmediate(() => this.flush());
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerUrl, {
      workerData: { cacheBytes: Math.floor(this.options.cacheBytes / Math.max(1, this.options.threads)) },
    });
    worker.on('message', ({ id, results }: VerifyResponse) => {
      const waiting = this.inFlight.get(id);
      this.inFlight.delete(id);
      for (const [i, w] of (waiting ?? []).entries()) {
        if (results[i] === KEY_UNUSABLE) w.reject(new UnusableKey());
        else w.resolve(results[i] === SIGNATURE_VALID);
      }
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.closed) return;
      this.fail(new Error(`verification worker exited (${code})`));
      this.worker = this.spawn();
    });
    worker.unref();
    return worker;
  }

  private fail(error: unknown): void {
    for (const waiting of this.inFlight.values()) for (const w of waiting) w.reject(error);
    this.inFlight.clear();
  }

  private flush(): void {
    this.scheduled = false;
    const id = this.next++;
    this.inFlight.set(id, this.waiting);
    this.worker.postMessage({ id, jobs: this.queued } satisfies VerifyRequest);
    this.queued = [];
    this.waiting = [];
  }
}

/** Cheap string hash of a thumbprint's first characters (already uniformly distributed). */
function laneOf(thumbprint: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < 8; i++) h = (h * 31 + thumbprint.charCodeAt(i)) >>> 0;
  return h % lanes;
}

/** A pool of verification workers. */
export interface VerifyPool {
  verify: ReceiptVerifier;
  close(): Promise<void>;
}

/** Starts `threads` verification workers. */
export function createVerifyPool(options: VerifyPoolOptions): VerifyPool {
  const lanes = Array.from({ length: Math.max(1, options.threads) }, () => new Lane(options));
  const verifySignature = ({ jws, thumbprint, jwk }: ParsedReceipt) =>
    lanes[laneOf(thumbprint, lanes.length)].check({ jws, thumbprint, x: jwk.x, y: jwk.y });
  return {
    verify: (jws) => verifyReceipt(jws, { verifySignature, leafHash: nativeLeafHash }),
    close: async () => {
      await Promise.all(lanes.map((l) => l.close()));
    },
  };
}
