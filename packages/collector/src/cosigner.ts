// Asks witnesses to cosign each new checkpoint (c2sp.org/tlog-witness). Runs beside the integrator,
// in the process that holds it: each round reads the logs' latest checkpoints and hands them to
// every witness's own worker, which submits them with a consistency proof from the size that witness
// last cosigned (from the store, or from its 409 answer) and stores the cosignatures it returns.
// A witness that is slow or down only delays its own cosignatures, never ingest or the others:
// its worker retries with backoff and catches up with one request once it answers again.
import { consistencyProof } from '@consent-ledger/protocol';
import type { CheckpointRecord, LedgerStore } from './store/types';
import { submitCheckpoint, type WitnessEndpoint } from './witness-client';

/** What the cosigner reads and writes. */
export type CosignerStore = Pick<
  LedgerStore,
  'listLogs' | 'latestCheckpoint' | 'readNode' | 'addCosignatures' | 'cosignedSizes'
>;

export interface CosignerOptions {
  store: CosignerStore;
  witnesses: WitnessEndpoint[];
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Pause between rounds (ms): new checkpoints are picked up, failed submissions retried when their backoff ends. */
  intervalMs: number;
  fetch?: typeof fetch;
  /** Where a witness's failures are reported (once per change of message). */
  log?: (message: string) => void;
}

/** Failed submissions to one witness, counted since the process started. */
export interface WitnessFailures {
  witness: string;
  /** Requests that got no answer (down, timeout, not HTTP). */
  unreachable: number;
  /** Checkpoints it refused or would not cosign (a rollback, a fork, a 4xx). */
  refused: number;
}

const MAX_BACKOFF_MS = 60_000;

/** Submits checkpoints to every witness. */
export class Cosigner {
  private readonly checkpoints = new Map<string, CheckpointRecord>();
  private readonly workers: WitnessWorker[];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private round: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: CosignerOptions) {
    this.workers = options.witnesses.map((w) => new WitnessWorker(w, options));
  }

  /** The witnesses asked. */
  get witnesses(): WitnessEndpoint[] {
    return this.options.witnesses;
  }

  /** Starts the rounds. */
  start(): void {
    if (!this.stopped || this.workers.length === 0) return;
    this.stopped = false;
    this.plan(0);
  }

  /** Stops the rounds and abandons submissions in flight (they are retried by the next holder). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.workers.map((w) => w.stop()));
    await this.round?.catch(() => undefined);
  }

  /** Reads the latest checkpoints and lets every idle witness worker submit them; `settle` waits for the workers. */
  async runOnce(options: { settle?: boolean } = {}): Promise<void> {
    this.round ??= this.collect().finally(() => (this.round = null));
    await this.round;
    const work = [...this.checkpoints.values()];
    const runs = this.workers.map((w) => w.kick(work));
    if (options.settle) await Promise.all(runs);
  }

  /** Submissions that failed since this process started, per witness: it could not be reached, or it refused. */
  failures(): WitnessFailures[] {
    return this.workers.map((w) => w.failures);
  }

  /** Wakes the cosigner now (the integrator just signed checkpoints). */
  wake(): void {
    if (!this.stopped) this.plan(0);
  }

  private plan(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error) => this.options.log?.(`cosigner: round failed: ${(error as Error).message}`))
        .finally(() => this.plan(this.options.intervalMs));
    }, delay);
    this.timer.unref?.();
  }

  /** Refreshes the latest checkpoint of every log whose tree grew since the last round. */
  private async collect(): Promise<void> {
    for (const log of await this.options.store.listLogs()) {
      if (this.checkpoints.get(log.site)?.size === log.treeSize) continue;
      const checkpoint = await this.options.store.latestCheckpoint(log.site);
      if (checkpoint) this.checkpoints.set(log.site, checkpoint);
    }
  }
}

/** One witness's submissions, one at a time. */
class WitnessWorker {
  private readonly cosigned = new Map<string, number>();
  private readonly sizesRead = new Set<string>();
  /** Each site's last failure message, until a cosignature succeeds (logged once per change). */
  private readonly errors = new Map<string, string>();
  /** Backoff per site after a refusal, and for the whole witness after it could not be reached. */
  private readonly retryAt = new Map<string, number>();
  private readonly failuresOf = new Map<string, number>();
  private unreachable = { failures: 0, retryAt: 0 };
  /** Counted for /metrics. */
  readonly failures: WitnessFailures;
  private running: Promise<void> | null = null;
  private next: CheckpointRecord[] | null = null;
  private abort = new AbortController();

  constructor(
    private readonly witness: WitnessEndpoint,
    private readonly options: CosignerOptions,
  ) {
    this.failures = { witness: witness.vkey, unreachable: 0, refused: 0 };
  }

  /** Queues `checkpoints` (replacing any batch not yet started); resolves once the worker is idle again. */
  kick(checkpoints: CheckpointRecord[]): Promise<void> {
    this.next = checkpoints;
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.next = null;
    this.abort.abort();
    await this.running?.catch(() => undefined);
    this.abort = new AbortController();
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const batch = this.next;
      this.next = null;
      await this.work(batch);
    }
  }

  private async work(checkpoints: CheckpointRecord[]): Promise<void> {
    for (const checkpoint of checkpoints) {
      const now = this.options.clock();
      if (this.abort.signal.aborted || now < this.unreachable.retryAt) return;
      if (now < (this.retryAt.get(checkpoint.site) ?? 0)) continue;
      try {
        await this.cosign(checkpoint);
        this.unreachable = { failures: 0, retryAt: 0 };
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.failures.unreachable += 1;
        const failures = this.unreachable.failures + 1;
        this.unreachable = { failures, retryAt: now + backoff(failures) };
        for (const c of checkpoints)
          if (this.cosigned.get(c.site) !== c.size)
            this.note(c, `cannot reach ${this.witness.url}: ${(error as Error).message}`);
        return;
      }
    }
  }

  /** Brings this witness to `checkpoint`: at most two requests (the second after it named its size). */
  private async cosign(checkpoint: CheckpointRecord): Promise<void> {
    const { site, size } = checkpoint;
    let cosigned = await this.cosignedSize(site);
    if (cosigned === size) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (cosigned > size) {
        this.refused(
          checkpoint,
          `the witness cosigned size ${cosigned} of this log, larger than its checkpoint ${size}: the log was rolled back`,
        );
        return;
      }
      const proof =
        cosigned > 0 && cosigned < size
          ? await consistencyProof(cosigned, size, (level, index) => this.options.store.readNode(site, level, index))
          : [];
      const reply = await submitCheckpoint(
        this.witness,
        { oldSize: cosigned, proof, note: checkpoint.note },
        { fetch: this.options.fetch, signal: this.abort.signal },
      );
      if (reply.kind === 'conflict') {
        if (reply.size === cosigned) break;
        cosigned = reply.size;
        this.cosigned.set(site, cosigned);
        continue;
      }
      if (reply.kind === 'refused') {
        this.refused(checkpoint, `HTTP ${reply.status}: ${reply.message}`);
        return;
      }
      const receivedAt = new Date(this.options.clock()).toISOString();
      await this.options.store.addCosignatures(
        reply.cosignatures.map(({ line, timestamp }) => ({
          site,
          size,
          witness: this.witness.vkey,
          line,
          timestamp,
          receivedAt,
        })),
      );
      this.cosigned.set(site, size);
      this.retryAt.delete(site);
      this.failuresOf.delete(site);
      if (this.errors.delete(site)) this.options.log?.(`cosigner: ${this.name} cosigned ${site} at size ${size}`);
      return;
    }
    this.refused(
      checkpoint,
      `the witness keeps answering 409 at size ${cosigned}: the log forked from what it cosigned`,
    );
  }

  /** The size this witness last cosigned of `site`'s log: from memory, else the store (0 when never). */
  private async cosignedSize(site: string): Promise<number> {
    if (!this.sizesRead.has(site)) {
      const stored = (await this.options.store.cosignedSizes(site)).get(this.witness.vkey);
      if (stored !== undefined && stored > (this.cosigned.get(site) ?? -1)) this.cosigned.set(site, stored);
      this.sizesRead.add(site);
    }
    return this.cosigned.get(site) ?? 0;
  }

  /** A refusal about one site's checkpoint: that site waits, the others go on. */
  private refused(checkpoint: CheckpointRecord, message: string): void {
    this.failures.refused += 1;
    const failures = this.errors.has(checkpoint.site) ? (this.failuresOf.get(checkpoint.site) ?? 0) + 1 : 1;
    this.failuresOf.set(checkpoint.site, failures);
    this.retryAt.set(checkpoint.site, this.options.clock() + backoff(failures));
    this.note(checkpoint, message);
  }

  /** Records a site's last failure, logged once per change of message. */
  private note(checkpoint: CheckpointRecord, message: string): void {
    const { site } = checkpoint;
    const previous = this.errors.get(site);
    this.errors.set(site, message);
    if (previous !== message) this.options.log?.(`cosigner: ${this.name} on ${site}: ${message}`);
  }

  private get name(): string {
    return this.witness.key.name;
  }
}

/** Exponential backoff after `failures` failures in a row: 1 s, 2 s, 4 s… up to a minute. */
function backoff(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));
}
