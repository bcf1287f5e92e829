// The SQLite store's writes on a worker thread (sqlite-writer-worker.ts) with its own connection:
// better-sqlite3 is synchronous, so on the serving thread every group commit (inserts, then the
// WAL fsync of synchronous = FULL) stalls HTTP serving. Here a call resolves when the worker
// answers, which it does only after COMMIT returned: acks still go out after the commit is durable.
import { Worker } from 'node:worker_threads';
import type { AckPayload, SiteConfig } from '@consent-ledger/protocol';
import type { SqliteWriter } from './sqlite-writes';
import type {
  AckSigner,
  AckSigningKey,
  BatchOutcome,
  CosignatureRecord,
  Integration,
  NoticeInput,
  NoticeRecord,
  PortableAckSigner,
  ReceiptBatch,
  Redaction,
  RedactionEntryInput,
  SiteRecord,
  TokenRecord,
} from './types';

/** What the worker is started with. */
export interface WriterData {
  path: string;
  busyTimeoutMs: number;
}

type Calls = {
  putSite: Parameters<SqliteWriter['putSite']>;
  deleteSite: Parameters<SqliteWriter['deleteSite']>;
  integrate: Parameters<SqliteWriter['integrate']>;
  addCosignatures: Parameters<SqliteWriter['addCosignatures']>;
  redactEntries: Parameters<SqliteWriter['redactEntries']>;
  markLogAttested: Parameters<SqliteWriter['markLogAttested']>;
  createToken: Parameters<SqliteWriter['createToken']>;
  revokeToken: Parameters<SqliteWriter['revokeToken']>;
};

/** A call to the worker; `appendReceipts` signs there when given the signer's key, else asks for the acks. */
export type WriterCall =
  | { [K in keyof Calls]: { id: number; op: K; args: Calls[K] } }[keyof Calls]
  | { id: number; op: 'appendReceipts'; batches: ReceiptBatch[]; signingKey: AckSigningKey | null }
  | { id: number; op: 'close' };

/** A message to the worker: a call, or the acks (or the signer's error) it asked for. */
export type ToWriter = WriterCall | { id: number; acks?: string[]; signError?: string };

/** A message from the worker: a call's result or error, or a request to sign a call's acks. */
export type FromWriter =
  | { id: number; value: unknown }
  | { id: number; error: string; code?: string }
  | { id: number; sign: AckPayload[] };

interface Pending {
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
  signAcks?: AckSigner;
}

function isPortable(signer: AckSigner): signer is PortableAckSigner {
  return 'signingKey' in signer;
}

/** The writes of a SQLite store, run by a worker thread started from `workerUrl` (the bundled sqlite-writer-worker). */
export class SqliteWriterThread implements SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(workerUrl: URL, data: WriterData) {
    this.worker = new Worker(workerUrl, { workerData: data });
    this.worker.on('message', (message: FromWriter) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the SQLite writer thread exited (${code})`)));
    // Referenced only while a call is waiting: an idle store does not keep the process alive.
    this.worker.unref();
  }

  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
    return this.call({ op: 'putSite', args: [config, notices, at] });
  }

  deleteSite(site: string, at: string): Promise<boolean> {
    return this.call({ op: 'deleteSite', args: [site, at] });
  }

  appendReceipts(batches: ReceiptBatch[], signAcks: AckSigner): Promise<BatchOutcome[]> {
    return this.call(
      { op: 'appendReceipts', batches, signingKey: isPortable(signAcks) ? signAcks.signingKey : null },
      signAcks,
    );
  }

  integrate(step: Integration): Promise<boolean> {
    return this.call({ op: 'integrate', args: [step] });
  }

  addCosignatures(records: CosignatureRecord[]): Promise<void> {
    return this.call({ op: 'addCosignatures', args: [records] });
  }

  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number> {
    return this.call({ op: 'redactEntries', args: [site, ids, redaction, entry] });
  }

  markLogAttested(site: string, at: string): Promise<void> {
    return this.call({ op: 'markLogAttested', args: [site, at] });
  }

  createToken(token: TokenRecord): Promise<void> {
    return this.call({ op: 'createToken', args: [token] });
  }

  revokeToken(id: string, at: string): Promise<boolean> {
    return this.call({ op: 'revokeToken', args: [id, at] });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    // Referenced until it has exited: an unreferenced worker lets the process end while a caller
    // still awaits this close (a failed start then exited 0 before printing its error).
    this.closing = true;
    this.worker.ref();
    const closed = this.call({ op: 'close' });
    // Calls made from now on would reach a closed connection: refuse them here.
    this.failure = new Error('the SQLite store is closed');
    await closed;
    await exited;
  }

  private call<T>(message: DistributiveOmit<WriterCall, 'id'>, signAcks?: AckSigner): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, signAcks });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  private receive(message: FromWriter): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if ('sign' in message) {
      this.signFor(message.id, message.sign, waiting.signAcks!);
      return;
    }
    this.settle(message.id);
    if ('error' in message)
      waiting.reject(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
    else waiting.resolve(message.value as never);
  }

  private signFor(id: number, payloads: AckPayload[], signAcks: AckSigner): void {
    signAcks(payloads).then(
      (acks) => this.worker.postMessage({ id, acks } satisfies ToWriter),
      (error: unknown) =>
        this.worker.postMessage({
          id,
          signError: error instanceof Error ? error.message : String(error),
        } satisfies ToWriter),
    );
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const [id, waiting] of this.pending) {
      this.settle(id);
      waiting.reject(error);
    }
  }
}

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
