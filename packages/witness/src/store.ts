// The witness's state in one SQLite file: per log origin, the latest checkpoint it cosigned; the
// evidence of every refusal that shows a log misbehaving; and the witness's own name. Checking a
// request against the cosigned state and persisting the new one happen in one write transaction
// (BEGIN IMMEDIATE), so two requests, even from two processes, can never roll the state back.
import { base64Decode, base64Encode, sha256b64u } from '@consent-ledger/protocol';
import Database from 'better-sqlite3';
import type { CosignedState, EvidenceKind, Verdict } from './state';

/** One cosigned log as the witness keeps it. */
export interface WitnessedLog extends CosignedState {
  origin: string;
  /** POSIX seconds of the latest cosignature. */
  cosignedAt: number;
}

/** A refusal that shows a log contradicting what the witness cosigned: both checkpoints, and the request. */
export interface Evidence {
  id: number;
  origin: string;
  kind: EvidenceKind;
  /** When it was refused, ISO 8601. */
  at: string;
  /** The checkpoint the witness had cosigned (log-signed note). */
  cosigned: string;
  /** The checkpoint submitted (log-signed note). */
  submitted: string;
  /** The whole add-checkpoint request body (old size, proof, checkpoint). */
  request: string;
}

/** The outcome of `advance`: the verdict, the state it was judged against, and the timestamp to cosign with when it is 200. */
export interface Advance {
  verdict: Verdict;
  latest: WitnessedLog | null;
  timestamp: number;
}

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE identity (only INTEGER PRIMARY KEY CHECK (only = 1), name TEXT NOT NULL);
  CREATE TABLE logs (
    origin TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    root_hash TEXT NOT NULL,
    note TEXT NOT NULL,
    cosigned_at INTEGER NOT NULL
  );
  -- One row per distinct refused request: a log retrying the same checkpoint adds nothing.
  CREATE TABLE evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    cosigned TEXT NOT NULL,
    submitted TEXT NOT NULL,
    request TEXT NOT NULL,
    request_hash TEXT NOT NULL UNIQUE
  );
  `,
];

interface LogRow {
  origin: string;
  size: number;
  root_hash: string;
  note: string;
  cosigned_at: number;
}

/** The witness's SQLite store. */
export class WitnessStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A cosignature must never be answered for a state that a crash could still lose.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** The witness's name: recorded on first use; a different `wanted` name later is refused (its key id depends on it). */
  name(wanted: string | undefined, fallback: string): string {
    const row = this.db.prepare<[], { name: string }>('SELECT name FROM identity').get();
    if (row) {
      if (wanted !== undefined && wanted !== row.name)
        throw new Error(`this witness is named "${row.name}", not "${wanted}" (its cosignatures name it)`);
      return row.name;
    }
    const name = wanted ?? fallback;
    this.db.prepare('INSERT OR IGNORE INTO identity (only, name) VALUES (1, ?)').run(name);
    return this.name(wanted, fallback);
  }

  /**
   * Runs `decide` on the log's cosigned state inside one write transaction and, when it answers
   * 200, stores the checkpoint as the new state with a timestamp read inside that transaction
   * (never earlier than any cosignature already given); a refusal with evidence is recorded.
   */
  advance(
    origin: string,
    submitted: { size: number; rootHash: Uint8Array; note: string; request: string },
    decide: (latest: CosignedState | null) => Verdict,
    now: () => number,
  ): Advance {
    return this.db
      .transaction((): Advance => {
        const latest = this.latest(origin);
        const verdict = decide(latest);
        const timestamp = Math.max(Math.floor(now() / 1000), latest?.cosignedAt ?? 0);
        if (verdict.status === 200) {
          this.db
            .prepare(
              `INSERT INTO logs (origin, size, root_hash, note, cosigned_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root_hash = excluded.root_hash,
                 note = excluded.note, cosigned_at = excluded.cosigned_at`,
            )
            .run(origin, submitted.size, base64Encode(submitted.rootHash), submitted.note, timestamp);
        } else if (verdict.evidence && latest) {
          this.db
            .prepare(
              `INSERT OR IGNORE INTO evidence (origin, kind, at, cosigned, submitted, request, request_hash)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              origin,
              verdict.evidence,
              new Date(now()).toISOString(),
              latest.note,
              submitted.note,
              submitted.request,
              sha256b64u(submitted.request),
            );
        }
        return { verdict, latest, timestamp };
      })
      .immediate();
  }

  /** The latest checkpoint cosigned for `origin`, or null. */
  latest(origin: string): WitnessedLog | null {
    const row = this.db.prepare<[string], LogRow>('SELECT * FROM logs WHERE origin = ?').get(origin);
    return row ? toLog(row) : null;
  }

  /** Every log cosigned, by origin. */
  logs(): WitnessedLog[] {
    return this.db.prepare<[], LogRow>('SELECT * FROM logs ORDER BY origin').all().map(toLog);
  }

  /** The evidence recorded, oldest first. */
  evidence(): Evidence[] {
    return this.db
      .prepare<[], Evidence>('SELECT id, origin, kind, at, cosigned, submitted, request FROM evidence ORDER BY id')
      .all();
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length)
      throw new Error(`the witness database is of a newer version (${version} > ${MIGRATIONS.length})`);
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db
        .transaction(() => {
          // Another process may have applied it while this one waited for the write lock.
          if ((this.db.pragma('user_version', { simple: true }) as number) > v) return;
          this.db.exec(MIGRATIONS[v]);
          this.db.pragma(`user_version = ${v + 1}`);
        })
        .immediate();
    }
  }
}

function toLog(row: LogRow): WitnessedLog {
  return {
    origin: row.origin,
    size: row.size,
    rootHash: base64Decode(row.root_hash),
    note: row.note,
    cosignedAt: row.cosigned_at,
  };
}
