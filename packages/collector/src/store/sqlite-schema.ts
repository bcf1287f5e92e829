// Versioned migrations of the SQLite store; `PRAGMA user_version` records how many were applied.
// Append new migrations at the end, never edit a released one.

/** Each element is one migration, applied in order inside one transaction. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sites (
    site TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  -- One row per site log: size = entries sequenced (next index), tree_size = entries integrated.
  CREATE TABLE logs (
    site TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    tree_size INTEGER NOT NULL
  );
  CREATE TABLE entries (
    site TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    leaf_hash BLOB NOT NULL,
    jws TEXT,
    received_at TEXT NOT NULL,
    subject TEXT,
    ack TEXT,
    ip TEXT,
    user_agent TEXT,
    method TEXT,
    choices TEXT,
    revision INTEGER,
    language TEXT,
    text_hash TEXT,
    issued_at TEXT,
    page TEXT,
    prev TEXT,
    redacted_at TEXT,
    redacted_reason TEXT,
    PRIMARY KEY (site, idx)
  );
  CREATE UNIQUE INDEX entries_by_id ON entries (site, id);
  CREATE INDEX entries_by_subject ON entries (site, subject, idx) WHERE subject IS NOT NULL;
  -- Complete subtrees above the leaves (level >= 1); level 0 is entries.leaf_hash.
  CREATE TABLE nodes (
    site TEXT NOT NULL,
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (site, level, idx)
  ) WITHOUT ROWID;
  CREATE TABLE checkpoints (
    site TEXT NOT NULL,
    size INTEGER NOT NULL,
    root_hash TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (site, size)
  );
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    sites TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  `,
  // 2 (audit): time ranges over live receipts (search, stats, the retention purge's lookup), and
  // a site's notices without a scan of its whole log (histories, exports, the site cache).
  `CREATE INDEX entries_live_by_time ON entries (site, received_at, idx) WHERE kind = 'receipt' AND redacted_at IS NULL;
   CREATE INDEX entries_notices ON entries (site, idx) WHERE kind = 'notice';`,
  // 3 (partial exports): the time index lists every receipt, redacted ones too (a partial export
  // holds them); redacted_at rides in it, so live-only ranges still need no row. It replaces the
  // live one rather than joining it, so appends maintain as many indexes as before.
  `DROP INDEX entries_live_by_time;
   CREATE INDEX entries_receipts_by_time ON entries (site, received_at, idx, redacted_at) WHERE kind = 'receipt';`,
  // 4 (token expiry): when a token stops working; null for tokens that never expire (all older ones).
  `ALTER TABLE tokens ADD COLUMN expires_at TEXT;`,
  // 5 (redaction entries): a partial export holds every collector-signed entry (notices and
  // redaction entries) whatever its range, read along this index instead of the whole log.
  `CREATE INDEX entries_collector_signed ON entries (site, idx) WHERE kind <> 'receipt';`,
  // 6 (witnesses): cosignatures of checkpoints, appended to the note whenever one is read.
  `CREATE TABLE cosignatures (
     site TEXT NOT NULL,
     size INTEGER NOT NULL,
     witness TEXT NOT NULL,
     line TEXT NOT NULL,
     timestamp INTEGER NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (site, size, witness)
   ) WITHOUT ROWID;`,
  // 7 (legacy redactions): when the log was scanned for stubs redacted before redaction entries
  // existed and those were attested; null until then, so every older log is scanned once. A log
  // created since is born attested: its redactions all come with their entries.
  `ALTER TABLE logs ADD COLUMN legacy_attested_at TEXT;`,
];
