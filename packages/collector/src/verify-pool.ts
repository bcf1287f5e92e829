// Receipt verification on worker threads. Node 20's WebCrypto does most of an ECDSA verify (and
// the JWK import) on the calling thread, so in-thread verification keeps one core busy while the
// other waits; workers move it off the thread that serves HTTP and commits. Receipts of one
// device go to the same worker (routed by their JWS header, which holds the device key), so
// each worker's key cache serves its returning subjects.
import { Worker } from 'node:worker_threads';
import type { Result, VerifiedReceipt } from '@consent-ledger/protocol';
import type { ReceiptVerifier } from './verifier';

/** A batch sent to a worker. */
export interface VerifyRequest {
  id: number;
  jws: string[];
}

/** A worker's answer, in the batch's order. */
export interface VerifyResponse {
  id: number;
  results: Array<Result<VerifiedReceipt>>;
}

export interface VerifyPoolOptions {
  /** The bundled verify-worker script. */
  workerUrl: URL;
  threads: number;
  /** Imported device keys kept per worker. */
  cacheSize: number;
}

interface Waiting {
  resolve: (result: Result<VerifiedReceipt>) => void;
  reject: (error: unknown) => void;
}

class Lane {
  private worker: Worker;
  private queued: Array<{ jws: string; waiting: Waiting }> = [];
  private readonly inFlight = new Map<number, Waiting[]>();
  private scheduled = false;
  private next = 0;
  private closed = false;

  constructor(private readonly options: VerifyPoolOptions) {
    this.worker = this.spawn();
  }

  verify(jws: string): Promise<Result<VerifiedReceipt>> {
    return new Promise((resolve, reject) => {
      this.queued.push({ jws, waiting: { resolve, reject } });
      if (!this.scheduled) {
        this.scheduled = true;
        // One message per tick: a receipt costs far less to verify than a message round trip.
        setImmediate(() => this.flush());
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerUrl, { workerData: { cacheSize: this.options.cacheSize } });
    worker.on('message', ({ id, results }: VerifyResponse) => {
      const waiting = this.inFlight.get(id);
      this.inFlight.delete(id);
      waiting?.forEach((w, i) => w.resolve(results[i]));
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
    const batch = this.queued;
    this.queued = [];
    const id = this.next++;
    this.inFlight.set(id, batch.map((b) => b.waiting));
    this.worker.postMessage({ id, jws: batch.map((b) => b.jws) } satisfies VerifyRequest);
  }
}

/** Cheap string hash of a JWS's header segment (its last characters: the device key's coordinates). */
function laneOf(jws: string, lanes: number): number {
  const end = jws.indexOf('.');
  let h = 0;
  for (let i = Math.max(0, (end < 0 ? jws.length : end) - 24); i < (end < 0 ? jws.length : end); i++) h = (h * 31 + jws.charCodeAt(i)) >>> 0;
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
  return {
    verify: (jws) => lanes[laneOf(jws, lanes.length)].verify(jws),
    close: async () => {
      await Promise.all(lanes.map((l) => l.close()));
    },
  };
}
