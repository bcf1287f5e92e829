// The PostgreSQL LedgerStore: several collector processes share one database. Every invariant is
// held by the database: an append locks its sites' log-head rows (`SELECT … FOR UPDATE`, in site
// order so two appenders never deadlock), reads ids and subject heads under that lock, and inserts
// all its receipts with one multi-row INSERT in the same transaction (group commit). The
// integrator's tree size lives in another row, so integration never waits for appenders.

import { base64urlEncode, type SiteConfig } from '@consent-ledger/protocol';
import pg from 'pg';
import { ackPayloadOf, planAppend, type StoredReceipt } from './append-plan';
import { postgresAuditQueries } from './postgres-audit';
import { ADVISORY_NAMESPACE, MIGRATION_LOCK, POSTGRES_MIGRATIONS } from './postgres-schema';
import {
  type CheckpointRow,
  ENTRY_COLUMN_NAMES,
  ENTRY_COLUMNS,
  entryRecord,
  type NewEntryRow,
  newNotices,
  receiptRow,
  redactionRow,
  type SiteRow,
  type EntryRow as StoredEntryRow,
  type TokenRow,
  toCheckpoint,
  tokenRecord,
  toNotice,
  toSite,
} from './rows';
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

export { claimCollectorName, rotateSigningKey, type SharedKeys, sharedSigningKeys } from './postgres-keys';
export { PostgresIntegratorLock, type PostgresIntegratorLockOptions } from './postgres-lock';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Connections in this process's pool (default 10). */
  maxConnections?: number;
  /** Name reported in `pg_stat_activity` (default "consent-ledger"). */
  applicationName?: string;
  /** Where errors of idle connections go (default: stderr). */
  log?: (message: string, error: unknown) => void;
}

const INT8 = 20;

// bigint columns (indexes, sizes) come back as numbers: a log stays far below 2^53 entries.
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// jsonb columns come back decoded.
type EntryRow = StoredEntryRow<Record<string, 'granted' | 'denied'> | null>;

/** Column types of entries by name, for multi-row inserts through unnest(). */
const ENTRY_TYPES: Record<(typeof ENTRY_COLUMN_NAMES)[number], string> = {
  site: 'text',
  idx: 'bigint',
  kind: 'text',
  id: 'text',
  leaf_hash: 'bytea',
  jws: 'text',
  received_at: 'text',
  subject: 'text',
  ack: 'text',
  ip: 'text',
  user_agent: 'text',
  method: 'text',
  choices: 'jsonb',
  revision: 'integer',
  language: 'text',
  text_hash: 'text',
  issued_at: 'text',
  page: 'text',
  prev: 'text',
  redacted_at: 'text',
  redacted_reason: 'text',
};

const INSERT_ENTRIES = `INSERT INTO entries (${ENTRY_COLUMNS}) SELECT * FROM unnest(${ENTRY_COLUMN_NAMES.map((c, i) => `$${i + 1}::${ENTRY_TYPES[c]}[]`).join(', ')})`;

/** Inserts entries rows with one statement: one array per column. */
async function insertEntries(c: pg.PoolClient, rows: NewEntryRow[]): Promise<void> {
  await c.query(
    INSERT_ENTRIES,
    ENTRY_COLUMN_NAMES.map((column) => rows.map((row) => row[column])),
  );
}

/**
 * Creates the store on `url` (postgres://…) at once; pending migrations run first, and every
 * query waits for them (a migration failure fails every call). For synchronous openers.
 */
export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'consent-ledger',
    types: TYPES,
    // A dead network path must not hold a log-head lock forever.
    keepAlive: true,
  });
  // An idle client losing its server (restart, failover) is replaced on next use, not fatal; but an
  // operator should see that the database went away.
  const log = options.log ?? ((message, error) => console.error(message, error));
  pool.on('error', (error) => log('postgres: an idle connection failed (replaced on next use)', error));
  return new PostgresStore(pool, url, migrate(pool));
}

/** Opens the store on `url` (postgres://…), resolving once pending migrations are applied. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const store = createPostgresStore(url, options);
  try {
    await store.ready;
  } catch (error) {
    await store.pool.end();
    throw error;
  }
  return store;
}

/** Applies pending migrations in one transaction, under the migration advisory lock (a second opener waits, then finds them applied). */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_NAMESPACE, MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const applied = rows[0].version ?? 0;
    if (applied > POSTGRES_MIGRATIONS.length)
      throw new Error(
        `the database schema (version ${applied}) is newer than this collector (${POSTGRES_MIGRATIONS.length})`,
      );
    for (let v = applied; v < POSTGRES_MIGRATIONS.length; v++) {
      await client.query(POSTGRES_MIGRATIONS[v]);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toEntry(row: EntryRow): EntryRecord {
  return entryRecord(row, row.choices);
}

// text[] columns come back decoded.
function toToken(row: TokenRow<string[]>): TokenRecord {
  return tokenRecord(row, row.sites);
}

/** A checkpoints row (as `c`) with its cosignature lines appended to the note, in the order they arrived. */
const COSIGNED_CHECKPOINT = `c.site, c.size, c.root_hash, c.created_at, c.note || coalesce((SELECT string_agg(s.line, '' ORDER BY s.received_at, s.witness COLLATE "C") FROM cosignatures s WHERE s.site = c.site AND s.size = c.size), '') AS note`;

/** The PostgreSQL store; `url` is kept for sessions of their own (the integrator lock). */
export class PostgresStore implements LedgerStore {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  /** The audit queries, on the same connections (postgres-audit.ts). */
  readonly audit: AuditQueries;

  constructor(
    /** The pool every query goes through. */
    readonly pool: pg.Pool,
    /** Where the database is, for sessions that must outlive a query (the integrator lock). */
    readonly url: string,
    /** Settles once the migrations are applied. */
    readonly ready: Promise<void>,
  ) {
    // Reported by the first call instead, never as an unhandled rejection.
    ready.catch(() => undefined);
    this.audit = postgresAuditQueries({
      query: (text, values) => this.query(text, values),
      columns: ENTRY_COLUMNS,
      toEntry,
    });
  }

  /** Runs `work` on one pooled connection inside a transaction; counted for close(). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.track(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  /** Runs one query outside any explicit transaction; counted for close(). */
  query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.track(() => this.pool.query<R>(text, values));
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const run = this.ready.then(work);
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
    return this.transaction(async (c) => {
      const { rows: siteRows } = await c.query<SiteRow>(
        'INSERT INTO sites (site, config, created_at, updated_at, deleted_at) VALUES ($1, $2, $3, $3, NULL) ' +
          'ON CONFLICT (site) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at, deleted_at = NULL RETURNING *',
        [config.site, JSON.stringify(config), at],
      );
      await c.query('INSERT INTO logs (site, size) VALUES ($1, 0) ON CONFLICT (site) DO NOTHING', [config.site]);
      await c.query('INSERT INTO trees (site, tree_size) VALUES ($1, 0) ON CONFLICT (site) DO NOTHING', [config.site]);
      const { rows } = await c.query<{ size: number }>('SELECT size FROM logs WHERE site = $1 FOR UPDATE', [
        config.site,
      ]);
      const size = rows[0].size;
      const { rows: stored } = await c.query<{ id: string }>(
        'SELECT id FROM entries WHERE site = $1 AND id = ANY($2::text[])',
        [config.site, notices.map((n) => n.textHash)],
      );
      const known = new Set(stored.map((k) => k.id));
      const fresh = newNotices(config.site, size, notices, (textHash) => known.has(textHash), at);
      if (fresh.rows.length > 0) {
        await insertEntries(c, fresh.rows);
        await c.query('UPDATE logs SET size = $1 WHERE site = $2', [size + fresh.rows.length, config.site]);
      }
      return { site: toSite(siteRows[0]), appended: fresh.appended };
    });
  }

  async getSite(site: string): Promise<SiteRecord | null> {
    const { rows } = await this.query<SiteRow>('SELECT * FROM sites WHERE site = $1', [site]);
    return rows[0] ? toSite(rows[0]) : null;
  }

  async listSites(options: { includeDeleted?: boolean } = {}): Promise<SiteRecord[]> {
    const where = options.includeDeleted ? '' : 'WHERE deleted_at IS NULL';
    const { rows } = await this.query<SiteRow>(`SELECT * FROM sites ${where} ORDER BY site COLLATE "C"`);
    return rows.map(toSite);
  }

  async deleteSite(site: string, at: string): Promise<boolean> {
    const { rowCount } = await this.query('UPDATE sites SET deleted_at = $1 WHERE site = $2 AND deleted_at IS NULL', [
      at,
      site,
    ]);
    return rowCount === 1;
  }

  async listNotices(site: string): Promise<NoticeRecord[]> {
    const { rows } = await this.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = $1 AND kind = 'notice' ORDER BY idx`,
      [site],
    );
    return rows.map(toNotice);
  }

  appendReceipts(batches: ReceiptBatch[], signAcks: AckSigner): Promise<BatchOutcome[]> {
    return this.transaction(async (c) => {
      const sites = [...new Set(batches.map((b) => b.site))].sort();
      // The lock: every other appender of these sites (any process) waits here until we commit,
      // and every read below sees all entries committed before it.
      const { rows: logRows } = await c.query<{ site: string; size: number; deleted_at: string | null }>(
        'SELECT l.site, l.size, s.deleted_at FROM logs l JOIN sites s ON s.site = l.site WHERE l.site = ANY($1::text[]) ORDER BY l.site COLLATE "C" FOR UPDATE OF l',
        [sites],
      );
      const live = new Map(logRows.filter((r) => r.deleted_at === null).map((r) => [r.site, r.size]));
      const idSites: string[] = [];
      const ids: string[] = [];
      const subjectSites: string[] = [];
      const subjects: string[] = [];
      const subjectKeys = new Set<string>();
      for (const b of batches) {
        if (!live.has(b.site)) continue;
        for (const { receipt } of b.receipts) {
          idSites.push(b.site);
          ids.push(receipt.payload.id);
          const key = `${b.site}\n${receipt.payload.subject}`;
          if (!subjectKeys.has(key)) {
            subjectKeys.add(key);
            subjectSites.push(b.site);
            subjects.push(receipt.payload.subject);
          }
        }
      }
      const stored = new Map<string, StoredReceipt>();
      const heads = new Map<string, string>();
      if (ids.length > 0) {
        const { rows: found } = await c.query<{
          site: string;
          id: string;
          idx: number;
          leaf_hash: Buffer;
          ack: string | null;
          received_at: string;
        }>(
          'SELECT e.site, e.id, e.idx, e.leaf_hash, e.ack, e.received_at FROM unnest($1::text[], $2::text[]) AS k(site, id) ' +
            'JOIN entries e ON e.site = k.site AND e.id = k.id',
          [idSites, ids],
        );
        for (const r of found)
          stored.set(`${r.site}\n${r.id}`, {
            index: r.idx,
            leafHash: base64urlEncode(r.leaf_hash),
            ack: r.ack,
            receivedAt: r.received_at,
          });
        const { rows: last } = await c.query<{ site: string; subject: string; leaf_hash: Buffer }>(
          'SELECT k.site, k.subject, h.leaf_hash FROM unnest($1::text[], $2::text[]) AS k(site, subject) ' +
            'CROSS JOIN LATERAL (SELECT leaf_hash FROM entries e WHERE e.site = k.site AND e.subject = k.subject ORDER BY e.idx DESC LIMIT 1) h',
          [subjectSites, subjects],
        );
        for (const r of last) heads.set(`${r.site}\n${r.subject}`, base64urlEncode(r.leaf_hash));
      }
      const plan = planAppend(batches, {
        logSize: (site) => live.get(site) ?? null,
        stored: (site, id) => stored.get(`${site}\n${id}`),
        head: (site, subject) => heads.get(`${site}\n${subject}`) ?? null,
      });
      if (plan.fresh.length === 0) return plan.outcomes();
      const acks = await signAcks(plan.fresh.map(ackPayloadOf));
      if (acks.length !== plan.fresh.length) throw new Error('ack signer returned the wrong number of acks');
      await insertEntries(
        c,
        plan.fresh.map((p, i) => {
          p.ack = acks[i];
          return receiptRow(p);
        }),
      );
      await c.query(
        'UPDATE logs SET size = v.size FROM unnest($1::text[], $2::bigint[]) AS v(site, size) WHERE logs.site = v.site',
        [[...plan.sizes.keys()], [...plan.sizes.values()]],
      );
      return plan.outcomes();
    });
  }

  async getEntry(site: string, id: string): Promise<EntryRecord | null> {
    const { rows } = await this.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = $1 AND id = $2`, [
      site,
      id,
    ]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async readEntries(site: string, from: number, limit: number): Promise<EntryRecord[]> {
    const { rows } = await this.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries WHERE site = $1 AND idx >= $2 ORDER BY idx LIMIT $3`,
      [site, from, limit],
    );
    return rows.map(toEntry);
  }

  async listLogs(): Promise<LogState[]> {
    const { rows } = await this.query<LogState>(
      'SELECT l.site, l.size, t.tree_size AS "treeSize" FROM logs l JOIN trees t ON t.site = l.site ORDER BY l.site COLLATE "C"',
    );
    return rows;
  }

  async readLeafHashes(site: string, from: number, limit: number): Promise<Uint8Array[]> {
    const { rows } = await this.query<{ leaf_hash: Buffer }>(
      'SELECT leaf_hash FROM entries WHERE site = $1 AND idx >= $2 ORDER BY idx LIMIT $3',
      [site, from, limit],
    );
    return rows.map((r) => bytes(r.leaf_hash));
  }

  async readNode(site: string, level: number, index: number): Promise<Uint8Array> {
    const { rows } =
      level === 0
        ? await this.query<{ hash: Buffer }>('SELECT leaf_hash AS hash FROM entries WHERE site = $1 AND idx = $2', [
            site,
            index,
          ])
        : await this.query<{ hash: Buffer }>('SELECT hash FROM nodes WHERE site = $1 AND level = $2 AND idx = $3', [
            site,
            level,
            index,
          ]);
    if (!rows[0]) throw new Error(`no tree node (${level}, ${index}) in the log of "${site}"`);
    return bytes(rows[0].hash);
  }

  integrate(step: Integration): Promise<boolean> {
    return this.transaction(async (c) => {
      const { rowCount } = await c.query('UPDATE trees SET tree_size = $1 WHERE site = $2 AND tree_size = $3', [
        step.checkpoint.size,
        step.site,
        step.fromSize,
      ]);
      if (rowCount !== 1) return false;
      const inner = step.nodes.filter((n) => n.level > 0);
      if (inner.length > 0) {
        await c.query(
          'INSERT INTO nodes (site, level, idx, hash) SELECT $1, * FROM unnest($2::integer[], $3::bigint[], $4::bytea[])',
          [step.site, inner.map((n) => n.level), inner.map((n) => n.index), inner.map((n) => Buffer.from(n.hash))],
        );
      }
      const cp = step.checkpoint;
      await c.query('INSERT INTO checkpoints (site, size, root_hash, note, created_at) VALUES ($1, $2, $3, $4, $5)', [
        step.site,
        cp.size,
        cp.rootHash,
        cp.note,
        cp.createdAt,
      ]);
      return true;
    });
  }

  async latestCheckpoint(site: string): Promise<CheckpointRecord | null> {
    const { rows } = await this.query<CheckpointRow>(
      `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = $1 ORDER BY size DESC LIMIT 1`,
      [site],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  async checkpointAt(site: string, size: number): Promise<CheckpointRecord | null> {
    const { rows } = await this.query<CheckpointRow>(
      `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = $1 AND size = $2`,
      [site, size],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  async addCosignatures(records: CosignatureRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.query(
      'INSERT INTO cosignatures (site, size, witness, line, timestamp, received_at) ' +
        'SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[]) ON CONFLICT DO NOTHING',
      [
        records.map((r) => r.site),
        records.map((r) => r.size),
        records.map((r) => r.witness),
        records.map((r) => r.line),
        records.map((r) => r.timestamp),
        records.map((r) => r.receivedAt),
      ],
    );
  }

  async cosignedSizes(site: string): Promise<Map<string, number>> {
    const { rows } = await this.query<{ witness: string; size: number }>(
      'SELECT witness, max(size) AS size FROM cosignatures WHERE site = $1 GROUP BY witness',
      [site],
    );
    return new Map(rows.map((row) => [row.witness, row.size]));
  }

  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number> {
    return this.transaction(async (c) => {
      if (entry) {
        const { rows } = await c.query<{ size: number }>('SELECT size FROM logs WHERE site = $1 FOR UPDATE', [site]);
        if (!rows[0]) throw new Error(`unknown site "${site}"`);
        const size = rows[0].size;
        await insertEntries(c, [redactionRow(site, size, entry, redaction.at)]);
        await c.query('UPDATE logs SET size = $1 WHERE site = $2', [size + 1, site]);
      }
      const { rowCount } = await c.query(
        'UPDATE entries SET jws = NULL, ack = NULL, ip = NULL, user_agent = NULL, choices = NULL, page = NULL, redacted_at = $1, redacted_reason = $2 ' +
          'WHERE site = $3 AND id = ANY($4::text[]) AND redacted_at IS NULL',
        [redaction.at, redaction.reason, site, ids],
      );
      return rowCount ?? 0;
    });
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.query(
      'INSERT INTO tokens (id, hash, role, sites, created_at, revoked_at, expires_at) VALUES ($1, $2, $3, $4, $5, NULL, $6)',
      [token.id, token.hash, token.role, token.sites, token.createdAt, token.expiresAt],
    );
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.query<TokenRow<string[]>>('SELECT * FROM tokens WHERE hash = $1', [hash]);
    return rows[0] ? toToken(rows[0]) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const { rows } = await this.query<TokenRow<string[]>>('SELECT * FROM tokens ORDER BY created_at, id COLLATE "C"');
    return rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const { rowCount } = await this.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
      at,
      id,
    ]);
    return rowCount === 1;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.ready, ...this.inFlight]);
    await this.pool.end();
  }
}
