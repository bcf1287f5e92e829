import type { ReceiptInput, ReceiptPayload } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import type { HistoryItem } from '../types';
import { type Kv, keyOf } from './idb';
import { type DeviceKey, signReceipt } from './sign';

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

/** What the runtime supplies for a new receipt (its `id` and `issuedAt` when decided earlier); `prev` is found in the chain. */
export type NewReceipt = Omit<ReceiptInput, 'prev'>;

/** Reads the site's receipts, oldest first. */
export const readReceipts = async (kv: Kv, site: string): Promise<ReceiptRecord[]> =>
  (await kv.getMany<[ReceiptRecord[]?]>([keyOf.receipts(site)]))[0] ?? [];

/** The record as the public API shows it. */
export const toHistoryItem = ({
  payload: { issuedAt, method, choices },
  leafHash: _,
  ...rest
}: ReceiptRecord): HistoryItem => ({ ...rest, issuedAt, method, choices });

/** Rewrites the stored records in one transaction, so concurrent updates of other records are never lost. */
export const patchReceipts = (
  kv: Kv,
  site: string,
  patch: (r: ReceiptRecord) => ReceiptRecord,
  add: ReceiptRecord[] = [],
): Promise<void> => kv.update<ReceiptRecord[]>(keyOf.receipts(site), (list = []) => [...list.map(patch), ...add]);

// Refused receipts never reached the log, so the chain skips them.
const chainHead = (list: ReceiptRecord[]): string | null =>
  list.findLast((r) => r.status !== 'refused')?.leafHash ?? null;

const lockName = (site: string) => `consent-ledger:${site}`;

/**
 * Signs a receipt chained after the subject's last one and queues it, under the site's lock; `first`
 * runs under the same lock before signing (the runtime stores the decision there). A receipt whose
 * `id` the chain already holds is not signed twice: the one there is returned (another tab may have
 * signed what a page left owing).
 */
export function appendReceipt(
  kv: Kv,
  site: string,
  device: DeviceKey,
  input: NewReceipt,
  first?: () => Promise<void>,
): Promise<ReceiptRecord> {
  return withLock(lockName(site), async () => {
    await first?.();
    const list = await readReceipts(kv, site);
    const signed = list.find((r) => r.id === input.id);
    if (signed) return signed;
    const r = await signReceipt({ ...input, prev: chainHead(list) }, device);
    const record: ReceiptRecord = { ...r, id: r.payload.id, status: 'pending', ack: null, error: null };
    await patchReceipts(kv, site, (x) => x, [record]);
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
    let prev = head === undefined ? chainHead(list.slice(0, at)) : head;
    const signed = new Map<string, ReceiptRecord>();
    for (const r of at < 0 ? [] : list.slice(at)) {
      if (r.status !== 'pending') continue;
      const { v: _v, subject: _s, ...input } = r.payload;
      const next = { ...r, ...(await signReceipt({ ...input, prev }, device)) };
      signed.set(r.id, next);
      prev = next.leafHash;
    }
    await patchReceipts(kv, site, (r) => (r.status === 'pending' && signed.get(r.id)) || r);
  });
}
