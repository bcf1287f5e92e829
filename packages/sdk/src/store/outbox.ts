import type { Jwks } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import { keyOf, type Kv } from './idb';
import { patchReceipts, readReceipts, rechain, type ReceiptRecord } from './receipts';
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

type ErrorBody = { error?: { code?: string; message?: string; index?: number; expected?: string | null } };

// keepalive requests may carry at most 64 KiB in flight: stay well under it, and under 100 receipts.
const MAX_BODY = 48_000;
const MAX_DELAY_MS = 300_000;
/** Thrown to end a flush and try again later (after `ms`, or the next backoff step). */
const retry = (ms?: number) => ({ retry: ms });

function batchOf(pending: ReceiptRecord[]): ReceiptRecord[] {
  let size = 0;
  return pending.filter((r, i) => (size += r.jws.length + 3) <= MAX_BODY || !i).slice(0, 100);
}

/** Creates the outbox of a site. */
export function createOutbox(o: OutboxOptions): Outbox {
  let attempt = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cachedKeys: Jwks | undefined;
  // Once stopped, nothing more goes out, not even the rest of a flush in progress.
  const request = (path: string, init?: RequestInit) => (stopped ? Promise.reject(retry()) : fetch(o.collector + path, init));

  async function keys(refresh = false): Promise<Jwks> {
    if (!refresh && (cachedKeys ??= (await o.kv.getMany<[Jwks?]>([keyOf.keys(o.collector)]))[0])) return cachedKeys;
    const res = await request('/v1/keys');
    if (!res.ok) throw retry();
    await o.kv.set(keyOf.keys(o.collector), (cachedKeys = await res.json()));
    return cachedKeys!;
  }

  async function verified(record: ReceiptRecord, jws: string): Promise<ReceiptRecord['ack']> {
    for (const refresh of [false, true]) {
      const p = await checkAck(jws, await keys(refresh));
      if (p?.id === record.id && p.leafHash === record.leafHash && p.subject === record.payload.subject) return { jws, payload: p };
    }
    return null;
  }

  // Sends one batch and records its outcome; throws `retry()` when it should be tried again later.
  async function send(batch: ReceiptRecord[], rechains: { n: number }): Promise<void> {
    const res = await request('/v1/receipts', {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: batch.map((r) => r.jws) }),
    });
    if (res.ok) {
      const { acks } = (await res.json()) as { acks: string[] };
      const done = new Map<string, ReceiptRecord>();
      for (const [i, r] of batch.entries()) {
        const ack = await verified(r, acks[i]);
        // An ack that does not verify proves nothing: the receipt stays pending.
        if (!ack) break;
        done.set(r.id, { ...r, status: 'acknowledged', ack, error: null });
      }
      await patchReceipts(o.kv, o.site, (r) => done.get(r.id) ?? r);
      done.forEach(o.onAck);
      if (done.size < batch.length) throw retry();
      return;
    }
    if (res.status === 429 || res.status >= 500) throw retry(Number(res.headers.get('retry-after')) * 1000 || undefined);
    const { error = {} } = ((await res.json().catch(() => null)) ?? {}) as ErrorBody;
    const failed = batch[error.index ?? 0] ?? batch[0];
    if (res.status === 409 && error.code === 'prev-mismatch') {
      // The log's chain and ours disagree (storage partly lost, a tab without locks): re-sign after its head.
      if (++rechains.n > 3) throw retry();
      return rechain(o.kv, o.site, await o.device(), failed.id, error.expected);
    }
    // Refused for good: kept with its error, and the receipts after it chained past it.
    const refusal = { code: error.code ?? `http-${res.status}`, message: error.message ?? '' };
    await patchReceipts(o.kv, o.site, (r) => (r.id === failed.id ? { ...r, status: 'refused', error: refusal } : r));
    await rechain(o.kv, o.site, await o.device(), failed.id);
  }

  function flush(): Promise<void> {
    return withLock(`consent-ledger:${o.site}:send`, async () => {
      const rechains = { n: 0 };
      try {
        for (let pending; !stopped && (pending = (await readReceipts(o.kv, o.site)).filter((r) => r.status === 'pending')).length; )
          await send(batchOf(pending), rechains);
        attempt = 0;
      } catch (error) {
        clearTimeout(timer);
        const ms = (error as ReturnType<typeof retry>).retry ?? Math.min(1000 * 2 ** attempt++, MAX_DELAY_MS);
        if (!stopped) timer = setTimeout(flush, ms);
      }
    });
  }

  return { flush, keys, stop: () => ((stopped = true), clearTimeout(timer)) };
}
