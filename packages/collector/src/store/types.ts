// The storage contract of the collector. Every method is asynchronous so that a PostgreSQL store
// (several collector processes on one database) implements it unchanged; the SQLite store is the
// embedded default. Hashes are base64url strings in rows (as on the wire) and raw bytes only where
// Merkle code consumes them (node reads).
import type { KeyObject } from 'node:crypto';
import type {
  AckPayload,
  EntryKind,
  Failure,
  Redaction,
  SiteConfig,
  SiteRecord,
  TokenRole,
  TreeNode,
  VerifiedReceipt,
} from '@consent-ledger/protocol';

export type { Redaction, SiteRecord, TokenRole };

/** A notice ready to be appended: the collector-signed JWS of one language of one config. */
export interface NoticeInput {
  /** The notice's textHash; also its entry id, so an identical notice is never appended twice. */
  textHash: string;
  revision: number;
  language: string;
  jws: string;
  leafHash: string;
}

/** A redaction entry ready to be appended: the collector-signed JWS naming the redacted indexes. */
export interface RedactionEntryInput {
  jws: string;
  /** Its leaf hash; also its entry id. */
  leafHash: string;
}

/** A notice as stored in a site's log. */
export interface NoticeRecord {
  site: string;
  index: number;
  textHash: string;
  revision: number;
  language: string;
  /** Null once redacted. */
  jws: string | null;
  receivedAt: string;
}

/**
 * One entry of a site's log. Receipts carry their decoded fields so audit queries need not parse
 * JWS; a redacted entry keeps `index`, `kind`, `id`, `leafHash`, `receivedAt` and `subject`, and
 * has null payload fields (`jws`, `ack`, `ip`, `userAgent`, `choices`, `page`).
 */
export interface EntryRecord {
  site: string;
  index: number;
  kind: EntryKind;
  /** Receipt: its UUIDv7 id. Notice: its textHash. */
  id: string;
  leafHash: string;
  jws: string | null;
  receivedAt: string;
  /** Receipts only. */
  subject: string | null;
  ack: string | null;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
  choices: Record<string, 'granted' | 'denied'> | null;
  revision: number | null;
  language: string | null;
  /** Receipt: the notice it names. Notice: its own hash. */
  textHash: string | null;
  issuedAt: string | null;
  page: string | null;
  prev: string | null;
  redacted: Redaction | null;
}

/** A verified receipt with what the collector observed about its arrival. */
export interface ReceiptToAppend {
  receipt: VerifiedReceipt;
  /** As it must be stored: already truncated (or null) per the site's `ip` setting. */
  ip: string | null;
  userAgent: string | null;
}

/** One request's receipts (all or nothing), in chain order, for one site. */
export interface ReceiptBatch {
  site: string;
  receipts: ReceiptToAppend[];
  /** The collector clock when the batch was committed (ISO 8601 UTC, milliseconds). */
  receivedAt: string;
}

/** What the store answers for each receipt of an accepted batch. */
export interface AppendedReceipt {
  index: number;
  leafHash: string;
  receivedAt: string;
  ack: string;
  /** True when this exact JWS was already in the log (its original ack is returned). */
  replay: boolean;
}

export type AppendErrorCode = 'prev-mismatch' | 'id-conflict' | 'unknown-site';

/** Why a batch was refused; `index` is the failing receipt's position in its batch. */
export interface AppendFailure extends Failure<AppendErrorCode> {
  index: number;
  /** For `prev-mismatch`: the subject's last accepted leaf hash (null when it has none). */
  expected?: string | null;
}

export type BatchOutcome = { ok: true; receipts: AppendedReceipt[] } | { ok: false; error: AppendFailure };

/**
 * Signs the acks of newly sequenced receipts, called once per append inside its transaction (the
 * index is only known there). Must return one ack JWS per payload, in order.
 */
export type AckSigner = (payloads: AckPayload[]) => Promise<string[]>;

/** An Ed25519 ack key as node:crypto holds it (a KeyObject crosses to worker threads). */
export interface AckSigningKey {
  privateKey: KeyObject;
  kid: string;
}

/** An AckSigner that also hands over its key, so a store may sign on its writer thread (the same acks). */
export type PortableAckSigner = AckSigner & { signingKey: AckSigningKey };

/** Size of a site's log (entries sequenced) and of its tree (entries integrated). */
export interface LogState {
  site: string;
  size: number;
  treeSize: number;
}

/** A signed checkpoint as stored: the note plus the fields it encodes. */
export interface CheckpointRecord {
  site: string;
  size: number;
  rootHash: string;
  /** The signed note; as read back, with its witnesses' cosignature lines appended in the order they arrived. */
  note: string;
  createdAt: string;
}

/** A witness's cosignature of one checkpoint (c2sp.org/tlog-cosignature), as stored. */
export interface CosignatureRecord {
  site: string;
  /** The tree size of the checkpoint cosigned. */
  size: number;
  /** The witness's verifier key (`name+keyid+base64(0x04 || key)`). */
  witness: string;
  /** The signature line, newline included. */
  line: string;
  /** The witness's timestamp (POSIX seconds). */
  timestamp: number;
  /** When the collector received it (ISO 8601 UTC). */
  receivedAt: string;
}

/** One integration step: nodes created by appending entries [fromSize, checkpoint.size). */
export interface Integration {
  site: string;
  /** The tree size this step starts from; the store refuses the step if it is no longer current. */
  fromSize: number;
  /** Complete subtrees created (as protocol's `integrate` returns them); level 0 are leaf hashes, which a store may already hold. */
  nodes: TreeNode[];
  checkpoint: CheckpointRecord;
}

/** An API token: only the SHA-256 of the token is stored. */
export interface TokenRecord {
  id: string;
  /** base64url SHA-256 of the token string. */
  hash: string;
  role: TokenRole;
  sites: string[];
  createdAt: string;
  revokedAt: string | null;
  /** When the token stops working; null: never. */
  expiresAt: string | null;
}

/**
 * Everything the collector persists. Writes that belong together are one transaction; several
 * processes may share one store (PostgreSQL), so every invariant (dense indexes, `prev` chains,
 * one integration per tree size) is enforced inside the store's transactions, never in memory.
 *
 * Its `audit` queries (subject history, receipt search keyed on index, export streams, stats)
 * read the same rows (`EntryRecord`).
 */
export interface LedgerStore {
  /** The audit queries over the same log. */
  readonly audit: AuditQueries;
  /** Saves a config and appends those of its notices whose textHash is not yet in the site's log, atomically; undeletes a deleted site. */
  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }>;
  /** A site by id, deleted ones included (check `deletedAt`). */
  getSite(site: string): Promise<SiteRecord | null>;
  /** Every site, in id order; deleted ones only when asked. */
  listSites(options?: { includeDeleted?: boolean }): Promise<SiteRecord[]>;
  /** Soft-deletes a site: it refuses new receipts, its log stays. False when unknown or already deleted. */
  deleteSite(site: string, at: string): Promise<boolean>;
  /** Every notice in a site's log, in index order. */
  listNotices(site: string): Promise<NoticeRecord[]>;

  /**
   * Appends receipt batches in one transaction (group commit). Per batch, all or nothing: each
   * receipt is first looked up by id (same JWS: a replay, its stored ack; other JWS: `id-conflict`),
   * then its `prev` is checked against its subject's last accepted receipt (earlier receipts of the
   * same call included), then it gets the next dense index of its site's log. A refused batch does
   * not prevent the others. Resolves only once the transaction is durably committed.
   */
  appendReceipts(batches: ReceiptBatch[], signAcks: AckSigner): Promise<BatchOutcome[]>;
  /** An entry (receipt id, or notice textHash) of a site's log. */
  getEntry(site: string, id: string): Promise<EntryRecord | null>;
  /** Entries by index, [from, from + limit), in index order. */
  readEntries(site: string, from: number, limit: number): Promise<EntryRecord[]>;

  /** Every site's log and tree sizes (deleted sites included: their logs may still need integrating). */
  listLogs(): Promise<LogState[]>;
  /** Leaf hashes of entries [from, from + limit) (raw bytes), for the integrator. */
  readLeafHashes(site: string, from: number, limit: number): Promise<Uint8Array[]>;
  /** Hash of stored node (level, index); throws when it does not exist (a caller bug). */
  readNode(site: string, level: number, index: number): Promise<Uint8Array>;
  /** Writes nodes and the new checkpoint atomically; false (nothing written) when `fromSize` is no longer the tree size. */
  integrate(step: Integration): Promise<boolean>;
  /** The latest checkpoint of a site's log, its cosignatures appended. */
  latestCheckpoint(site: string): Promise<CheckpointRecord | null>;
  /** The checkpoint published at exactly this tree size, if any, its cosignatures appended. */
  checkpointAt(site: string, size: number): Promise<CheckpointRecord | null>;
  /** The first checkpoint of a site's log larger than `size` (the oldest a witness that cosigned `size` still lacks), its cosignatures appended. */
  checkpointAfter(site: string, size: number): Promise<CheckpointRecord | null>;
  /** Stores witnesses' cosignatures of stored checkpoints: one per site, size and witness (a repeated one is ignored). */
  addCosignatures(records: CosignatureRecord[]): Promise<void>;
  /** The largest size of a site's log each witness cosigned, by witness verifier key. */
  cosignedSizes(site: string): Promise<Map<string, number>>;

  /**
   * Removes the payload of entries (by id), keeping their leaf hashes, and appends `entry` (the
   * collector's signed redaction entry naming them) at the log's next index, in one transaction;
   * returns how many changed. Without `entry` (as before redaction entries existed), a change
   * unmarks the log's attestation (`logsNotAttested`).
   */
  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number>;
  /**
   * Sites whose log may hold stubs no redaction entry covers: logs older than redaction entries (or
   * redacted without an entry since) that `markLogAttested` has not marked, in site order.
   */
  logsNotAttested(): Promise<string[]>;
  /** Marks a site's log as scanned and its legacy redactions attested (at `at`): `logsNotAttested` leaves it out from now on. */
  markLogAttested(site: string, at: string): Promise<void>;

  /** Stores a new token (its hash only). */
  createToken(token: TokenRecord): Promise<void>;
  /** A token by the hash of its secret (revoked ones included: check `revokedAt`). */
  getTokenByHash(hash: string): Promise<TokenRecord | null>;
  /** Every token, oldest first. */
  listTokens(): Promise<TokenRecord[]>;
  /** Revokes a token; false when unknown or already revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** Waits for in-flight writes, then releases the database. */
  close(): Promise<void>;
}

// ---- Audit --------------------------------------------------------------------------------
// Read-only queries for auditors, and the lookup of the retention purge. Full NDJSON exports page
// through `readExportLines`, partial ones through `readPartialExportLines`; CSV exports through
// `readEntries` (already keyset on index).
// Contract: `describeAuditQueries` in contract-audit.ts, to run beside `describeLedgerStore` against
// every store. Timestamps are the ISO 8601 UTC strings with milliseconds the store holds, so range
// filters compare them as strings.

/** A receipt search; filters combine with AND. Only unredacted receipts match (their choices are gone). */
export interface ReceiptQuery {
  /** Receipts whose `choices` list this purpose. */
  purpose?: string;
  /** With `purpose`: receipts where `choices[purpose]` is this state. Never given without `purpose`. */
  state?: 'granted' | 'denied';
  method?: string;
  /** `receivedAt >= from`. */
  from?: string;
  /** `receivedAt < to`. */
  to?: string;
  /** Keyset cursor: only indexes above it (`asc`) or below it (`desc`). */
  after?: number;
  order: 'asc' | 'desc';
  /** At most this many receipts (1 to 1000). */
  limit: number;
}

/** Aggregation of a site's unredacted receipts by `receivedAt`. */
export interface StatsQuery {
  from?: string;
  to?: string;
  /** `day`: UTC calendar days; `week`: ISO weeks (Monday to Sunday, UTC). */
  interval: 'day' | 'week';
}

/** Counts of one purpose in one bucket. */
export interface PurposeCounts {
  /** Receipts of the bucket with `choices[purpose] === 'granted'`. */
  granted: number;
  denied: number;
  /** Receipts of the bucket that deny the purpose although the subject's previous entry (at any date) granted it; a redacted previous entry grants nothing. */
  withdrawn: number;
}

/** One time bucket of stats. */
export interface StatsBucket {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  start: string;
  receipts: number;
  /** Receipts per method, only methods that occur. */
  methods: Record<string, number>;
  /** Per purpose that occurs in a receipt's choices. */
  purposes: Record<string, PurposeCounts>;
}

/** A page of a full NDJSON export's body, built by the store (see export-lines.ts). */
export interface ExportLines {
  /** Entries read; indexes are dense, so the next page starts at `from + count`. */
  count: number;
  /** Their export lines (`exportLine`, without proof), UTF-8, each newline-terminated, in index order. */
  bytes: Uint8Array;
}

/** What a partial export holds (docs/design.md, Export): every notice below `size`, and the receipts below it received in [from, to), redacted ones included. */
export interface PartialExportQuery {
  /** `receivedAt >= from`. */
  from?: string;
  /** `receivedAt < to`. */
  to?: string;
  /** The tree size of the export's checkpoint: entries from it on are left out. */
  size: number;
}

/** Where the next page of a partial export starts: hand it back as the store returned it. */
export interface PartialExportCursor {
  /** The next page's lines have indexes from here. */
  after: number;
  /** The receipts of the range lie in [first, last] (empty when first > last), found once from the time index. */
  first: number;
  last: number;
}

/** A page of a partial export's body, built by the store (see export-lines.ts). */
export interface PartialExportLines {
  /** The index of each line, ascending. */
  indexes: number[];
  /** Their export lines (`exportLine`, without proof), UTF-8, each newline-terminated: the caller adds each one's proof (`withProofs`). */
  bytes: Uint8Array;
  /** Where each line ends in `bytes` (just after its newline). */
  ends: number[];
  /** The next page's cursor; null after the last page. */
  next: PartialExportCursor | null;
}

/** The audit half of `LedgerStore`. */
export interface AuditQueries {
  /** Every entry of one subject in a site's log (redacted ones included), in index order, which is chain order. */
  subjectEntries(site: string, subject: string): Promise<EntryRecord[]>;
  /** Receipts matching `query`, in index order (`asc` or `desc`), at most `query.limit`; stable under concurrent appends since indexes only grow. */
  searchReceipts(site: string, query: ReceiptQuery): Promise<EntryRecord[]>;
  /** Per-bucket counts of unredacted receipts received in [from, to), buckets in ascending order, empty buckets omitted. */
  receiptStats(site: string, query: StatsQuery): Promise<StatsBucket[]>;
  /** The export lines of entries [from, from + limit), as `exportLineSql` builds them (a full export reads every entry: this is its hot path). */
  readExportLines(site: string, from: number, limit: number): Promise<ExportLines>;
  /**
   * The export lines of a partial export of `query`, in index order, at most `limit` a page: the
   * first page with a null cursor, the next ones with the cursor of the page before. Costs the
   * range's time-index entries once, then only the rows between its first and last receipt (never
   * the whole log), whatever the order of `receivedAt` along the log.
   */
  readPartialExportLines(
    site: string,
    query: PartialExportQuery,
    cursor: PartialExportCursor | null,
    limit: number,
  ): Promise<PartialExportLines>;
  /** Ids of unredacted receipts received before `before`, in index order, at most `limit` (the retention purge's lookup). */
  expiredReceiptIds(site: string, before: string, limit: number): Promise<string[]>;
}
