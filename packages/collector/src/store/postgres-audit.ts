// The audit queries of the PostgreSQL store. Searches are built from the filters present, so the
// planner can use the primary key (site, idx) for the keyset and the receipts' time index of
// migration 4 for ranges; `choices` is jsonb, so purpose filters are `?` and `->>`.
import { exportLineSql, partialPage } from './export-lines';
import type { AuditQueries, EntryRecord, StatsBucket } from './types';

/** Where the audit queries meet the store: its query function, entry columns and row mapper. */
export interface PostgresAuditOptions<Row> {
  query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
  /** The entry columns, in the order `toEntry` reads them. */
  columns: string;
  toEntry: (row: Row) => EntryRecord;
}

const LIVE_RECEIPT = "e.site = $1 AND e.kind = 'receipt' AND e.redacted_at IS NULL";

// encode(…, 'base64') breaks lines every 76 characters; a leaf hash's 44 never reach that.
const EXPORT_LINE = exportLineSql({
  quote: (expr) => `to_json(${expr}::text)::text`,
  base64url: (expr) => `rtrim(translate(encode(${expr}, 'base64'), '+/', '-_'), '=')`,
});

/** Builds the audit queries over a PostgreSQL store. */
export function postgresAuditQueries<Row>({ query, columns, toEntry }: PostgresAuditOptions<Row>): AuditQueries {
  const prefixed = columns
    .split(',')
    .map((c) => `e.${c.trim()}`)
    .join(', ');
  const entries = async (text: string, values: unknown[]) => ((await query(text, values)).rows as Row[]).map(toEntry);

  /** The WHERE clause of live receipts of `site` in [from, to), with its parameters. */
  function range(
    site: string,
    from: string | undefined,
    to: string | undefined,
  ): { where: string[]; values: unknown[] } {
    const where = [LIVE_RECEIPT];
    const values: unknown[] = [site];
    if (from !== undefined) where.push(`e.received_at >= $${values.push(from)}`);
    if (to !== undefined) where.push(`e.received_at < $${values.push(to)}`);
    return { where, values };
  }

  return {
    subjectEntries(site, subject) {
      return entries(`SELECT ${prefixed} FROM entries e WHERE e.site = $1 AND e.subject = $2 ORDER BY e.idx`, [
        site,
        subject,
      ]);
    },

    searchReceipts(site, q) {
      const { where, values } = range(site, q.from, q.to);
      const asc = q.order === 'asc';
      if (q.after !== undefined) where.push(`e.idx ${asc ? '>' : '<'} $${values.push(q.after)}`);
      if (q.method !== undefined) where.push(`e.method = $${values.push(q.method)}`);
      if (q.purpose !== undefined) {
        const purpose = `$${values.push(q.purpose)}::text`;
        where.push(
          q.state === undefined ? `e.choices ? ${purpose}` : `e.choices ->> ${purpose} = $${values.push(q.state)}`,
        );
      }
      const limit = `$${values.push(q.limit)}`;
      return entries(
        `SELECT ${prefixed} FROM entries e WHERE ${where.join(' AND ')} ORDER BY e.idx ${asc ? 'ASC' : 'DESC'} LIMIT ${limit}`,
        values,
      );
    },

    async receiptStats(site, q) {
      const { where, values } = range(site, q.from, q.to);
      const filter = where.join(' AND ');
      const bucket =
        q.interval === 'day'
          ? 'substr(e.received_at, 1, 10)'
          : "to_char(date_trunc('week', substr(e.received_at, 1, 10)::date), 'YYYY-MM-DD')";
      const previous =
        'SELECT p.choices ->> c.key FROM entries p WHERE p.site = e.site AND p.subject = e.subject AND p.idx < e.idx ORDER BY p.idx DESC LIMIT 1';
      const [methods, purposes, withdrawals] = await Promise.all([
        query(
          `SELECT ${bucket} AS bucket, e.method, count(*) AS n FROM entries e WHERE ${filter} GROUP BY 1, 2`,
          values,
        ),
        query(
          `SELECT ${bucket} AS bucket, c.key AS purpose, c.value AS state, count(*) AS n FROM entries e, jsonb_each_text(e.choices) c WHERE ${filter} GROUP BY 1, 2, 3`,
          values,
        ),
        query(
          `SELECT ${bucket} AS bucket, c.key AS purpose, count(*) AS n FROM entries e, jsonb_each_text(e.choices) c ` +
            `WHERE ${filter} AND c.value = 'denied' AND (${previous}) = 'granted' GROUP BY 1, 2`,
          values,
        ),
      ]);
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
      for (const row of methods.rows as Array<{ bucket: string; method: string; n: number }>) {
        const b = bucketOf(row.bucket);
        b.receipts += row.n;
        b.methods[row.method] = row.n;
      }
      for (const row of purposes.rows as Array<{ bucket: string; purpose: string; state: string; n: number }>) {
        if (row.state === 'granted' || row.state === 'denied')
          purposeOf(bucketOf(row.bucket), row.purpose)[row.state] = row.n;
      }
      for (const row of withdrawals.rows as Array<{ bucket: string; purpose: string; n: number }>) {
        purposeOf(bucketOf(row.bucket), row.purpose).withdrawn = row.n;
      }
      return [...buckets.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    },

    async readExportLines(site, from, limit) {
      const { rows } = await query(
        `SELECT count(*)::int AS count, coalesce(string_agg(line, '' ORDER BY idx), '') AS lines FROM (SELECT idx, ${EXPORT_LINE} AS line FROM entries WHERE site = $1 AND idx >= $2 ORDER BY idx LIMIT $3) page`,
        [site, from, limit],
      );
      const [{ count, lines }] = rows as Array<{ count: number; lines: string }>;
      return { count, bytes: Buffer.from(lines, 'utf8') };
    },

    async readPartialExportLines(site, q, cursor, limit) {
      // As in SQLite (sqlite-audit.ts): the range's first and last receipt once, from the time
      // index, then pages along the primary key between them, merged with the notices' index.
      // In the pages, `received_at || ''` keeps the planner off the time index (as `+received_at`
      // does in SQLite): it would build and sort the lines of the whole rest of the range each page.
      const time = (values: unknown[], column = 'received_at') => {
        const where: string[] = [];
        if (q.from !== undefined) where.push(`${column} >= $${values.push(q.from)}`);
        if (q.to !== undefined) where.push(`${column} < $${values.push(q.to)}`);
        return where;
      };
      let span = cursor;
      if (!span) {
        const values: unknown[] = [site, q.size];
        const { rows } = await query(
          `SELECT min(idx) AS first, max(idx) AS last FROM entries WHERE ${["site = $1 AND kind = 'receipt' AND idx < $2", ...time(values)].join(' AND ')}`,
          values,
        );
        const [{ first, last }] = rows as Array<{ first: number | null; last: number | null }>;
        span = first === null || last === null ? { after: 0, first: 0, last: -1 } : { after: 0, first, last };
      }
      const values: unknown[] = [site, q.size, span.after, span.first, span.last, limit];
      const { rows } = await query(
        "SELECT string_agg(idx::text, ',' ORDER BY idx) AS indexes, string_agg(octet_length(line)::text, ',' ORDER BY idx) AS lengths, coalesce(string_agg(line, '' ORDER BY idx), '') AS lines FROM (" +
          `(SELECT idx, ${EXPORT_LINE} AS line FROM entries WHERE site = $1 AND kind <> 'receipt' AND idx >= $3 AND idx < $2 ORDER BY idx) UNION ALL ` +
          `(SELECT idx, ${EXPORT_LINE} FROM entries WHERE ${["site = $1 AND kind = 'receipt' AND idx >= greatest($3::bigint, $4::bigint) AND idx <= $5::bigint", ...time(values, "(received_at || '')")].join(' AND ')} ORDER BY idx) ` +
          'ORDER BY idx LIMIT $6) page',
        values,
      );
      const [{ indexes, lengths, lines }] = rows as Array<{
        indexes: string | null;
        lengths: string | null;
        lines: string;
      }>;
      return partialPage(indexes, lengths, Buffer.from(lines, 'utf8'), span, limit);
    },

    async expiredReceiptIds(site, before, limit) {
      const { rows } = await query(
        `SELECT e.id FROM entries e WHERE ${LIVE_RECEIPT} AND e.received_at < $2 ORDER BY e.idx LIMIT $3`,
        [site, before, limit],
      );
      return (rows as Array<{ id: string }>).map((r) => r.id);
    },
  };
}
