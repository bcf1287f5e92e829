// The auditor's routes, behind an auditor or admin token: the sites it may read, then per site a
// subject's full history, receipt search (keyset pagination on the log index), streamed exports
// and consent statistics. They only read, so an admin token reads them too.

import {
  type AuditSitesAnswer,
  METHODS,
  type Method,
  type ReceiptSearchAnswer,
  type ReceiptSummary,
  type StatsAnswer,
  type SubjectHistory,
} from '@consent-ledger/protocol';
import { ExportParamsSchema, ReceiptSearchParamsSchema, StatsParamsSchema } from '@consent-ledger/protocol/api';
import { type Context, Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { type ExportRange, prepareCsvExport, prepareNdjsonExport, streamOf } from '../export-stream';
import { subjectHistory } from '../history';
import { collectorJwks } from '../keys';
import { bearerAuth } from '../middleware/auth';
import type { EntryRecord, PurposeCounts, ReceiptQuery, StatsBucket, TokenRole } from '../store/types';
import { tokenCovers } from '../tokens';

const PURPOSE = /^[a-z][a-z0-9-]{0,63}$/;
const SUBJECT = /^[A-Za-z0-9_-]{43}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;
/** Whoever may publish a site's config and issue its tokens may read its log; auditors only read. */
const READERS: readonly TokenRole[] = ['auditor', 'admin'];

/** Refuses query parameters a route does not know, so a typo never silently widens a query. */
export function onlyParams(c: Context<AppEnv>, allowed: readonly string[]): void {
  for (const name of Object.keys(c.req.queries())) {
    if (!allowed.includes(name))
      throw new ApiError(
        400,
        'malformed',
        `unknown query parameter "${name}" (known: ${allowed.join(', ') || 'none'})`,
      );
  }
}

/** A `from`/`to` parameter (a UTC date or an ISO 8601 date-time) as the stored timestamp form. */
export function dateParam(c: Context<AppEnv>, name: string): string | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === '') return undefined;
  const time = DATE.test(text) ? Date.parse(`${text}T00:00:00.000Z`) : DATE_TIME.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(time))
    throw new ApiError(400, 'malformed', `${name} must be a date (2026-12-01) or an ISO 8601 date-time`);
  return new Date(time).toISOString();
}

/** A non-negative integer parameter within bounds. */
function intParam(c: Context<AppEnv>, name: string, min: number, max: number): number | undefined {
  const text = c.req.query(name);
  if (text === undefined) return undefined;
  const n = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new ApiError(400, 'malformed', `${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** One of a list of values. */
function oneOf<T extends string>(c: Context<AppEnv>, name: string, values: readonly T[]): T | undefined {
  const text = c.req.query(name);
  if (text === undefined) return undefined;
  if (!values.includes(text as T)) throw new ApiError(400, 'malformed', `${name} must be one of ${values.join(', ')}`);
  return text as T;
}

/** The search answer's view of a receipt: its fields, without the JWS and ack (see the subject's history). */
function receiptSummary(e: EntryRecord): ReceiptSummary {
  // The search matches unredacted receipts only, so every receipt field is there.
  return {
    index: e.index,
    id: e.id,
    subject: e.subject!,
    receivedAt: e.receivedAt,
    method: e.method as Method,
    choices: e.choices!,
    revision: e.revision!,
    language: e.language!,
    textHash: e.textHash!,
    issuedAt: e.issuedAt!,
    page: e.page!,
    leafHash: e.leafHash,
  };
}

/** The consent rate of counts: granted / (granted + denied), null when there is neither. */
function withRate(counts: PurposeCounts): PurposeCounts & { rate: number | null } {
  const asked = counts.granted + counts.denied;
  return { ...counts, rate: asked === 0 ? null : counts.granted / asked };
}

/** Sums buckets into one. */
function totalOf(buckets: StatsBucket[]): Omit<StatsBucket, 'start'> {
  const total: Omit<StatsBucket, 'start'> = { receipts: 0, methods: {}, purposes: {} };
  for (const b of buckets) {
    total.receipts += b.receipts;
    for (const [m, n] of Object.entries(b.methods)) total.methods[m] = (total.methods[m] ?? 0) + n;
    for (const [p, counts] of Object.entries(b.purposes)) {
      total.purposes[p] ??= { granted: 0, denied: 0, withdrawn: 0 };
      const t = total.purposes[p];
      t.granted += counts.granted;
      t.denied += counts.denied;
      t.withdrawn += counts.withdrawn;
    }
  }
  return total;
}

const withRates = (purposes: Record<string, PurposeCounts>) =>
  Object.fromEntries(Object.entries(purposes).map(([p, counts]) => [p, withRate(counts)]));

/** The audit routes. */
export function auditRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/audit/sites', bearerAuth({ store: ctx.store, clock: ctx.clock, roles: READERS }));
  app.use(
    '/v1/audit/sites/:site/*',
    bearerAuth({ store: ctx.store, clock: ctx.clock, roles: READERS, siteParam: 'site' }),
  );

  /** The route's site, which must exist (a deleted site's log stays readable). */
  async function knownSite(c: Context<AppEnv>): Promise<string> {
    const site = c.req.param('site')!;
    if (!(await ctx.store.getSite(site))) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    return site;
  }

  function range(c: Context<AppEnv>): ExportRange {
    const from = dateParam(c, 'from');
    const to = dateParam(c, 'to');
    if (from !== undefined && to !== undefined && from >= to)
      throw new ApiError(400, 'malformed', 'from must be before to');
    return { from, to };
  }

  // Deleted sites are listed too: their logs stay readable and exportable.
  app.get('/v1/audit/sites', async (c) => {
    onlyParams(c, []);
    const token = c.get('token')!;
    const sites = (await ctx.store.listSites({ includeDeleted: true })).filter((s) => tokenCovers(token, s.site));
    c.header('Cache-Control', 'no-store');
    return c.json({
      sites: sites.map((s) => ({
        site: s.site,
        name: s.config.name,
        languages: s.config.languages,
        deletedAt: s.deletedAt,
      })),
    } satisfies AuditSitesAnswer);
  });

  app.get('/v1/audit/sites/:site/subjects/:subject', async (c) => {
    onlyParams(c, []);
    const site = await knownSite(c);
    const subject = c.req.param('subject');
    if (!SUBJECT.test(subject))
      throw new ApiError(400, 'malformed', 'a subject is a JWK thumbprint (43 base64url characters)');
    const history = await subjectHistory(ctx.store, site, subject);
    if (history.receipts.length === 0)
      throw new ApiError(404, 'not-found', `no receipt of subject ${subject} in the log of "${site}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(history satisfies SubjectHistory);
  });

  app.get('/v1/audit/sites/:site/receipts', async (c) => {
    onlyParams(c, Object.keys(ReceiptSearchParamsSchema.entries));
    const site = await knownSite(c);
    const purpose = c.req.query('purpose');
    if (purpose !== undefined && !PURPOSE.test(purpose))
      throw new ApiError(400, 'malformed', 'purpose must be a purpose id');
    const state = oneOf(c, 'state', ['granted', 'denied'] as const);
    if (state !== undefined && purpose === undefined) throw new ApiError(400, 'malformed', 'state needs a purpose');
    const query: ReceiptQuery = {
      ...range(c),
      purpose,
      state,
      method: oneOf(c, 'method', METHODS),
      after: intParam(c, 'cursor', 0, Number.MAX_SAFE_INTEGER),
      order: oneOf(c, 'order', ['asc', 'desc'] as const) ?? 'asc',
      limit: intParam(c, 'limit', 1, MAX_PAGE) ?? DEFAULT_PAGE,
    };
    for (const key of Object.keys(query) as Array<keyof ReceiptQuery>) if (query[key] === undefined) delete query[key];
    const found = await ctx.store.audit.searchReceipts(site, query);
    c.header('Cache-Control', 'no-store');
    // The cursor is the last index returned: appends only ever add higher indexes, so pages never shift.
    return c.json({
      receipts: found.map(receiptSummary),
      nextCursor: found.length === query.limit ? String(found[found.length - 1].index) : null,
    } satisfies ReceiptSearchAnswer);
  });

  app.get('/v1/audit/sites/:site/export', async (c) => {
    onlyParams(c, Object.keys(ExportParamsSchema.entries));
    const site = await knownSite(c);
    const format = oneOf(c, 'format', ['ndjson', 'csv'] as const) ?? 'ndjson';
    const r = range(c);
    // A redaction shows at once while its signed entry waits for the next integration: an export cut
    // at the checkpoint before it would carry stubs no entry in it proves. Integrating first closes that window.
    await ctx.integrator.catchUp();
    const prepared =
      format === 'ndjson'
        ? await prepareNdjsonExport(
            ctx.store,
            site,
            { keys: collectorJwks(ctx.key, ctx.retiredKeys), key: ctx.key, clock: ctx.clock },
            r,
          )
        : await prepareCsvExport(ctx.store, site, r);
    if (!prepared) throw new ApiError(404, 'no-checkpoint', `the log of "${site}" has no checkpoint yet`);
    const suffix = r.from || r.to ? `-${(r.from ?? '').slice(0, 10)}_${(r.to ?? '').slice(0, 10)}` : '';
    // A ReadableStream body with chunked encoding: @hono/node-server then writes it as it comes instead of buffering it whole.
    return new Response(streamOf(prepared.chunks()), {
      headers: {
        'Content-Type': format === 'ndjson' ? 'application/x-ndjson' : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${site}-${prepared.treeSize}${suffix}.${format}"`,
        'Transfer-Encoding': 'chunked',
        'X-Accel-Buffering': 'no',
        'X-Tree-Size': String(prepared.treeSize),
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/v1/audit/sites/:site/stats', async (c) => {
    onlyParams(c, Object.keys(StatsParamsSchema.entries));
    const site = await knownSite(c);
    const interval = oneOf(c, 'interval', ['day', 'week'] as const) ?? 'day';
    const r = range(c);
    const buckets = await ctx.store.audit.receiptStats(site, { ...r, interval });
    const total = totalOf(buckets);
    c.header('Cache-Control', 'no-store');
    return c.json({
      site,
      interval,
      from: r.from ?? null,
      to: r.to ?? null,
      buckets: buckets.map((b) => ({ ...b, purposes: withRates(b.purposes) })),
      total: { ...total, purposes: withRates(total.purposes) },
    } satisfies StatsAnswer);
  });
  return app;
}
