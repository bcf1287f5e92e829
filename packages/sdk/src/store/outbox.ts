import type { Jwks } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import { keyOf, type Kv } from './idb';
import { readReceipts, rechain, settleReceipts, type ReceiptRecord } from './receipts';
import { checkAck, type DeviceKey } from './sign';

/** What the outbox needs from the runtime. */
export interface OutboxOptions {
  kv: Kv;
  site: string;
  collector: string;
  device: () => Promise<DeviceKey>;
  /** Called for each receipt the collector acknowledged (ack verified and stored). */
  onAck: (record: ReceiptRecord) => void;
}

/** The outbox of one site: sends pending receipts in order until each is acknowledged or refused. */
export interface Outbox {
  /** Sends what is pending now; on failure retries later with exponential backoff. */
  flush(): Promise<void>;
  /** The collector's keys (cached; fetched again when an ack names an unknown key). */
  keys(refresh?: boolean): Promise<Jwks>;
  /** Stops sending (a batch in flight completes) and the retry timer. */
  stop(): void;
}

interface ErrorBody {
  error?: { code?: string; message?: string; index?: number; expected?: string };
}

// keepalive requests are limited to 64 KiB of body in flight; stay well under it.
const MAX_BODY = 48_000;
const MAX_BATCH = 100;
const MAX_DELAY_MS = 300_000;

class Retry extends Error {
  constructor(readonly afterMs?: number) {
    super('retry');
  }
}

function batchOf(pending: ReceiptRecord[]): ReceiptRecord[] {
  const out: ReceiptRecord[] = [];
  let size = 0;
  for (const r of pending) {
    size += r.jws.length + 3;
    if (out.length && (size > MAX_BODY || out.length === MAX_BATCH)) break;
    out.push(r);
  }
  return out;
}

/** Creates the outbox of a site. */
export function createOutbox(o: OutboxOptions): Outbox {
  let attempt = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cachedKeys: Jwks | undefined;

  async function keys(refresh = false): Promise<Jwks> {
    if (!refresh) {
      cachedKeys ??= (await o.kv.getMany<[Jwks | undefined]>([keyOf.keys(o.collector)]))[0];
      if (cachedKeys) return cachedKeys;
    }
    const res = await fetch(`${o.collector}/v1/keys`);
    if (!res.ok) throw new Retry();
    cachedKeys = (await res.json()) as Jwks;
    await o.kv.set(keyOf.keys(o.collector), cachedKeys);
    return cachedKeys;
  }

  async function verified(record: ReceiptRecord, jws: string): Promise<ReceiptRecord['ack']> {
    for (const refresh of [false, true]) {
      const p = await checkAck(jws, await keys(refresh));
      if (p?.id === record.id && p.leafHash === record.leafHash && p.subject === record.payload.subject) return { jws, payload: p };
    }
    return null;
  }

  // Sends one batch and records its outcome; throws Retry when it should be tried again later.
  async function sendBatch(batch: ReceiptRecord[], rechains: { n: number }): Promise<void> {
    const res = await fetch(`${o.collector}/v1/receipts`, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: batch.map((r) => r.jws) }),
    }).catch(() => {
      throw new Retry();
    });
    if (res.ok) {
      const { acks } = (await res.json()) as { acks: string[] };
      const changes = new Map<string, Partial<ReceiptRecord>>();
      const done: ReceiptRecord[] = [];
      for (const [i, record] of batch.entries()) {
        const ack = await verified(record, acks[i]);
        // An ack that does not verify proves nothing: keep the receipt pending and try again later.
        if (!ack) break;
        changes.set(record.id, { status: 'acknowledged', ack, error: null });
        done.push({ ...record, status: 'acknowledged', ack, error: null });
      }
      await settleReceipts(o.kv, o.site, changes);
      done.forEach(o.onAck);
      if (done.length < batch.length) throw new Retry();
      return;
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.status === 429 || res.status >= 500) throw new Retry(retryAfter > 0 ? retryAfter * 1000 : undefined);
    const { error = {} } = ((await res.json().catch(() => ({}))) ?? {}) as ErrorBody;
    const failed = batch[error.index ?? 0] ?? batch[0];
    if (res.status === 409 && error.code === 'prev-mismatch') {
      // Our chain and the log's disagree (e.g. a lost tab or storage): re-sign from the failing receipt on.
      if (++rechains.n > 3) throw new Retry();
      const head = typeof error.expected === 'string' ? error.expected : undefined;
      return rechain(o.kv, o.site, await o.device(), failed.id, head);
    }
    // Refused for good: keep it with its error and chain the following receipts past it.
    const code = error.code ?? `http-${res.status}`;
    await settleReceipts(o.kv, o.site, new Map([[failed.id, { status: 'refused', error: { code, message: error.message ?? '' } }]]));
    await rechain(o.kv, o.site, await o.device(), failed.id);
  }

  function schedule(afterMs?: number): void {
    clearTimeout(timer);
    if (stopped) return;
    const delay = afterMs ?? Math.min(1000 * 2 ** attempt++, MAX_DELAY_MS);
    timer = setTimeout(() => void flush(), delay);
  }

  function flush(): Promise<void> {
    return withLock(`consent-ledger:${o.site}:send`, async () => {
      const rechains = { n: 0 };
      try {
        for (;;) {
          const pending = (await readReceipts(o.kv, o.site)).filter((r) => r.status === 'pending');
          if (!pending.length || stopped) break;
          await sendBatch(batchOf(pending), rechains);
        }
        attempt = 0;
      } catch (error) {
        schedule(error instanceof Retry ? error.afterMs : undefined);
      }
    });
  }

  return { flush, keys, stop: () => ((stopped = true), clearTimeout(timer)) };
}
