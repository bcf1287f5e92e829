import { type ErrorBody, type Jwks, MAX_BATCH } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import { deviceKey } from './device';
import { type Kv, keyOf } from './idb';
import { patchReceipts, type ReceiptRecord, readReceipts, rechain } from './receipts';
import { checkAck } from './sign';

/** What the outbox needs from the runtime. */
export interface OutboxOptions {
  kv: Kv;
  site: string;
  collector: string;
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

/** Most bytes of JWS in one batch: a keepalive request may carry at most 64 KiB in flight. */
const MAX_BATCH_BYTES = 48_000;

/** The first pending receipts that fit one batch (at least one, however large). */
export function nextBatch(pending: ReceiptRecord[]): ReceiptRecord[] {
  let bytes = 0;
  let count = 0;
  for (const r of pending.slice(0, MAX_BATCH)) {
    // Each JWS travels as a JSON string and a comma.
    bytes += r.jws.length + 3;
    if (count && bytes > MAX_BATCH_BYTES) break;
    count++;
  }
  return pending.slice(0, count);
}

/** Creates the outbox of a site. */
export function createOutbox({ kv, site, collector, onAck }: OutboxOptions): Outbox {
  let attempt = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cachedKeys: Jwks | undefined;
  const keysKey = keyOf.keys(collector);
  // Thrown to end a flush and try again later: after `ms`, or the next backoff step.
  const retry = (ms?: number) => ({ retry: ms });
  // Once stopped, nothing more goes out, not even the rest of a flush in progress.
  const request = (path: string, init?: RequestInit) =>
    stopped ? Promise.reject(retry()) : fetch(collector + path, init);
  const patch = (fn: (r: ReceiptRecord) => ReceiptRecord) => patchReceipts(kv, site, fn);

  async function keys(refresh = false): Promise<Jwks> {
    if (!refresh) {
      cachedKeys ??= (await kv.getMany<[Jwks?]>([keysKey]))[0];
      if (cachedKeys) return cachedKeys;
    }
    const res = await request('/v1/keys');
    if (!res.ok) throw retry();
    cachedKeys = (await res.json()) as Jwks;
    await kv.set(keysKey, cachedKeys);
    return cachedKeys;
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
      next: for (const [i, r] of batch.entries()) {
        for (const refresh of [false, true]) {
          const p = await checkAck(acks[i], await keys(refresh));
          if (p?.id === r.id && p.leafHash === r.leafHash && p.subject === r.payload.subject) {
            done.set(r.id, { ...r, status: 'acknowledged', ack: { jws: acks[i], payload: p }, error: null });
            continue next;
          }
        }
        // An ack that does not verify proves nothing: the receipt stays pending.
        break;
      }
      await patch((r) => done.get(r.id) ?? r);
      done.forEach(onAck);
      if (done.size < batch.length) throw retry();
      return;
    }
    const { status } = res;
    if (status === 429 || status >= 500) throw retry(+res.headers.get('retry-after')! * 1000 || undefined);
    // Whatever answered (the collector, or a proxy's page), read as much of an ErrorBody as there is.
    const { error = {} } = ((await res.json().catch(() => null)) ?? {}) as { error?: Partial<ErrorBody['error']> };
    const { id } = batch[error.index!] ?? batch[0];
    if (status === 409 && error.code === 'prev-mismatch') {
      // The log's chain and ours disagree (storage partly lost, a tab without locks): re-sign after its head.
      if (++rechains.n > 3) throw retry();
      return rechain(kv, site, await deviceKey(kv), id, error.expected);
    }
    // Refused for good: kept with its error, and the receipts after it chained past it.
    const refusal = { code: error.code ?? `http-${status}`, message: error.message ?? '' };
    await patch((r) => (r.id === id ? { ...r, status: 'refused', error: refusal } : r));
    await rechain(kv, site, await deviceKey(kv), id);
  }

  function flush(): Promise<void> {
    return withLock(`consent-ledger:${site}:send`, async () => {
      const rechains = { n: 0 };
      try {
        while (!stopped) {
          const pending = (await readReceipts(kv, site)).filter((r) => r.status === 'pending');
          if (!pending.length) break;
          await send(nextBatch(pending), rechains);
        }
        attempt = 0;
      } catch (error) {
        clearTimeout(timer);
        if (!stopped)
          timer = setTimeout(flush, (error as ReturnType<typeof retry>).retry ?? Math.min(1000 * 2 ** attempt++, 3e5));
      }
    });
  }

  return {
    flush,
    keys,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
