// The decision part of `LedgerStore.appendReceipts`, free of any database: given what the log
// already holds (looked up by the store inside its transaction), decide per batch whether it is
// accepted, which receipts are replays, and which index each new receipt gets.
import type { AckPayload } from '@consent-ledger/protocol';
import type { AppendedReceipt, BatchOutcome, ReceiptBatch } from './types';

/** A receipt already in the log, as the id lookup finds it. */
export interface StoredReceipt {
  index: number;
  leafHash: string;
  ack: string | null;
  receivedAt: string;
}

/** What the planner reads from the log; every lookup answers the committed state under the store's lock. */
export interface PlanLookups {
  /** The site's log size when the site exists and is not deleted, else null. */
  logSize(site: string): number | null;
  /** The receipt with this id in the site's log, if any. */
  stored(site: string, id: string): StoredReceipt | undefined;
  /** The leaf hash of the subject's last receipt in the site's log, or null. */
  head(site: string, subject: string): string | null;
}

/** A new receipt to insert; `ack` is filled in once signed. */
export interface PlannedReceipt {
  batch: ReceiptBatch;
  position: number;
  index: number;
  leafHash: string;
  ack: string;
}

/** A plan: per batch its outcome-to-be, the new receipts in index order, and the new log sizes. */
export interface AppendPlan {
  /** Resolve with `outcomes()` once every planned receipt has its ack. */
  outcomes(): BatchOutcome[];
  fresh: PlannedReceipt[];
  /** Per site that grows: its size after the planned receipts. */
  sizes: Map<string, number>;
}

type Slot = { planned: PlannedReceipt; replay: boolean } | AppendedReceipt;

/** Plans an append call: id lookup first (replay or conflict), then the `prev` check, then the next dense index. */
export function planAppend(batches: ReceiptBatch[], log: PlanLookups): AppendPlan {
  const sizes = new Map<string, number>();
  const heads = new Map<string, string | null>();
  const byId = new Map<string, PlannedReceipt>();
  const fresh: PlannedReceipt[] = [];
  const results: Array<Slot[] | BatchOutcome> = [];
  for (const batch of batches) {
    const site = batch.site;
    const logSize = log.logSize(site);
    if (logSize === null) {
      results.push({ ok: false, error: { code: 'unknown-site', message: `unknown site "${site}"`, index: 0 } });
      continue;
    }
    let size = sizes.get(site) ?? logSize;
    const localHeads = new Map<string, string | null>();
    const localIds = new Map<string, PlannedReceipt>();
    const slots: Slot[] = [];
    let failure: BatchOutcome | null = null;
    for (const [position, { receipt }] of batch.receipts.entries()) {
      const r = receipt.payload;
      const idKey = `${site}\n${r.id}`;
      const pending = localIds.get(idKey) ?? byId.get(idKey);
      if (pending) {
        if (pending.leafHash !== receipt.leafHash) failure = idConflict(position, r.id);
        else slots.push({ planned: pending, replay: true });
      } else {
        const stored = log.stored(site, r.id);
        if (stored) {
          if (stored.leafHash !== receipt.leafHash || stored.ack === null) failure = idConflict(position, r.id);
          else
            slots.push({
              index: stored.index,
              leafHash: stored.leafHash,
              receivedAt: stored.receivedAt,
              ack: stored.ack,
              replay: true,
            });
        } else {
          const headKey = `${site}\n${r.subject}`;
          const expected = localHeads.has(headKey)
            ? localHeads.get(headKey)!
            : heads.has(headKey)
              ? heads.get(headKey)!
              : log.head(site, r.subject);
          if (r.prev !== expected) {
            failure = {
              ok: false,
              error: {
                code: 'prev-mismatch',
                message: "prev is not the subject's last accepted receipt",
                index: position,
                expected,
              },
            };
          } else {
            const planned: PlannedReceipt = { batch, position, index: size++, leafHash: receipt.leafHash, ack: '' };
            localIds.set(idKey, planned);
            localHeads.set(headKey, receipt.leafHash);
            slots.push({ planned, replay: false });
          }
        }
      }
      if (failure) break;
    }
    if (failure) {
      results.push(failure);
      continue;
    }
    if (localIds.size > 0) sizes.set(site, size);
    for (const [k, v] of localHeads) heads.set(k, v);
    for (const [k, v] of localIds) {
      byId.set(k, v);
      fresh.push(v);
    }
    results.push(slots);
  }
  return {
    fresh,
    sizes,
    outcomes: () =>
      results.map((r) =>
        Array.isArray(r)
          ? { ok: true as const, receipts: r.map((s) => ('planned' in s ? answer(s.planned, s.replay) : s)) }
          : r,
      ),
  };
}

/** The ack payload of a planned receipt. */
export function ackPayloadOf(p: PlannedReceipt): AckPayload {
  const { receipt, ip, userAgent } = p.batch.receipts[p.position];
  return {
    v: 1,
    id: receipt.payload.id,
    site: p.batch.site,
    subject: receipt.payload.subject,
    index: p.index,
    leafHash: p.leafHash,
    receivedAt: p.batch.receivedAt,
    ip,
    userAgent,
  };
}

function answer(p: PlannedReceipt, replay: boolean): AppendedReceipt {
  return { index: p.index, leafHash: p.leafHash, receivedAt: p.batch.receivedAt, ack: p.ack, replay };
}

function idConflict(position: number, id: string): BatchOutcome {
  return {
    ok: false,
    error: { code: 'id-conflict', message: `id ${id} is already used by another receipt`, index: position },
  };
}
