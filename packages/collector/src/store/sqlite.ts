// The embedded LedgerStore: one SQLite file in WAL mode. Writes go through one connection and an
// in-process queue; reads use a second connection, which only ever sees committed data.
// Other processes (the CLI while `serve` runs) are serialised by SQLite's own write lock, which
// this store only takes for synchronous work, so it never blocks the event loop across an await.
import Database from 'better-sqlite3';
import { base64urlDecode, base64urlEncode, type AckPayload, type EntryKind, type SiteConfig } from '@consent-ledger/protocol';
import { sqliteAuditQueries } from './sqlite-audit';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import type {
  AckSigner,
  AuditQueries,
  AppendedReceipt,
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

interface EntryRow {
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
  choices: string | null;
  revision: number | null;
  language: string | null;
  text_hash: string | null;
  issued_at: string | null;
  page: string | null;
  prev: string | null;
  redacted_at: string | null;
  redacted_reason: string | null;
}

interface SiteRow { site: string; config: string; created_at: string; updated_at: string; deleted_at: string | null }
interface TokenRow { id: string; hash: string; role: TokenRecord['role']; sites: string; created_at: string; revoked_at: string | null }
interface CheckpointRow { site: string; size: number; root_hash: string; note: string; created_at: string }

/** A receipt planned for insertion by an append; `ack` is filled in once signed. */
interface Planned {
  batch: ReceiptBatch;
  position: number;
  index: number;
  leafHash: string;
  ack: string;
}

/** A receipt's place in a batch's answer: a planned entry, or a repeat of one planned earlier in the same call. */
interface Slot {
  planned: Planned;
  replay: boolean;
}

const ENTRY_COLUMNS =
  'site, idx, kind, id, leaf_hash, jws, received_at, subject, ack, ip, user_agent, method, choices, revision, language, text_hash, issued_at, page, prev, redacted_at, redacted_reason';

/** Opens (creating and migrating when needed) the SQLite store at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): LedgerStore {
  return new SqliteStore(path, options);
}

function toSite(row: SiteRow): SiteRecord {
  return { site: row.site, config: JSON.parse(row.config) as SiteConfig, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at };
}

function toEntry(row: EntryRow): EntryRecord {
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
    choices: row.choices === null ? null : (JSON.parse(row.choices) as EntryRecord['choices']),
    revision: row.revision,
    language: row.language,
    textHash: row.text_hash,
    issuedAt: row.issued_at,
    page: row.page,
    prev: row.prev,
    redacted: row.redacted_at === null ? null : { at: row.redacted_at, reason: row.redacted_reason ?? '' },
  };
}

function toNotice(row: EntryRow): NoticeRecord {
  return { site: row.site, index: row.idx, textHash: row.id, revision: row.revision ?? 0, language: row.language ?? '', jws: row.jws, receivedAt: row.received_at };
}

function toToken(row: TokenRow): TokenRecord {
  return { id: row.id, hash: row.hash, role: row.role, sites: JSON.parse(row.sites) as string[], createdAt: row.created_at, revokedAt: row.revoked_at };
}

function toCheckpoint(row: CheckpointRow): CheckpointRecord {
  return { site: row.site, size: row.size, rootHash: row.root_hash, note: row.note, createdAt: row.created_at };
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
        const { outcomes, fresh, sizes } = this.plan(batches);
        const acks = fresh.length ? await signAcks(fresh.map(ackPayload)) : [];
        if (acks.length !== fresh.length) throw new Error('ack signer returned the wrong number of acks');
        const committed = this.writer.transaction(() => {
          for (const [site, size] of sizes) {
            if (this.w.logOf.get(site)?.size !== size.from || this.w.liveSite.get(site)?.deleted_at !== null) return false;
          }
          fresh.forEach((p, i) => {
            p.ack = acks[i];
            const { receipt, ip, userAgent } = p.batch.receipts[p.position];
            const r = receipt.payload;
            this.w.insertEntry.run(
              p.batch.site, p.index, 'receipt', r.id, base64urlDecode(p.leafHash), receipt.jws, p.batch.receivedAt,
              r.subject, p.ack, ip, userAgent, r.method, JSON.stringify(r.choices), r.revision, r.language, r.textHash, r.issuedAt, r.page, r.prev, null, null,
            );
          });
          for (const [site, size] of sizes) if (size.to !== size.from) this.w.setSize.run(size.to, site);
          return true;
        }).immediate();
        if (committed) return outcomes.map((o) => (Array.isArray(o) ? { ok: true as const, receipts: o.map((x) => ('planned' in x ? appended(x) : x)) } : o));
      }
    });
  }

  /** Checks every batch against the log and earlier accepted batches of the same call, and assigns indexes. */
  private plan(batches: ReceiptBatch[]): {
    outcomes: Array<Array<Slot | AppendedReceipt> | BatchOutcome>;
    fresh: Planned[];
    /** Per live site seen: its log size when planned, and after the planned entries. */
    sizes: Map<string, { from: number; to: number }>;
  } {
    const sizes = new Map<string, { from: number; to: number }>();
    const heads = new Map<string, string | null>();
    const byId = new Map<string, Planned>();
    const fresh: Planned[] = [];
    const outcomes: Array<Array<Slot | AppendedReceipt> | BatchOutcome> = [];
    for (const batch of batches) {
      const site = batch.site;
      const live = this.w.liveSite.get(site);
      const log = this.w.logOf.get(site);
      if (!live || live.deleted_at !== null || !log) {
        outcomes.push({ ok: false, error: { code: 'unknown-site', message: `unknown site "${site}"`, index: 0 } });
        continue;
      }
      if (!sizes.has(site)) sizes.set(site, { from: log.size, to: log.size });
      let size = sizes.get(site)!.to;
      const localHeads = new Map<string, string | null>();
      const localIds = new Map<string, Planned>();
      const results: Array<Slot | AppendedReceipt> = [];
      let failure: BatchOutcome | null = null;
      batch.receipts.forEach(({ receipt }, position) => {
        if (failure) return;
        const r = receipt.payload;
        const idKey = `${site}\n${r.id}`;
        const pending = localIds.get(idKey) ?? byId.get(idKey);
        if (pending) {
          if (pending.leafHash === receipt.leafHash) results.push({ planned: pending, replay: true });
          else failure = idConflict(position, r.id);
          return;
        }
        const stored = this.w.entryById.get(site, r.id);
        if (stored) {
          if (base64urlEncode(stored.leaf_hash) === receipt.leafHash && stored.ack !== null) {
            results.push({ index: stored.idx, leafHash: receipt.leafHash, receivedAt: stored.received_at, ack: stored.ack, replay: true });
          } else failure = idConflict(position, r.id);
          return;
        }
        const headKey = `${site}\n${r.subject}`;
        let expected: string | null;
        if (localHeads.has(headKey)) expected = localHeads.get(headKey)!;
        else if (heads.has(headKey)) expected = heads.get(headKey)!;
        else {
          const last = this.w.lastOfSubject.get(site, r.subject);
          expected = last ? base64urlEncode(last.leaf_hash) : null;
        }
        if (r.prev !== expected) {
          failure = { ok: false, error: { code: 'prev-mismatch', message: `prev is not the subject's last accepted receipt`, index: position, expected } };
          return;
        }
        const planned: Planned = { batch, position, index: size++, leafHash: receipt.leafHash, ack: '' };
        localIds.set(idKey, planned);
        localHeads.set(headKey, receipt.leafHash);
        results.push({ planned, replay: false });
      });
      if (failure) {
        outcomes.push(failure);
        continue;
      }
      sizes.get(site)!.to = size;
      for (const [k, v] of localHeads) heads.set(k, v);
      for (const [k, v] of localIds) {
        byId.set(k, v);
        fresh.push(v);
      }
      outcomes.push(results);
    }
    return { outcomes, fresh, sizes };
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

function idConflict(position: number, id: string): BatchOutcome {
  return { ok: false, error: { code: 'id-conflict', message: `id ${id} is already used by another receipt`, index: position } };
}

function ackPayload(p: Planned): AckPayload {
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

function appended({ planned: p, replay }: Slot): AppendedReceipt {
  return { index: p.index, leafHash: p.leafHash, receivedAt: p.batch.receivedAt, ack: p.ack, replay };
}
