// The embedded LedgerStore: one SQLite file in WAL mode. Writes go through one connection and an
// in-process queue; reads use a second connection, which only ever sees committed data.
// Other processes (the CLI while `serve` runs) are serialised by SQLite's own write lock, which
// this store only takes for synchronous work, so it never blocks the event loop across an await.
import Database from 'better-sqlite3';
import { base64urlDecode, base64urlEncode, type SiteConfig } from '@consent-ledger/protocol';
import { ackPayloadOf, planAppend, type AppendPlan } from './append-plan';
import { ENTRY_COLUMNS, entryRecord, toCheckpoint, toNotice, toSite, type CheckpointRow, type EntryRow as StoredEntryRow, type SiteRow } from './rows';
import { sqliteAuditQueries } from './sqlite-audit';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import type {
  AckSigner,
  AuditQueries,
  BatchOutcome,
  CheckpointRecord,
  EntryRecord,
  Integration,
  LedgerStore,
  LogState,
  NoticeInput,
  NoticeRecord,
  ReceiptBatch,
  Redaction,
  SiteRecord,
  TokenRecord,
} from './types';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Wait this long for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
}

// SQLite keeps JSON columns as text.
type EntryRow = StoredEntryRow<string | null>;

interface TokenRow { id: string; hash: string; role: TokenRecord['role']; sites: string; created_at: string; revoked_at: string | null }

/** Opens (creating and migrating when needed) the SQLite store at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): LedgerStore {
  return new SqliteStore(path, options);
}

function toEntry(row: EntryRow): EntryRecord {
  return entryRecord(row, row.choices === null ? null : (JSON.parse(row.choices) as EntryRecord['choices']));
}

function toToken(row: TokenRow): TokenRecord {
  return { id: row.id, hash: row.hash, role: row.role, sites: JSON.parse(row.sites) as string[], createdAt: row.created_at, revokedAt: row.revoked_at };
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
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly w;
  private readonly r;
  private readonly audit: AuditQueries;

  constructor(path: string, options: SqliteStoreOptions) {
    const timeout = options.busyTimeoutMs ?? 5000;
    this.writer = new Database(path, { timeout });
    this.writer.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before its acks go out (NORMAL could lose the last ones on power loss).
    this.writer.pragma('synchronous = FULL');
    migrate(this.writer);
    this.reader = new Database(path, { timeout });
    const w = this.writer;
    const r = this.reader;
    this.w = {
      logOf: w.prepare<[string], { size: number; tree_size: number }>('SELECT size, tree_size FROM logs WHERE site = ?'),
      siteRow: w.prepare<[string], SiteRow>('SELECT * FROM sites WHERE site = ?'),
      liveSite: w.prepare<[string], { deleted_at: string | null }>('SELECT deleted_at FROM sites WHERE site = ?'),
      entryById: w.prepare<[string, string], { idx: number; leaf_hash: Uint8Array; jws: string | null; ack: string | null; received_at: string }>(
        'SELECT idx, leaf_hash, jws, ack, received_at FROM entries WHERE site = ? AND id = ?',
      ),
      lastOfSubject: w.prepare<[string, string], { leaf_hash: Uint8Array }>(
        'SELECT leaf_hash FROM entries WHERE site = ? AND subject = ? ORDER BY idx DESC LIMIT 1',
      ),
      insertEntry: w.prepare(`INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',').map(() => '?').join(', ')})`),
      setSize: w.prepare<[number, string]>('UPDATE logs SET size = ? WHERE site = ?'),
      upsertSite: w.prepare<[string, string, string, string]>(
        'INSERT INTO sites (site, config, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, NULL) ' +
          'ON CONFLICT (site) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at, deleted_at = NULL',
      ),
      ensureLog: w.prepare<[string]>('INSERT INTO logs (site, size, tree_size) VALUES (?, 0, 0) ON CONFLICT (site) DO NOTHING'),
      deleteSite: w.prepare<[string, string]>('UPDATE sites SET deleted_at = ? WHERE site = ? AND deleted_at IS NULL'),
      advanceTree: w.prepare<[number, string, number]>('UPDATE logs SET tree_size = ? WHERE site = ? AND tree_size = ?'),
      insertNode: w.prepare<[string, number, number, Uint8Array]>('INSERT INTO nodes (site, level, idx, hash) VALUES (?, ?, ?, ?)'),
      insertCheckpoint: w.prepare<[string, number, string, string, string]>(
        'INSERT INTO checkpoints (site, size, root_hash, note, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      redact: w.prepare<[string, string, string, string]>(
        'UPDATE entries SET jws = NULL, ack = NULL, ip = NULL, user_agent = NULL, choices = NULL, page = NULL, redacted_at = ?, redacted_reason = ? ' +
          'WHERE site = ? AND id = ? AND redacted_at IS NULL',
      ),
      insertToken: w.prepare<[string, string, string, string, string]>(
        'INSERT INTO tokens (id, hash, role, sites, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)',
      ),
      revokeToken: w.prepare<[string, string]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    };
    this.r = {
      site: r.prepare<[string], SiteRow>('SELECT * FROM sites WHERE site = ?'),
      sites: r.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY site'),
      liveSites: r.prepare<[], SiteRow>('SELECT * FROM sites WHERE deleted_at IS NULL ORDER BY site'),
      notices: r.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND kind = 'notice' ORDER BY idx`),
      entry: r.prepare<[string, string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND id = ?`),
      entries: r.prepare<[string, number, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = ? AND idx >= ? ORDER BY idx LIMIT ?`,
      ),
      logs: r.prepare<[], LogState>('SELECT site, size, tree_size AS treeSize FROM logs ORDER BY site'),
      leaves: r.prepare<[string, number, number], { leaf_hash: Uint8Array }>(
        'SELECT leaf_hash FROM entries WHERE site = ? AND idx >= ? ORDER BY idx LIMIT ?',
      ),
      leaf: r.prepare<[string, number], { leaf_hash: Uint8Array }>('SELECT leaf_hash FROM entries WHERE site = ? AND idx = ?'),
      node: r.prepare<[string, number, number], { hash: Uint8Array }>('SELECT hash FROM nodes WHERE site = ? AND level = ? AND idx = ?'),
      latest: r.prepare<[string], CheckpointRow>('SELECT * FROM checkpoints WHERE site = ? ORDER BY size DESC LIMIT 1'),
      checkpointAt: r.prepare<[string, number], CheckpointRow>('SELECT * FROM checkpoints WHERE site = ? AND size = ?'),
      tokenByHash: r.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?'),
      tokens: r.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at, id'),
    };
    this.audit = sqliteAuditQueries({ reader: r, columns: ENTRY_COLUMNS, toEntry });
  }

  /** Runs write operations one after another on the writer connection. */
  private write<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs synchronous statements as one immediate transaction, in the write queue. */
  private transaction<T>(work: () => T): Promise<T> {
    return this.write(() => this.writer.transaction(work).immediate());
  }

  putSite(config: SiteConfig, notices: NoticeInput[], at: string): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
    return this.transaction(() => {
      this.w.upsertSite.run(config.site, JSON.stringify(config), at, at);
      this.w.ensureLog.run(config.site);
      let size = this.w.logOf.get(config.site)!.size;
      const appended: NoticeRecord[] = [];
      for (const notice of notices) {
        if (this.w.entryById.get(config.site, notice.textHash)) continue;
        this.w.insertEntry.run(
          config.site, size, 'notice', notice.textHash, base64urlDecode(notice.leafHash), notice.jws, at,
          null, null, null, null, null, null, notice.revision, notice.language, notice.textHash, null, null, null, null, null,
        );
        appended.push({ site: config.site, index: size, textHash: notice.textHash, revision: notice.revision, language: notice.language, jws: notice.jws, receivedAt: at });
        size++;
      }
      this.w.setSize.run(size, config.site);
      const row = this.w.siteRow.get(config.site)!;
      return { site: toSite(row), appended };
    });
  }

  async getSite(site: string): Promise<SiteRecord | null> {
    const row = this.r.site.get(site);
    return row ? toSite(row) : null;
  }

  async listSites(options: { includeDeleted?: boolean } = {}): Promise<SiteRecord[]> {
    return (options.includeDeleted ? this.r.sites : this.r.liveSites).all().map(toSite);
  }

  deleteSite(site: string, at: string): Promise<boolean> {
    return this.transaction(() => this.w.deleteSite.run(at, site).changes === 1);
  }

  async listNotices(site: string): Promise<NoticeRecord[]> {
    return this.r.notices.all(site).map(toNotice);
  }

  appendReceipts(batches: ReceiptBatch[], signAcks: AckSigner): Promise<BatchOutcome[]> {
    // Optimistic: plan and sign outside any transaction (no write lock held across an await),
    // then commit only if no other process appended to the same logs meanwhile; else plan again.
    return this.write(async () => {
      for (;;) {
        const { plan, seen } = this.plan(batches);
        const acks = plan.fresh.length ? await signAcks(plan.fresh.map(ackPayloadOf)) : [];
        if (acks.length !== plan.fresh.length) throw new Error('ack signer returned the wrong number of acks');
        const committed = this.writer.transaction(() => {
          for (const [site, size] of seen) {
            if (this.w.logOf.get(site)?.size !== size || this.w.liveSite.get(site)?.deleted_at !== null) return false;
          }
          plan.fresh.forEach((p, i) => {
            p.ack = acks[i];
            const { receipt, ip, userAgent } = p.batch.receipts[p.position];
            const r = receipt.payload;
            this.w.insertEntry.run(
              p.batch.site, p.index, 'receipt', r.id, base64urlDecode(p.leafHash), receipt.jws, p.batch.receivedAt,
              r.subject, p.ack, ip, userAgent, r.method, JSON.stringify(r.choices), r.revision, r.language, r.textHash, r.issuedAt, r.page, r.prev, null, null,
            );
          });
          for (const [site, size] of plan.sizes) this.w.setSize.run(size, site);
          return true;
        }).immediate();
        if (committed) return plan.outcomes();
      }
    });
  }

  /** Plans an append against the committed log, noting the size of every live site it read so the commit can tell if it went stale. */
  private plan(batches: ReceiptBatch[]): { plan: AppendPlan; seen: Map<string, number> } {
    const seen = new Map<string, number>();
    const plan = planAppend(batches, {
      logSize: (site) => {
        const live = this.w.liveSite.get(site);
        const log = this.w.logOf.get(site);
        if (!live || live.deleted_at !== null || !log) return null;
        seen.set(site, log.size);
        return log.size;
      },
      stored: (site, id) => {
        const row = this.w.entryById.get(site, id);
        return row && { index: row.idx, leafHash: base64urlEncode(row.leaf_hash), ack: row.ack, receivedAt: row.received_at };
      },
      head: (site, subject) => {
        const last = this.w.lastOfSubject.get(site, subject);
        return last ? base64urlEncode(last.leaf_hash) : null;
      },
    });
    return { plan, seen };
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
    return this.transaction(() => {
      if (this.w.advanceTree.run(step.checkpoint.size, step.site, step.fromSize).changes !== 1) return false;
      for (const node of step.nodes) if (node.level > 0) this.w.insertNode.run(step.site, node.level, node.index, node.hash);
      const cp = step.checkpoint;
      this.w.insertCheckpoint.run(step.site, cp.size, cp.rootHash, cp.note, cp.createdAt);
      return true;
    });
  }

  async latestCheckpoint(site: string): Promise<CheckpointRecord | null> {
    const row = this.r.latest.get(site);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointAt(site: string, size: number): Promise<CheckpointRecord | null> {
    const row = this.r.checkpointAt.get(site, size);
    return row ? toCheckpoint(row) : null;
  }

  redactEntries(site: string, ids: string[], redaction: Redaction): Promise<number> {
    return this.transaction(() => ids.reduce((n, id) => n + this.w.redact.run(redaction.at, redaction.reason, site, id).changes, 0));
  }

  createToken(token: TokenRecord): Promise<void> {
    return this.transaction(() => {
      this.w.insertToken.run(token.id, token.hash, token.role, JSON.stringify(token.sites), token.createdAt);
    });
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | null> {
    const row = this.r.tokenByHash.get(hash);
    return row ? toToken(row) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return this.r.tokens.all().map(toToken);
  }

  revokeToken(id: string, at: string): Promise<boolean> {
    return this.transaction(() => this.w.revokeToken.run(at, id).changes === 1);
  }

  // Audit queries: sqlite-audit.ts.
  subjectEntries(...args: Parameters<AuditQueries['subjectEntries']>) {
    return this.audit.subjectEntries(...args);
  }

  searchReceipts(...args: Parameters<AuditQueries['searchReceipts']>) {
    return this.audit.searchReceipts(...args);
  }

  receiptStats(...args: Parameters<AuditQueries['receiptStats']>) {
    return this.audit.receiptStats(...args);
  }

  readExportLines(...args: Parameters<AuditQueries['readExportLines']>) {
    return this.audit.readExportLines(...args);
  }

  expiredReceiptIds(...args: Parameters<AuditQueries['expiredReceiptIds']>) {
    return this.audit.expiredReceiptIds(...args);
  }

  close(): Promise<void> {
    return this.write(() => {
      this.reader.close();
      this.writer.close();
    });
  }
}
