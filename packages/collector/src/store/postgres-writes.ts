// The writes of the PostgreSQL store, each run inside a transaction the store opens: publishing a
// site, appending receipts under their log heads' row locks, integrating, redacting.

import { base64urlEncode, type SiteConfig } from '@consent-ledger/protocol';
import type pg from 'pg';
import { ackPayloadOf, planAppend, type StoredReceipt } from './append-plan';
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
  AckSigner,
  BatchOutcome,
  Integration,
  NoticeInput,
  NoticeRecord,
  ReceiptBatch,
  Redaction,
  RedactionEntryInput,
  SiteRecord,
} from './types';

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

/** Saves a config and appends its new notices (LedgerStore.putSite), in the caller's transaction. */
export async function putSite(
  c: pg.PoolClient,
  config: SiteConfig,
  notices: NoticeInput[],
  at: string,
): Promise<{ site: SiteRecord; appended: NoticeRecord[] }> {
  const { rows: siteRows } = await c.query<SiteRow>(
    'INSERT INTO sites (site, config, created_at, updated_at, deleted_at) VALUES ($1, $2, $3, $3, NULL) ' +
      'ON CONFLICT (site) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at, deleted_at = NULL RETURNING *',
    [config.site, JSON.stringify(config), at],
  );
  // A new log is born attested: it holds no stub older than redaction entries.
  await c.query('INSERT INTO logs (site, size, legacy_attested_at) VALUES ($1, 0, $2) ON CONFLICT (site) DO NOTHING', [
    config.site,
    at,
  ]);
  await c.query('INSERT INTO trees (site, tree_size) VALUES ($1, 0) ON CONFLICT (site) DO NOTHING', [config.site]);
  const { rows } = await c.query<{ size: number }>('SELECT size FROM logs WHERE site = $1 FOR UPDATE', [config.site]);
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
}

/** Appends receipt batches under their log heads' row locks (LedgerStore.appendReceipts), in the caller's transaction. */
export async function appendReceipts(
  c: pg.PoolClient,
  batches: ReceiptBatch[],
  signAcks: AckSigner,
): Promise<BatchOutcome[]> {
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
}

/** Writes an integration step if the tree size is still `step.fromSize` (LedgerStore.integrate), in the caller's transaction. */
export async function integrate(c: pg.PoolClient, step: Integration): Promise<boolean> {
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
}

/** Redacts entries and appends the redaction statement (LedgerStore.redactEntries), in the caller's transaction. */
export async function redactEntries(
  c: pg.PoolClient,
  site: string,
  ids: string[],
  redaction: Redaction,
  entry?: RedactionEntryInput,
): Promise<number> {
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
  if (!entry && rowCount) await c.query('UPDATE logs SET legacy_attested_at = NULL WHERE site = $1', [site]);
  return rowCount ?? 0;
}
