// Group commit: batches that arrive while a commit is running (or within the same tick) are
// committed together in one store transaction, and each caller is answered only after the
// transaction holding its batch committed. One commit runs at a time.
import type { AckSigner, BatchOutcome, LedgerStore, ReceiptBatch } from './store/types';

export interface CommitQueueOptions {
  store: LedgerStore;
  signAcks: AckSigner;
  /** Milliseconds since the epoch; stamps `receivedAt` when a group is committed. */
  clock: () => number;
  /** Most receipts per transaction. */
  maxReceipts: number;
}

interface Waiting {
  batch: Omit<ReceiptBatch, 'receivedAt'>;
  resolve: (outcome: BatchOutcome) => void;
  reject: (error: unknown) => void;
}

/** Thrown to callers that submit after `close()`. */
export class CommitQueueClosed extends Error {
  constructor() {
    super('the collector is shutting down');
  }
}

/** The group-commit queue in front of `store.appendReceipts`. */
export class CommitQueue {
  private pending: Waiting[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;

  constructor(private readonly options: CommitQueueOptions) {}

  /** Queues one request's batch; resolves with its outcome once committed. */
  submit(batch: Omit<ReceiptBatch, 'receivedAt'>): Promise<BatchOutcome> {
    if (this.closed) return Promise.reject(new CommitQueueClosed());
    return new Promise((resolve, reject) => {
      this.pending.push({ batch, resolve, reject });
      this.schedule();
    });
  }

  /** Refuses new batches and resolves once every queued one is committed. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running || this.pending.length > 0 || this.scheduled) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // Wait for the current tick's other requests to join this group.
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.drain().finally(() => (this.running = null));
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.take();
      const receivedAt = new Date(this.options.clock()).toISOString();
      try {
        const outcomes = await this.options.store.appendReceipts(
          group.map((w) => ({ ...w.batch, receivedAt })),
          this.options.signAcks,
        );
        for (const [i, w] of group.entries()) w.resolve(outcomes[i]);
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
  }

  private take(): Waiting[] {
    let count = 0;
    let n = 0;
    while (
      n < this.pending.length &&
      (n === 0 || count + this.pending[n].batch.receipts.length <= this.options.maxReceipts)
    ) {
      count += this.pending[n].batch.receipts.length;
      n++;
    }
    return this.pending.splice(0, n);
  }
}
