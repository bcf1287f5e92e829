// The wire shape of the auditor's subject history (`GET /v1/audit/sites/:site/subjects/:subject`):
// built by the collector, read by the auditor UI and the end-to-end scenarios.
import type { AckPayload } from './ack';
import type { Notice } from './notice';
import type { InclusionProofBundle } from './proof';
import type { ReceiptPayload } from './receipt';

/** A notice a receipt names, decoded. */
export interface HistoryNotice {
  index: number;
  textHash: string;
  revision: number;
  language: string;
  receivedAt: string;
  /** Null once redacted. */
  jws: string | null;
  notice: Notice | null;
}

/** One receipt of the history. */
export interface HistoryReceipt {
  index: number;
  id: string;
  leafHash: string;
  receivedAt: string;
  /** Null once redacted (as are `payload`, `ack`, `ackPayload`). */
  jws: string | null;
  payload: ReceiptPayload | null;
  ack: string | null;
  ackPayload: AckPayload | null;
  /** The notice's textHash; look it up in `notices`. */
  textHash: string | null;
  redacted: { at: string; reason: string } | null;
  /** Against the latest checkpoint; `pending` until the entry is integrated. */
  proof: InclusionProofBundle | { status: 'pending' };
}

/** One period during which a purpose was granted. */
export interface GrantPeriod {
  grantedAt: string;
  grantedBy: string;
  grantedIndex: number;
  /** Null while still granted. */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnIndex: number | null;
}

/** The answer of `GET /v1/audit/sites/:site/subjects/:subject`. */
export interface SubjectHistory {
  site: string;
  subject: string;
  checkpoint: { size: number; rootHash: string; note: string; createdAt: string } | null;
  receipts: HistoryReceipt[];
  /** The notices the receipts name, by textHash. */
  notices: Record<string, HistoryNotice>;
  /** Per purpose, its grant periods, oldest first; every purpose any receipt lists appears. */
  timeline: Record<string, GrantPeriod[]>;
  /** Each purpose's state after the last unredacted receipt. */
  current: Record<string, 'granted' | 'denied'>;
}
