// Versioned migrations of the PostgreSQL store; `schema_migrations` records the applied ones.
// Append new migrations at the end, never edit a released one. They run under an advisory lock,
// so collectors starting together apply each migration exactly once.

import type pg from 'pg';

/** The first key of every advisory lock the store takes ("CL"), so they never collide with an application's. */
export const ADVISORY_NAMESPACE = 0x434c;
/** Advisory lock (second key) serialising migrations. */
export const MIGRATION_LOCK = 1;
/** Advisory lock (second key) held by the one integrator. */
export const INTEGRATOR_LOCK = 2;

/** Each element is one migration (version = position + 1), applied in order inside one transaction. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sites (
    site text PRIMARY KEY,
    config text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    deleted_at text
  );
  -- The head of a site's log: size = entries sequenced (next index). Appenders lock this row, which
  -- is what keeps indexes dense and prev chains linear across processes.
  CREATE TABLE logs (
    site text PRIMARY KEY REFERENCES sites (site),
    size bigint NOT NULL
  );
  -- Entries integrated, apart from logs so that the integrator never waits for an appender's lock.
  CREATE TABLE trees (
    site text PRIMARY KEY REFERENCES sites (site),
    tree_size bigint NOT NULL
  );
  CREATE TABLE entries (
    site text NOT NULL,
    idx bigint NOT NULL,
    kind text NOT NULL,
    id text NOT NULL,
    leaf_hash bytea NOT NULL,
    jws text,
    received_at text NOT NULL,
    subject text,
    ack text,
    ip text,
    user_agent text,
    method text,
    choices jsonb,
    revision integer,
    language text,
    text_hash text,
    issued_at text,
    page text,
    prev text,
    redacted_at text,
    redacted_reason text,
    PRIMARY KEY (site, idx)
  );
  CREATE UNIQUE INDEX entries_by_id ON entries (site, id);
  CREATE INDEX entries_by_subject ON entries (site, subject, idx) WHERE subject IS NOT NULL;
  -- Complete subtrees above the leaves (level >= 1); level 0 is entries.leaf_hash.
  CREATE TABLE nodes (
    site text NOT NULL,
    level integer NOT NULL,
    idx bigint NOT NULL,
    hash bytea NOT NULL,
    PRIMARY KEY (site, level, idx)
  );
  CREATE TABLE checkpoints (
    site text NOT NULL,
    size bigint NOT NULL,
    root_hash text NOT NULL,
    note text NOT NULL,
    created_at text NOT NULL,
    PRIMARY KEY (site, size)
  );
  CREATE TABLE tokens (
    id text PRIMARY KEY,
    hash text NOT NULL UNIQUE,
    role text NOT NULL,
    sites text[] NOT NULL,
    created_at text NOT NULL,
    revoked_at text
  );
  `,
  // 2 (audit): time ranges over live receipts (search, stats, the retention purge's lookup).
  `CREATE INDEX entries_live_by_time ON entries (site, received_at) WHERE kind = 'receipt' AND redacted_at IS NULL;`,
  // 3 (scale-out): the signing identity every collector on this database shares (postgres-keys.ts).
  `
  CREATE TABLE collector_keys (
    kid text PRIMARY KEY,
    public_jwk text NOT NULL,
    -- Null once retired: an old key can still be verified, never used again.
    private_jwk text,
    created_at text NOT NULL,
    retired_at text
  );
  CREATE UNIQUE INDEX collector_keys_one_current ON collector_keys ((true)) WHERE private_jwk IS NOT NULL;
  CREATE TABLE collector_identity (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    name text NOT NULL,
    claimed_at text NOT NULL
  );
  `,
  // 4 (partial exports): the time index lists every receipt, redacted ones too (a partial export
  // holds them), replacing the live one so appends maintain as many indexes as before (live-only
  // queries read their rows anyway); and a site's notices without a scan of its whole log.
  `
  DROP INDEX entries_live_by_time;
  CREATE INDEX entries_receipts_by_time ON entries (site, received_at, idx) WHERE kind = 'receipt';
  CREATE INDEX entries_notices ON entries (site, idx) WHERE kind = 'notice';
  `,
  // 5 (token expiry): when a token stops working; null for tokens that never expire (all older ones).
  `ALTER TABLE tokens ADD COLUMN expires_at text;`,
  // 6 (redaction entries): a partial export holds every collector-signed entry (notices and
  // redaction entries) whatever its range, read along this index instead of the whole log.
  `CREATE INDEX entries_collector_signed ON entries (site, idx) WHERE kind <> 'receipt';`,
  // 7 (witnesses): cosignatures of checkpoints, appended to the note whenever one is read.
  `
  CREATE TABLE cosignatures (
    site text NOT NULL,
    size bigint NOT NULL,
    witness text NOT NULL,
    line text NOT NULL,
    timestamp bigint NOT NULL,
    received_at text NOT NULL,
    PRIMARY KEY (site, size, witness)
  );
  `,
  // 8 (legacy redactions): when the log was scanned for stubs redacted before redaction entries
  // existed and those were attested; null until then, so every older log is scanned once. A log
  // created since is born attested: its redactions all come with their entries.
  `ALTER TABLE logs ADD COLUMN legacy_attested_at text;`,
];

/** Applies pending migrations in one transaction, under the migration advisory lock (a second opener waits, then finds them applied). */
export async function migrate(pool: pg.Pool): Promise<void> {
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
