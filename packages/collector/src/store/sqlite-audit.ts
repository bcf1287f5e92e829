// The audit queries of the SQLite store, on its reader connection (committed data only).
// Searches are built from the filters present, so SQLite can use the primary key (site, idx) for
// the keyset and the receipts' time index (migration 3) for ranges; statements are cached per shape.
// A range search first picks the page's indexes from the time index (which holds them), then reads
// those rows: sorting a week of indexes is cheap, sorting a week of whole rows is not.
// A partial export finds the first and last index of its range's receipts once, from the time
// index, then pages along the primary key between them (and along the notices' index): the rows
// outside the range are never read, and no page sorts the range.
import type Database from 'better-sqlite3';
import { exportLineSql, partialPage } from './export-lines';
import type { AuditQueries, EntryRecord, PartialExportQuery, ReceiptQuery, StatsBucket, StatsQuery } from './types';

/** Where the audit queries meet the store: its reader, entry columns and row mapper. */
export interface SqliteAuditOptions<Row> {
  reader: Database.Database;
  /** The entry columns, in the order `toEntry` reads them. */
  columns: string;
  toEntry: (row: Row) => EntryRecord;
}

const LIVE_RECEIPT = "e.site = @site AND e.kind = 'receipt' AND e.redacted_at IS NULL";

/** JSON path of one purpose inside `choices` (purpose ids may hold `-`, hence the quotes). */
const PURPOSE_PATH = `'$."' || c.key || '"'`;

/** Builds the audit queries over a SQLite store's reader connection. */
export function sqliteAuditQueries<Row>({ reader, columns, toEntry }: SqliteAuditOptions<Row>): AuditQueries {
  const prefixed = columns
    .split(',')
    .map((c) => `e.${c.trim()}`)
    .join(', ');
  const bySubject = reader.prepare<[string, string], Row>(
    `SELECT ${prefixed} FROM entries e WHERE e.site = ? AND e.subject = ? ORDER BY e.idx`,
  );
  const expired = reader.prepare<{ site: string; before: string; limit: number }, { id: string }>(
    `SELECT e.id FROM entries e WHERE ${LIVE_RECEIPT} AND e.received_at < @before ORDER BY e.idx LIMIT @limit`,
  );
  // SQLite has no base64; only redacted lines call this, and they are rare.
  reader.function('export_base64url', { deterministic: true }, (bytes) =>
    Buffer.from(bytes as Uint8Array).toString('base64url'),
  );
  const line = exportLineSql({
    quote: (expr) => `json_quote(${expr})`,
    base64url: (expr) => `export_base64url(${expr})`,
  });
  // One BLOB per page: group_concat takes the rows in the order the subquery yields them (it cannot
  // be flattened, having a LIMIT); an ORDER BY inside group_concat would sort the lines once more.
  const exportLines = reader
    .prepare<[string, number, number], [number, Buffer | null]>(
      `SELECT count(*), CAST(group_concat(line, '') AS BLOB) FROM (SELECT ${line} AS line FROM entries WHERE site = ? AND idx >= ? ORDER BY idx LIMIT ?)`,
    )
    .raw();
  const partials = new Map<
    string,
    {
      span: Database.Statement<Record<string, unknown>, [number | null, number | null]>;
      page: Database.Statement<Record<string, unknown>, [string | null, string | null, Buffer | null]>;
    }
  >();
  const searches = new Map<string, Database.Statement<Record<string, unknown>, Row>>();

  function partialStatements(query: PartialExportQuery) {
    const time: string[] = [];
    if (query.from !== undefined) time.push('received_at >= @from');
    if (query.to !== undefined) time.push('received_at < @to');
    const key = time.join(' AND ');
    let cached = partials.get(key);
    if (!cached) {
      const receipts = "site = @site AND kind = 'receipt'";
      cached = {
        span: reader
          .prepare<Record<string, unknown>, [number | null, number | null]>(
            `SELECT min(idx), max(idx) FROM entries WHERE ${[receipts, 'idx < @size', ...time].join(' AND ')}`,
          )
          .raw(),
        // `+received_at` keeps the time index out of the page: it would sort the whole range each
        // time. One row a page, its lines in one BLOB as for a full export, in the subquery's order.
        page: reader
          .prepare<Record<string, unknown>, [string | null, string | null, Buffer | null]>(
            "SELECT group_concat(idx, ','), group_concat(length(CAST(line AS BLOB)), ','), CAST(group_concat(line, '') AS BLOB) FROM (" +
              `SELECT idx, ${line} AS line FROM entries WHERE site = @site AND kind <> 'receipt' AND idx >= @after AND idx < @size UNION ALL ` +
              `SELECT idx, ${line} FROM entries WHERE ${[receipts, 'idx >= max(@after, @first)', 'idx <= @last', ...time.map((t) => `+${t}`)].join(' AND ')} ORDER BY 1 LIMIT @limit)`,
          )
          .raw(),
      };
      partials.set(key, cached);
    }
    return cached;
  }
  const stats = new Map<
    string,
    { purposes: Database.Statement; methods: Database.Statement; withdrawals: Database.Statement }
  >();

  function searchStatement(query: ReceiptQuery): Database.Statement<Record<string, unknown>, Row> {
    const where = [LIVE_RECEIPT];
    const asc = query.order === 'asc';
    if (query.after !== undefined) where.push(asc ? 'e.idx > @after' : 'e.idx < @after');
    if (query.method !== undefined) where.push('e.method = @method');
    if (query.from !== undefined) where.push('e.received_at >= @from');
    if (query.to !== undefined) where.push('e.received_at < @to');
    if (query.purpose !== undefined) {
      where.push(
        query.state === undefined
          ? `json_type(e.choices, '$."' || @purpose || '"') IS NOT NULL`
          : `json_extract(e.choices, '$."' || @purpose || '"') = @state`,
      );
    }
    const order = `ORDER BY e.idx ${asc ? 'ASC' : 'DESC'}`;
    const ranged = query.from !== undefined || query.to !== undefined;
    const sql = ranged
      ? `SELECT ${prefixed} FROM entries e WHERE e.site = @site AND e.idx IN (SELECT e.idx FROM entries e WHERE ${where.join(' AND ')} ${order} LIMIT @limit) ${order}`
      : `SELECT ${prefixed} FROM entries e WHERE ${where.join(' AND ')} ${order} LIMIT @limit`;
    let statement = searches.get(sql);
    if (!statement) {
      statement = reader.prepare<Record<string, unknown>, Row>(sql);
      searches.set(sql, statement);
    }
    return statement;
  }

  function statsStatements(query: StatsQuery) {
    const where = [LIVE_RECEIPT];
    if (query.from !== undefined) where.push('e.received_at >= @from');
    if (query.to !== undefined) where.push('e.received_at < @to');
    const key = `${query.interval}|${where.join(' AND ')}`;
    let cached = stats.get(key);
    if (!cached) {
      // `weekday 1` moves forward to a Monday, so step back six days first: the Monday on or before.
      const bucket =
        query.interval === 'day'
          ? 'substr(e.received_at, 1, 10)'
          : "date(substr(e.received_at, 1, 10), '-6 days', 'weekday 1')";
      const filter = where.join(' AND ');
      const previousChoices =
        'SELECT p.choices FROM entries p WHERE p.site = e.site AND p.subject = e.subject AND p.idx < e.idx ORDER BY p.idx DESC LIMIT 1';
      cached = {
        purposes: reader.prepare(
          `SELECT ${bucket} AS bucket, c.key AS purpose, c.value AS state, count(*) AS n FROM entries e, json_each(e.choices) c WHERE ${filter} GROUP BY 1, 2, 3`,
        ),
        methods: reader.prepare(
          `SELECT ${bucket} AS bucket, e.method AS method, count(*) AS n FROM entries e WHERE ${filter} GROUP BY 1, 2`,
        ),
        withdrawals: reader.prepare(
          `SELECT ${bucket} AS bucket, c.key AS purpose, count(*) AS n FROM entries e, json_each(e.choices) c WHERE ${filter} AND c.value = 'denied' ` +
            `AND json_extract((${previousChoices}), ${PURPOSE_PATH}) = 'granted' GROUP BY 1, 2`,
        ),
      };
      stats.set(key, cached);
    }
    return cached;
  }

  return {
    async subjectEntries(site, subject) {
      return bySubject.all(site, subject).map(toEntry);
    },

    async searchReceipts(site, query) {
      const params: Record<string, unknown> = { site, limit: query.limit };
      for (const name of ['after', 'method', 'from', 'to', 'purpose', 'state'] as const)
        if (query[name] !== undefined) params[name] = query[name];
      return searchStatement(query).all(params).map(toEntry);
    },

    async receiptStats(site, query) {
      const params: Record<string, unknown> = { site };
      if (query.from !== undefined) params.from = query.from;
      if (query.to !== undefined) params.to = query.to;
      const statements = statsStatements(query);
      const buckets = new Map<string, StatsBucket>();
      const bucketOf = (start: string): StatsBucket => {
        let b = buckets.get(start);
        if (!b) {
          b = { start, receipts: 0, methods: {}, purposes: {} };
          buckets.set(start, b);
        }
        return b;
      };
      const purposeOf = (b: StatsBucket, purpose: string) =>
        (b.purposes[purpose] ??= { granted: 0, denied: 0, withdrawn: 0 });
      for (const row of statements.methods.all(params) as Array<{ bucket: string; method: string; n: number }>) {
        const b = bucketOf(row.bucket);
        b.receipts += row.n;
        b.methods[row.method] = row.n;
      }
      for (const row of statements.purposes.all(params) as Array<{
        bucket: string;
        purpose: string;
        state: string;
        n: number;
      }>) {
        if (row.state === 'granted' || row.state === 'denied')
          purposeOf(bucketOf(row.bucket), row.purpose)[row.state] = row.n;
      }
      for (const row of statements.withdrawals.all(params) as Array<{ bucket: string; purpose: string; n: number }>) {
        purposeOf(bucketOf(row.bucket), row.purpose).withdrawn = row.n;
      }
      return [...buckets.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    },

    async readExportLines(site, from, limit) {
      const [count, bytes] = exportLines.get(site, from, limit)!;
      return { count, bytes: bytes ?? new Uint8Array(0) };
    },

    async readPartialExportLines(site, query, cursor, limit) {
      const statements = partialStatements(query);
      const time: Record<string, string> = {};
      if (query.from !== undefined) time.from = query.from;
      if (query.to !== undefined) time.to = query.to;
      let span = cursor;
      if (!span) {
        const [first, last] = statements.span.get({ site, size: query.size, ...time })!;
        span = first === null || last === null ? { after: 0, first: 0, last: -1 } : { after: 0, first, last };
      }
      const [indexes, lengths, bytes] = statements.page.get({
        site,
        size: query.size,
        after: span.after,
        first: span.first,
        last: span.last,
        limit,
        ...time,
      })!;
      return partialPage(indexes, lengths, bytes ?? new Uint8Array(0), span, limit);
    },

    async expiredReceiptIds(site, before, limit) {
      return expired.all({ site, before, limit }).map((row) => row.id);
    },
  };
}
