// A subject's history as an auditor reads it: every receipt (decoded and raw) in chain order,
// the notice each one names, its ack and inclusion proof, and per purpose when it was granted and
// when, and how, it was withdrawn.
import {
  type AckPayload,
  base64urlEncode,
  decodeJws,
  fromUtf8,
  type GrantPeriod,
  type HistoryNotice,
  type InclusionProofBundle,
  inclusionProof,
  type Notice,
  type ReceiptPayload,
  type SubjectHistory,
} from '@consent-ledger/protocol';
import type { CheckpointRecord, EntryRecord, LedgerStore, NoticeRecord } from './store/types';

/** Decodes a JWS payload as JSON, or null. */
export function payloadOf<T>(jws: string | null): T | null {
  if (jws === null) return null;
  const decoded = decodeJws(jws);
  if (!decoded.ok) return null;
  try {
    return JSON.parse(fromUtf8(decoded.value.payload)) as T;
  } catch {
    return null;
  }
}

/** Builds the grant periods of a chain of receipts; redacted receipts change nothing (their choices are gone). */
export function grantTimeline(receipts: Pick<EntryRecord, 'index' | 'receivedAt' | 'method' | 'choices'>[]): {
  timeline: Record<string, GrantPeriod[]>;
  current: Record<string, 'granted' | 'denied'>;
} {
  const timeline: Record<string, GrantPeriod[]> = {};
  const current: Record<string, 'granted' | 'denied'> = {};
  for (const r of receipts) {
    if (!r.choices) continue;
    for (const [purpose, state] of Object.entries(r.choices)) {
      timeline[purpose] ??= [];
      const periods = timeline[purpose];
      const open =
        periods.length > 0 && periods[periods.length - 1].withdrawnAt === null ? periods[periods.length - 1] : null;
      if (state === 'granted' && !open) {
        periods.push({
          grantedAt: r.receivedAt,
          grantedBy: r.method ?? '',
          grantedIndex: r.index,
          withdrawnAt: null,
          withdrawnBy: null,
          withdrawnIndex: null,
        });
      } else if (state === 'denied' && open) {
        Object.assign(open, { withdrawnAt: r.receivedAt, withdrawnBy: r.method ?? '', withdrawnIndex: r.index });
      }
      current[purpose] = state;
    }
  }
  return { timeline, current };
}

/** Reads and assembles one subject's history in one site's log. */
export async function subjectHistory(store: LedgerStore, site: string, subject: string): Promise<SubjectHistory> {
  const [entries, checkpoint, noticeRecords] = await Promise.all([
    store.audit.subjectEntries(site, subject),
    store.latestCheckpoint(site),
    store.listNotices(site),
  ]);
  const receipts = entries.filter((e) => e.kind === 'receipt');
  const byHash = new Map<string, NoticeRecord>(noticeRecords.map((n) => [n.textHash, n]));
  const notices: Record<string, HistoryNotice> = {};
  for (const r of receipts) {
    const record = r.textHash === null ? undefined : byHash.get(r.textHash);
    if (!record || notices[record.textHash]) continue;
    const { site: _site, ...described } = record;
    notices[record.textHash] = { ...described, notice: payloadOf<Notice>(record.jws) };
  }
  const proofs = await Promise.all(receipts.map((r) => proofOf(store, r, checkpoint)));
  const { timeline, current } = grantTimeline(receipts);
  return {
    site,
    subject,
    checkpoint: checkpoint && {
      size: checkpoint.size,
      rootHash: checkpoint.rootHash,
      note: checkpoint.note,
      createdAt: checkpoint.createdAt,
    },
    receipts: receipts.map((r, i) => ({
      index: r.index,
      id: r.id,
      leafHash: r.leafHash,
      receivedAt: r.receivedAt,
      jws: r.jws,
      payload: payloadOf<ReceiptPayload>(r.jws),
      ack: r.ack,
      ackPayload: payloadOf<AckPayload>(r.ack),
      textHash: r.textHash,
      redacted: r.redacted,
      proof: proofs[i],
    })),
    notices,
    timeline,
    current,
  };
}

/** An entry's inclusion proof bundle against `checkpoint`, or pending. */
export async function proofOf(
  store: LedgerStore,
  entry: EntryRecord,
  checkpoint: CheckpointRecord | null,
): Promise<InclusionProofBundle | { status: 'pending' }> {
  if (!checkpoint || entry.index >= checkpoint.size) return { status: 'pending' };
  const hashes = await inclusionProof(entry.index, checkpoint.size, (level, index) =>
    store.readNode(entry.site, level, index),
  );
  return {
    site: entry.site,
    id: entry.id,
    index: entry.index,
    leafHash: entry.leafHash,
    treeSize: checkpoint.size,
    hashes: hashes.map(base64urlEncode),
    checkpoint: checkpoint.note,
  };
}
