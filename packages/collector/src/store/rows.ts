// Rows as both SQL stores read them, and their records: the tables are the same in both dialects,
// only the driver's decoding of a few columns (bytes, JSON) differs, and that is left to each store.
import { base64urlEncode, type EntryKind, type SiteConfig } from '@consent-ledger/protocol';
import type { CheckpointRecord, EntryRecord, NoticeRecord, SiteRecord } from './types';

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

/** The entries columns in the order both stores select and insert them. */
export const ENTRY_COLUMNS =
  'site, idx, kind, id, leaf_hash, jws, received_at, subject, ack, ip, user_agent, method, choices, revision, language, text_hash, issued_at, page, prev, redacted_at, redacted_reason';

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

/** The record of a checkpoints row. */
export function toCheckpoint(row: CheckpointRow): CheckpointRecord {
  return { site: row.site, size: row.size, rootHash: row.root_hash, note: row.note, createdAt: row.created_at };
}
