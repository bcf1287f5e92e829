// The PostgreSQL LedgerStore: several collector processes share one database. Every invariant is
// held by the database: an append locks its sites' log-head rows (`SELECT … FOR UPDATE`, in site
// order so two appenders never deadlock), reads ids and subject heads under that lock, and inserts
// all its receipts with one multi-row INSERT in the same transaction (group commit). The
// integrator's tree size lives in another row, so integration never waits for appenders. Files: this one
// (pool, reads, the store), postgres-writes.ts, postgres-audit.ts, postgres-schema.ts (and migrations),
// postgres-keys.ts and postgres-lock.ts (serve's shared identity and its one integrator).

import type { SiteConfig } from '@consent-ledger/protocol';
import pg from 'pg';
import { postgresAuditQueries } from './postgres-audit';
import { migrate } from './postgres-schema';
import { appendReceipts, integrate, putSite, redactEntries } from './postgres-writes';
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
    return this.transaction((c) => putSite(c, config, notices, at));
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
    return this.transaction((c) => appendReceipts(c, batches, signAcks));
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
    return this.transaction((c) => integrate(c, step));
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

  async checkpointAfter(site: string, size: number): Promise<CheckpointRecord | null> {
    const { rows } = await this.query<CheckpointRow>(
      `SELECT ${COSIGNED_CHECKPOINT} FROM checkpoints c WHERE site = $1 AND size > $2 ORDER BY size LIMIT 1`,
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
    return this.transaction((c) => redactEntries(c, site, ids, redaction, entry));
  }

  async logsNotAttested(): Promise<string[]> {
    const { rows } = await this.query<{ site: string }>(
      'SELECT site FROM logs WHERE legacy_attested_at IS NULL ORDER BY site COLLATE "C"',
    );
    return rows.map((row) => row.site);
  }

  async markLogAttested(site: string, at: string): Promise<void> {
    await this.query('UPDATE logs SET legacy_attested_at = $1 WHERE site = $2', [at, site]);
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
