// The embedded LedgerStore: one SQLite file in WAL mode. Writes go through one connection and a
// queue (sqlite-writes.ts), on this thread or on a writer thread; reads use a second connection,
// which only ever sees committed data. Other processes (the CLI while `serve` runs) are
// serialised by SQLite's own write lock, which this store only takes for synchronous work, so it
// never holds it across an await.

import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import type { SiteConfig } from '@consent-ledger/protocol';
import Database from 'better-sqlite3';
import {
  type CheckpointRow,
  ENTRY_COLUMNS,
  entryRecord,
  type SiteRow,
  type EntryRow as StoredEntryRow,
  type TokenRow,
  toCheckpoint,
  tokenRecord,
  toNotice,
  toSite,
} from './rows';
import { sqliteAuditQueries } from './sqlite-audit';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import { SqliteWriterThread } from './sqlite-writer-thread';
import { openWriterConnection, type SqliteWriter, SqliteWrites } from './sqlite-writes';
import type {
  AckSigner,
  AuditQueries,
  BatchOutcome,
  CheckpointRecord,
  CosignatureRecord,
  EntryRecord,
  Integration,
  LedgerStore,
  LogState,
  NoticeInput,
  NoticeRecord,
  ReceiptBatch,
  Redaction,
  RedactionEntryInput,
  SiteRecord,
  TokenRecord,
} from './types';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Wait this long for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
  /**
   * The bundled sqlite-writer-worker script: writes then run on a thread of their own, so commits
   * never stall the thread that serves HTTP. Without it they run on the calling thread.
   */
  writerWorker?: URL;
}

/** A checkpoints row (as `c`) with its cosignature lines appended to the note, in the order they arrived. */
const COSIGNED_CHECKPOINT = `c.site, c.size, c.root_hash, c.created_at, c.note || coalesce((SELECT group_concat(s.line, '' ORDER BY s.received_at, s.witness) FROM cosignatures s WHERE s.site = c.site AND s.size = c.size), '') AS note`;

// SQLite keeps JSON columns as text.
type EntryRow = StoredEntryRow<string | null>;

/** Opens (creating and migrating when needed) the SQLite store at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): LedgerStore {
  return new SqliteStore(path, options);
}

function toEntry(row: EntryRow): EntryRecord {
  return entryRecord(row, row.choices === null ? null : (JSON.parse(row.choices) as EntryRecord['choices']));
}

// SQLite keeps the sites list as JSON text.
function toToken(row: TokenRow<string>): TokenRecord {
  return tokenRecord(row, JSON.parse(row.sites) as string[]);
}

/**
 * Creates the ledger file readable by its owner only (0600), and takes group and other access away
 * from an existing one and its WAL, shared-memory and journal files: they hold IP addresses and user
 * agents. SQLite creates the WAL and shared-memory files with the database file's mode.
 */
function restrictFileModes(path: string): void {
  if (path === ':memory:' || path.startsWith('file:')) return;
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    let mode: number;
    try {
      mode = statSync(file).mode;
    } catch {
      continue;
    }
    if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
  }
}

function migrate(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (let v = applied; v < SQLITE_MIGRATIONS.length; v++) db.exec(SQLITE_MIGRATIONS[v]);
    if (applied < SQLITE_MIGRATIONS.length) db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

class SqliteStore implements LedgerStore {
  private readonly writes: SqliteWriter;
  private readonly reader: Database.Database;
  private readonly r;
  /** The audit queries, on the same connections (sqlite-audit.ts). */
  readonly audit: AuditQueries;

  constructor(path: string, options: SqliteStoreOptions) {
    const timeout = options.busyTimeoutMs ?? 5000;
    restrictFileModes(path);
    // Migrated here, on the serving thread, before any statement is prepared on either connection.
    const setup = openWriterConnection(path, timeout);
    migrate(setup);
    if (options.writerWorker) {
      setup.close();
      this.writes = new SqliteWriterThread(options.writerWorker, { path, busyTimeoutMs: timeout });
    } else {
      this.writes = new SqliteWrites(setup);
    }
    this.reader = new Database(path, { timeout });
    const r = this.reader;
    this.r = {
      site: r.prepare<[string], SiteRow>('SELECT * FROM sites WHERE site = ?'),
      sites: r.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY site'),
      liveSites: r.prepare<[], SiteRow>('SELECT * FROM sites WHERE deleted_at IS NULL ORDER BY site'),
      notices: r.prepare<[string], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND kind = 'notice' ORDER BY idx`,
      ),
      entry: r.prepare<[string, string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND id = ?`),
      entries: r.prepare<[string, number, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND idx >= ? ORDER BY idx LIMIT ?`,
      ),
      logs: r.prepare<[], LogState>('SELECT site, size, tree_size AS treeSize FROM logs ORDER BY site'),
      notAttested: r.prepare<[], { site: string }>(
        'SELECT site FROM logs WHERE legacy_attested_at IS NULL ORDER BY site',
      ),
      leaves: r.prepare<[string, number, number], { leaf_hash: Uint8Array }>(
        'SELECT leaf_hash FROM entries WHERE site = ? AND idx >= ? ORDER BY idx LIMIT ?',
      ),
      leaf: r.prepare<[string, number], { leaf_hash: Uint8Array }>(
        'SELECT leaf_hash FROM entries WHERE site = ? AND idx = ?',
      ),
      node: r.prepare<[string, number, number], { hash: Uint8Array }>(
        'SELECT hash FROM nodes WHERE site = ? AND level = ? AND idx = ?',
      ),
      latest: r.prepare<[string], CheckpointRow>(
        `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = ? ORDER BY size DESC LIMIT 1`,
      ),
      checkpointAt: r.prepare<[string, number], CheckpointRow>(
        `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = ? AND size = ?`,
      ),
      checkpointAfter: r.prepare<[string, number], CheckpointRow>(
        `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = ? AND size > ? ORDER BY size LIMIT 1`,
      ),
      cosignedSizes: r.prepare<[string], { witness: string; size: number }>(
        'SELECT witness, max(size) AS size FROM cosignatures WHERE site = ? GROUP BY witness',
      ),
      tokenByHash: r.prepare<[string], TokenRow<string>>('SELECT * FROM tokens WHERE hash = ?'),
      tokens: r.prepare<[], TokenRow<string>>('SELECT * FROM tokens ORDER BY created_at, id'),
    };
    this.audit = sqliteAuditQueries({ reader: r, columns: ENTRY_COLUMNS, toEntry });
  }

  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
    return this.writes.putSite(config, notices, at);
  }

  async getSite(site: string): Promise<SiteRecord | null> {
    const row = this.r.site.get(site);
    return row ? toSite(row) : null;
  }

  async listSites(options: { includeDeleted?: boolean } = {}): Promise<SiteRecord[]> {
    return (options.includeDeleted ? this.r.sites : this.r.liveSites).all().map(toSite);
  }

  deleteSite(site: string, at: string): Promise<boolean> {
    return this.writes.deleteSite(site, at);
  }

  async listNotices(site: string): Promise<NoticeRecord[]> {
    return this.r.notices.all(site).map(toNotice);
  }

  appendReceipts(batches: ReceiptBatch[], signAcks: AckSigner): Promise<BatchOutcome[]> {
    return this.writes.appendReceipts(batches, signAcks);
  }

  async getEntry(site: string, id: string): Promise<EntryRecord | null> {
    const row = this.r.entry.get(site, id);
    return row ? toEntry(row) : null;
  }

  async readEntries(site: string, from: number, limit: number): Promise<EntryRecord[]> {
    return this.r.entries.all(site, from, limit).map(toEntry);
  }

  async listLogs(): Promise<LogState[]> {
    return this.r.logs.all();
  }

  async readLeafHashes(site: string, from: number, limit: number): Promise<Uint8Array[]> {
    return this.r.leaves.all(site, from, limit).map((row) => row.leaf_hash);
  }

  async readNode(site: string, level: number, index: number): Promise<Uint8Array> {
    const row = level === 0 ? this.r.leaf.get(site, index) : undefined;
    const hash = row ? row.leaf_hash : level > 0 ? this.r.node.get(site, level, index)?.hash : undefined;
    if (!hash) throw new Error(`no tree node (${level}, ${index}) in the log of "${site}"`);
    return hash;
  }

  integrate(step: Integration): Promise<boolean> {
    return this.writes.integrate(step);
  }

  async latestCheckpoint(site: string): Promise<CheckpointRecord | null> {
    const row = this.r.latest.get(site);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointAt(site: string, size: number): Promise<CheckpointRecord | null> {
    const row = this.r.checkpointAt.get(site, size);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointAfter(site: string, size: number): Promise<CheckpointRecord | null> {
    const row = this.r.checkpointAfter.get(site, size);
    return row ? toCheckpoint(row) : null;
  }

  addCosignatures(records: CosignatureRecord[]): Promise<void> {
    return records.length ? this.writes.addCosignatures(records) : Promise.resolve();
  }

  async cosignedSizes(site: string): Promise<Map<string, number>> {
    return new Map(this.r.cosignedSizes.all(site).map((row) => [row.witness, row.size]));
  }

  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number> {
    return this.writes.redactEntries(site, ids, redaction, entry);
  }

  async logsNotAttested(): Promise<string[]> {
    return this.r.notAttested.all().map((row) => row.site);
  }

  markLogAttested(site: string, at: string): Promise<void> {
    return this.writes.markLogAttested(site, at);
  }

  createToken(token: TokenRecord): Promise<void> {
    return this.writes.createToken(token);
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | null> {
    const row = this.r.tokenByHash.get(hash);
    return row ? toToken(row) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return this.r.tokens.all().map(toToken);
  }

  revokeToken(id: string, at: string): Promise<boolean> {
    return this.writes.revokeToken(id, at);
  }

  async close(): Promise<void> {
    await this.writes.close();
    this.reader.close();
  }
}
