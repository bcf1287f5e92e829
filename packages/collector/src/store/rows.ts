// Rows as both SQL stores read them, and their records: the tables are the same in both dialects,
// only the driver's decoding of a few columns (bytes, JSON) differs, and that is left to each store.
import { base64urlEncode, type EntryKind, type SiteConfig } from '@consent-ledger/protocol';
import type { PlannedReceipt } from './append-plan';
import type {
  CheckpointRecord,
  EntryRecord,
  NoticeInput,
  NoticeRecord,
  RedactionEntryInput,
  SiteRecord,
  TokenRecord,
} from './types';

/** An entries row; `Choices` is how the driver hands back the choices column. */
export interface EntryRow<Choices> {
  site: string;
  idx: number;
  kind: EntryKind;
  id: string;
  leaf_hash: Uint8Array;
  jws: string | null;
  received_at: string;
  subject: string | null;
  ack: string | null;
  ip: string | null;
  user_agent: string | null;
  method: string | null;
  choices: Choices;
  revision: number | null;
  language: string | null;
  text_hash: string | null;
  issued_at: string | null;
  page: string | null;
  prev: string | null;
  redacted_at: string | null;
  redacted_reason: string | null;
}

/** A sites row. */
export interface SiteRow {
  site: string;
  config: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A checkpoints row. */
export interface CheckpointRow {
  site: string;
  size: number;
  root_hash: string;
  note: string;
  created_at: string;
}

/** The entries columns, in the order both stores select and insert them. */
export const ENTRY_COLUMN_NAMES = [
  'site',
  'idx',
  'kind',
  'id',
  'leaf_hash',
  'jws',
  'received_at',
  'subject',
  'ack',
  'ip',
  'user_agent',
  'method',
  'choices',
  'revision',
  'language',
  'text_hash',
  'issued_at',
  'page',
  'prev',
  'redacted_at',
  'redacted_reason',
] as const satisfies ReadonlyArray<keyof EntryRow<unknown>>;

/** ENTRY_COLUMN_NAMES for a SELECT or an INSERT. */
export const ENTRY_COLUMNS = ENTRY_COLUMN_NAMES.join(', ');

/** An entries row as both stores insert it: choices as JSON text, the leaf hash as bytes. */
export type NewEntryRow = EntryRow<string | null>;

/** The columns only a visitor's receipt fills, empty for the collector's own entries (notices, redactions). */
const NO_RECEIPT = {
  subject: null,
  ack: null,
  ip: null,
  user_agent: null,
  method: null,
  choices: null,
  revision: null,
  language: null,
  text_hash: null,
  issued_at: null,
  page: null,
  prev: null,
  redacted_at: null,
  redacted_reason: null,
} as const;

// Buffer's native base64url in the row builders: every leaf hash here is the collector's own, never a client's text.

/** The row of a receipt the append plan placed, once its ack is signed. */
export function receiptRow(planned: PlannedReceipt): NewEntryRow {
  const { receipt, ip, userAgent } = planned.batch.receipts[planned.position];
  const r = receipt.payload;
  return {
    site: planned.batch.site,
    idx: planned.index,
    kind: 'receipt',
    id: r.id,
    leaf_hash: Buffer.from(planned.leafHash, 'base64url'),
    jws: receipt.jws,
    received_at: planned.batch.receivedAt,
    subject: r.subject,
    ack: planned.ack,
    ip,
    user_agent: userAgent,
    method: r.method,
    choices: JSON.stringify(r.choices),
    revision: r.revision,
    language: r.language,
    text_hash: r.textHash,
    issued_at: r.issuedAt,
    page: r.page,
    prev: r.prev,
    redacted_at: null,
    redacted_reason: null,
  };
}

/** The row of a published notice at `index` of its site's log (its id is its text hash). */
export function noticeRow(site: string, index: number, notice: NoticeInput, at: string): NewEntryRow {
  return {
    ...NO_RECEIPT,
    site,
    idx: index,
    kind: 'notice',
    id: notice.textHash,
    leaf_hash: Buffer.from(notice.leafHash, 'base64url'),
    jws: notice.jws,
    received_at: at,
    revision: notice.revision,
    language: notice.language,
    text_hash: notice.textHash,
  };
}

/** The row of the collector's signed redaction statement at `index` (its id is its leaf hash). */
export function redactionRow(site: string, index: number, entry: RedactionEntryInput, at: string): NewEntryRow {
  return {
    ...NO_RECEIPT,
    site,
    idx: index,
    kind: 'redaction',
    id: entry.leafHash,
    leaf_hash: Buffer.from(entry.leafHash, 'base64url'),
    jws: entry.jws,
    received_at: at,
  };
}

/**
 * The notices of a site publication that its log does not hold yet (`known` tells by text hash),
 * as rows from index `size` on, and their records; a notice repeated in `notices` is appended once.
 */
export function newNotices(
  site: string,
  size: number,
  notices: NoticeInput[],
  known: (textHash: string) => boolean,
  at: string,
): { rows: NewEntryRow[]; appended: NoticeRecord[] } {
  const rows: NewEntryRow[] = [];
  const seen = new Set<string>();
  for (const notice of notices) {
    if (seen.has(notice.textHash) || known(notice.textHash)) continue;
    seen.add(notice.textHash);
    rows.push(noticeRow(site, size + rows.length, notice, at));
  }
  return { rows, appended: rows.map(toNotice) };
}

/** The record of an entries row whose choices the store has decoded. */
export function entryRecord(row: EntryRow<unknown>, choices: EntryRecord['choices']): EntryRecord {
  return {
    site: row.site,
    index: row.idx,
    kind: row.kind,
    id: row.id,
    leafHash: base64urlEncode(row.leaf_hash),
    jws: row.jws,
    receivedAt: row.received_at,
    subject: row.subject,
    ack: row.ack,
    ip: row.ip,
    userAgent: row.user_agent,
    method: row.method,
    choices,
    revision: row.revision,
    language: row.language,
    textHash: row.text_hash,
    issuedAt: row.issued_at,
    page: row.page,
    prev: row.prev,
    redacted: row.redacted_at === null ? null : { at: row.redacted_at, reason: row.redacted_reason ?? '' },
  };
}

/** The notice record of a notice entry (its id is the text hash). */
export function toNotice(row: EntryRow<unknown>): NoticeRecord {
  return {
    site: row.site,
    index: row.idx,
    textHash: row.id,
    revision: row.revision ?? 0,
    language: row.language ?? '',
    jws: row.jws,
    receivedAt: row.received_at,
  };
}

/** The record of a sites row. */
export function toSite(row: SiteRow): SiteRecord {
  return {
    site: row.site,
    config: JSON.parse(row.config) as SiteConfig,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** A tokens row; `Sites` is how the driver hands back the sites column. */
export interface TokenRow<Sites> {
  id: string;
  hash: string;
  role: TokenRecord['role'];
  sites: Sites;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}

/** The record of a tokens row whose sites the store has decoded. */
export function tokenRecord(row: TokenRow<unknown>, sites: string[]): TokenRecord {
  return {
    id: row.id,
    hash: row.hash,
    role: row.role,
    sites,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

/** The record of a checkpoints row. */
export function toCheckpoint(row: CheckpointRow): CheckpointRecord {
  return { site: row.site, size: row.size, rootHash: row.root_hash, note: row.note, createdAt: row.created_at };
}
