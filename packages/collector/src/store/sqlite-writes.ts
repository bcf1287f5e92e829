// The write half of the SQLite store: one connection, every write in one queue, each a short
// synchronous transaction. It runs on the serving thread, or on a writer thread of its own
// (sqlite-writer-thread.ts) so that inserts and the commit's fsync never stall HTTP serving.
// Durability: WAL with synchronous = FULL, so COMMIT returns only once the WAL is fsynced; every
// method resolves after its COMMIT, and acks are only ever sent after that.

import { type AckPayload, base64urlEncode, type SiteConfig } from '@consent-ledger/protocol';
import Database from 'better-sqlite3';
import { type AppendPlan, ackPayloadOf, planAppend } from './append-plan';
import {
  ENTRY_COLUMN_NAMES,
  ENTRY_COLUMNS,
  type NewEntryRow,
  newNotices,
  receiptRow,
  redactionRow,
  type SiteRow,
  toSite,
} from './rows';
import type {
  BatchOutcome,
  CosignatureRecord,
  Integration,
  NoticeInput,
  NoticeRecord,
  ReceiptBatch,
  Redaction,
  RedactionEntryInput,
  SiteRecord,
  TokenRecord,
} from './types';

/** Signs ack payloads, one ack per payload in order (an AckSigner, or one run on the writer thread). */
export type SignAcks = (payloads: AckPayload[]) => string[] | Promise<string[]>;

/** The writes of the SQLite store, wherever they run. */
export interface SqliteWriter {
  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }>;
  deleteSite(site: string, at: string): Promise<boolean>;
  appendReceipts(batches: ReceiptBatch[], signAcks: SignAcks): Promise<BatchOutcome[]>;
  integrate(step: Integration): Promise<boolean>;
  addCosignatures(records: CosignatureRecord[]): Promise<void>;
  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number>;
  markLogAttested(site: string, at: string): Promise<void>;
  createToken(token: TokenRecord): Promise<void>;
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Waits for queued writes, then closes the connection. */
  close(): Promise<void>;
}

/** Opens a connection for the store's writes: WAL, and a commit durable before it returns. */
export function openWriterConnection(path: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before its acks go out (NORMAL could lose the last ones on power loss).
  db.pragma('synchronous = FULL');
  return db;
}

function prepare(w: Database.Database) {
  return {
    logOf: w.prepare<[string], { size: number; tree_size: number }>('SELECT size, tree_size FROM logs WHERE site = ?'),
    siteRow: w.prepare<[string], SiteRow>('SELECT * FROM sites WHERE site = ?'),
    liveSite: w.prepare<[string], { deleted_at: string | null }>('SELECT deleted_at FROM sites WHERE site = ?'),
    entryById: w.prepare<
      [string, string],
      { idx: number; leaf_hash: Uint8Array; ack: string | null; received_at: string }
    >('SELECT idx, leaf_hash, ack, received_at FROM entries WHERE site = ? AND id = ?'),
    lastOfSubject: w.prepare<[string, string], { leaf_hash: Uint8Array }>(
      'SELECT leaf_hash FROM entries WHERE site = ? AND subject = ? ORDER BY idx DESC LIMIT 1',
    ),
    insertEntry: w.prepare<[NewEntryRow]>(
      `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMN_NAMES.map((c) => `@${c}`).join(', ')})`,
    ),
    setSize: w.prepare<[number, string]>('UPDATE logs SET size = ? WHERE site = ?'),
    upsertSite: w.prepare<[string, string, string, string]>(
      'INSERT INTO sites (site, config, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, NULL) ' +
        'ON CONFLICT (site) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at, deleted_at = NULL',
    ),
    // A new log is born attested: it holds no stub older than redaction entries.
    ensureLog: w.prepare<[string, string]>(
      'INSERT INTO logs (site, size, tree_size, legacy_attested_at) VALUES (?, 0, 0, ?) ON CONFLICT (site) DO NOTHING',
    ),
    markAttested: w.prepare<[string | null, string]>('UPDATE logs SET legacy_attested_at = ? WHERE site = ?'),
    deleteSite: w.prepare<[string, string]>('UPDATE sites SET deleted_at = ? WHERE site = ? AND deleted_at IS NULL'),
    advanceTree: w.prepare<[number, string, number]>('UPDATE logs SET tree_size = ? WHERE site = ? AND tree_size = ?'),
    insertNode: w.prepare<[string, number, number, Uint8Array]>(
      'INSERT INTO nodes (site, level, idx, hash) VALUES (?, ?, ?, ?)',
    ),
    insertCheckpoint: w.prepare<[string, number, string, string, string]>(
      'INSERT INTO checkpoints (site, size, root_hash, note, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertCosignature: w.prepare<[string, number, string, string, number, string]>(
      'INSERT INTO cosignatures (site, size, witness, line, timestamp, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    redact: w.prepare<[string, string, string, string]>(
      'UPDATE entries SET jws = NULL, ack = NULL, ip = NULL, user_agent = NULL, choices = NULL, page = NULL, redacted_at = ?, redacted_reason = ? ' +
        'WHERE site = ? AND id = ? AND redacted_at IS NULL',
    ),
    insertToken: w.prepare<[string, string, string, string, string, string | null]>(
      'INSERT INTO tokens (id, hash, role, sites, created_at, revoked_at, expires_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
    ),
    revokeToken: w.prepare<[string, string]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
}

/** The store's writes on a connection of this thread (the schema must already be migrated). */
export class SqliteWrites implements SqliteWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly w;

  constructor(private readonly db: Database.Database) {
    this.w = prepare(db);
  }

  /** Runs write operations one after another on the connection. */
  private write<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs synchronous statements as one immediate transaction, in the write queue. */
  private transaction<T>(work: () => T): Promise<T> {
    return this.write(() => this.db.transaction(work).immediate());
  }

  putSite(
    config: SiteConfig,
    notices: NoticeInput[],
    at: string,
  ): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
    return this.transaction(() => {
      this.w.upsertSite.run(config.site, JSON.stringify(config), at, at);
      this.w.ensureLog.run(config.site, at);
      const size = this.w.logOf.get(config.site)!.size;
      const known = (textHash: string) => this.w.entryById.get(config.site, textHash) !== undefined;
      const { rows, appended } = newNotices(config.site, size, notices, known, at);
      for (const row of rows) this.w.insertEntry.run(row);
      this.w.setSize.run(size + rows.length, config.site);
      const row = this.w.siteRow.get(config.site)!;
      return { site: toSite(row), appended };
    });
  }

  deleteSite(site: string, at: string): Promise<boolean> {
    return this.transaction(() => this.w.deleteSite.run(at, site).changes === 1);
  }

  appendReceipts(batches: ReceiptBatch[], signAcks: SignAcks): Promise<BatchOutcome[]> {
    // Optimistic: plan and sign outside any transaction (no write lock held across an await),
    // then commit only if no other process appended to the same logs meanwhile; else plan again.
    return this.write(async () => {
      for (;;) {
        const { plan, seen } = this.plan(batches);
        const acks = plan.fresh.length ? await signAcks(plan.fresh.map(ackPayloadOf)) : [];
        if (acks.length !== plan.fresh.length) throw new Error('ack signer returned the wrong number of acks');
        const committed = this.db
          .transaction(() => {
            for (const [site, size] of seen) {
              if (this.w.logOf.get(site)?.size !== size || this.w.liveSite.get(site)?.deleted_at !== null) return false;
            }
            plan.fresh.forEach((p, i) => {
              p.ack = acks[i];
              this.w.insertEntry.run(receiptRow(p));
            });
            for (const [site, size] of plan.sizes) this.w.setSize.run(size, site);
            return true;
          })
          .immediate();
        if (committed) return plan.outcomes();
      }
    });
  }

  /** Plans an append against the committed log, noting the size of every live site it read so the commit can tell if it went stale. */
  private plan(batches: ReceiptBatch[]): { plan: AppendPlan; seen: Map<string, number> } {
    const seen = new Map<string, number>();
    // A group holds many batches of the same site: look its log up once.
    const sizes = new Map<string, number | null>();
    const plan = planAppend(batches, {
      logSize: (site) => {
        if (sizes.has(site)) return sizes.get(site)!;
        const live = this.w.liveSite.get(site);
        const log = this.w.logOf.get(site);
        const size = !live || live.deleted_at !== null || !log ? null : log.size;
        sizes.set(site, size);
        if (size !== null) seen.set(site, size);
        return size;
      },
      stored: (site, id) => {
        const row = this.w.entryById.get(site, id);
        return (
          row && { index: row.idx, leafHash: base64urlEncode(row.leaf_hash), ack: row.ack, receivedAt: row.received_at }
        );
      },
      head: (site, subject) => {
        const last = this.w.lastOfSubject.get(site, subject);
        return last ? base64urlEncode(last.leaf_hash) : null;
      },
    });
    return { plan, seen };
  }

  integrate(step: Integration): Promise<boolean> {
    return this.transaction(() => {
      if (this.w.advanceTree.run(step.checkpoint.size, step.site, step.fromSize).changes !== 1) return false;
      for (const node of step.nodes)
        if (node.level > 0) this.w.insertNode.run(step.site, node.level, node.index, node.hash);
      const cp = step.checkpoint;
      this.w.insertCheckpoint.run(step.site, cp.size, cp.rootHash, cp.note, cp.createdAt);
      return true;
    });
  }

  addCosignatures(records: CosignatureRecord[]): Promise<void> {
    return this.transaction(() => {
      for (const r of records)
        this.w.insertCosignature.run(r.site, r.size, r.witness, r.line, r.timestamp, r.receivedAt);
    });
  }

  redactEntries(site: string, ids: string[], redaction: Redaction, entry?: RedactionEntryInput): Promise<number> {
    return this.transaction(() => {
      if (entry) {
        const size = this.w.logOf.get(site)?.size;
        if (size === undefined) throw new Error(`unknown site "${site}"`);
        this.w.insertEntry.run(redactionRow(site, size, entry, redaction.at));
        this.w.setSize.run(size + 1, site);
      }
      const changed = ids.reduce((n, id) => n + this.w.redact.run(redaction.at, redaction.reason, site, id).changes, 0);
      if (!entry && changed > 0) this.w.markAttested.run(null, site);
      return changed;
    });
  }

  markLogAttested(site: string, at: string): Promise<void> {
    return this.transaction(() => {
      this.w.markAttested.run(at, site);
    });
  }

  createToken(token: TokenRecord): Promise<void> {
    return this.transaction(() => {
      this.w.insertToken.run(
        token.id,
        token.hash,
        token.role,
        JSON.stringify(token.sites),
        token.createdAt,
        token.expiresAt,
      );
    });
  }

  revokeToken(id: string, at: string): Promise<boolean> {
    return this.transaction(() => this.w.revokeToken.run(at, id).changes === 1);
  }

  close(): Promise<void> {
    return this.write(() => {
      this.db.close();
    });
  }
}
