import type { ReceiptInput, ReceiptPayload } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import type { HistoryItem } from '../types';
import { keyOf, type Kv } from './idb';
import { signReceipt, type DeviceKey, type SignedReceipt } from './sign';

/** One receipt as kept on the device, in chain order: the outbox is its `pending` part. */
export interface ReceiptRecord {
  id: string;
  jws: string;
  /** Leaf hash of `jws` (base64url): the next receipt's `prev`. */
  leafHash: string;
  payload: ReceiptPayload;
  status: HistoryItem['status'];
  ack: HistoryItem['ack'];
  error: HistoryItem['error'];
}

/** What the runtime supplies for a new receipt; `prev` is found in the chain. */
export type NewReceipt = Omit<ReceiptInput, 'prev' | 'id' | 'issuedAt'>;

/** Reads the site's receipts, oldest first. */
export async function readReceipts(kv: Kv, site: string): Promise<ReceiptRecord[]> {
  const [list] = await kv.getMany<[ReceiptRecord[] | undefined]>([keyOf.receipts(site)]);
  return list ?? [];
}

/** The record as the public API shows it. */
export const toHistoryItem = (r: ReceiptRecord): HistoryItem => ({
  id: r.id,
  issuedAt: r.payload.issuedAt,
  method: r.payload.method,
  choices: r.payload.choices,
  status: r.status,
  jws: r.jws,
  ack: r.ack,
  error: r.error,
});

// Refused receipts never reached the log, so the chain skips them.
const chainHead = (list: ReceiptRecord[]): string | null =>
  list.findLast((r) => r.status !== 'refused')?.leafHash ?? null;

const lockName = (site: string) => `consent-ledger:${site}`;

async function sign(input: ReceiptInput, device: DeviceKey): Promise<SignedReceipt & { id: string }> {
  const r = await signReceipt(input, device);
  return { ...r, id: r.payload.id };
}

/** Signs a receipt chained after the subject's last one and queues it, under the site's lock. */
export function appendReceipt(kv: Kv, site: string, device: DeviceKey, input: NewReceipt): Promise<ReceiptRecord> {
  return withLock(lockName(site), async () => {
    const prev = chainHead(await readReceipts(kv, site));
    const record: ReceiptRecord = { ...(await sign({ ...input, prev }, device)), status: 'pending', ack: null, error: null };
    // Appended in one transaction so a concurrent ack update of an older record is never lost.
    await kv.update<ReceiptRecord[]>(keyOf.receipts(site), (list = []) => [...list, record]);
    return record;
  });
}

/**
 * Re-signs every pending receipt from `fromId` on, chained after `head` (default: the last
 * receipt before it that was not refused). Ids and issue times stay: the log sees one receipt per id.
 */
export function rechain(kv: Kv, site: string, device: DeviceKey, fromId: string, head?: string | null): Promise<void> {
  return withLock(lockName(site), async () => {
    const list = await readReceipts(kv, site);
    const at = list.findIndex((r) => r.id === fromId);
    if (at < 0) return;
    let prev = head === undefined ? chainHead(list.slice(0, at)) : head;
    const signed = new Map<string, Awaited<ReturnType<typeof sign>>>();
    for (const r of list.slice(at)) {
      if (r.status !== 'pending') continue;
      const { v: _v, subject: _s, ...input } = r.payload;
      const next = await sign({ ...input, prev }, device);
      signed.set(r.id, next);
      prev = next.leafHash;
    }
    await kv.update<ReceiptRecord[]>(keyOf.receipts(site), (now = []) =>
      now.map((r) => (r.status === 'pending' && signed.has(r.id) ? { ...r, ...signed.get(r.id)! } : r)),
    );
  });
}

/** Applies acks and refusals to the stored records (by id, in one transaction). */
export function settleReceipts(
  kv: Kv,
  site: string,
  changes: Map<string, Partial<Pick<ReceiptRecord, 'status' | 'ack' | 'error'>>>,
): Promise<void> {
  return kv.update<ReceiptRecord[]>(keyOf.receipts(site), (list = []) =>
    list.map((r) => (changes.has(r.id) ? { ...r, ...changes.get(r.id) } : r)),
  );
}
