// POST /v1/receipts: verify each receipt, check it against its site, then group-commit the batch
// and answer its acks, which exist only once the batch is committed.

import type { ReceiptsAnswer, VerifiedReceipt } from '@consent-ledger/protocol';
import { ReceiptsRequestSchema } from '@consent-ledger/protocol/api';
import { type Context, Hono } from 'hono';
import { CommitQueueClosed } from '../commit-queue';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError, type ApiErrorCode } from '../errors';
import { rateKey, storedIp } from '../ip';
import { bodyLimit } from '../middleware/body-limit';
import { siteCors } from '../middleware/cors';
import { inFlightLimit } from '../middleware/in-flight';
import { charge, type RateLimitOptions, rateLimit } from '../middleware/rate-limit';
import { MISS_REFRESH_MS, type SiteView } from '../site-directory';
import type { AppendFailure, BatchOutcome } from '../store/types';
import { parseRequest } from '../validate';

/** Longest user agent stored. */
const MAX_USER_AGENT = 512;

const STATUS_OF: Partial<Record<ApiErrorCode, 400 | 403 | 409 | 422>> = {
  'origin-not-allowed': 403,
  'prev-mismatch': 409,
  'id-conflict': 409,
  'unknown-site': 422,
  'unknown-revision': 422,
  'unknown-notice': 422,
};

function refuse(code: ApiErrorCode, message: string, index: number, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(STATUS_OF[code] ?? 400, code, message, { index, ...details });
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Reads `{ "receipts": [jws, ...] }`, 1 to `max` strings. */
function parseBody(text: string, max: number): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed', 'the body is not JSON');
  }
  const { receipts } = parseRequest(ReceiptsRequestSchema, body, '{ "receipts": ["<jws>", ...] } (1 to 100)', (path) =>
    typeof path[1] === 'number' ? { index: path[1] } : {},
  );
  // A collector may take smaller batches than the protocol's maximum (`limits.batch`).
  if (receipts.length > max)
    throw new ApiError(400, 'malformed', `a batch holds 1 to ${max} receipts, not ${receipts.length}`);
  return receipts;
}

/** Checks one verified receipt against its site as the cache knows it; the refusal, or null. */
function checkAgainstSite(
  receipt: VerifiedReceipt,
  index: number,
  view: SiteView | null,
  origin: string,
): ApiError | null {
  const r = receipt.payload;
  if (!view) return refuse('unknown-site', `unknown site "${r.site}"`, index);
  if (!view.config.origins.includes(origin))
    return refuse('origin-not-allowed', `origin ${origin} is not one of the origins of site "${r.site}"`, index);
  if (new URL(r.page).origin !== origin)
    return refuse('malformed', `page ${r.page} is not on the request's origin ${origin}`, index);
  if (!view.revisions.has(r.revision))
    return refuse('unknown-revision', `site "${r.site}" never published revision ${r.revision}`, index);
  const notice = view.notices.get(r.textHash);
  if (!notice || notice.revision !== r.revision || notice.language !== r.language) {
    return refuse(
      'unknown-notice',
      `textHash names no notice of revision ${r.revision} in "${r.language}" in the log of "${r.site}"`,
      index,
    );
  }
  if (notice.asked) {
    const given = Object.keys(r.choices);
    if (given.length !== notice.asked.length || !notice.asked.every((p) => Object.hasOwn(r.choices, p))) {
      return refuse(
        'malformed',
        `choices must list exactly the purposes of the notice: ${notice.asked.join(', ')}`,
        index,
      );
    }
  }
  return null;
}

function failureError(error: AppendFailure): ApiError {
  const details = error.code === 'prev-mismatch' ? { expected: error.expected ?? null } : {};
  return refuse(error.code, error.message, error.index, details);
}

/** The ingest route, with its CORS, rate limit, origin filter and body limit. */
export function receiptsRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limit: RateLimitOptions | null = ctx.buckets
    ? { buckets: ctx.buckets, key: (c: Context<AppEnv>) => rateKey(ctx.clientIp(c)) }
    : null;
  // One origin lookup answers CORS and refuses, before the body is read, an origin no live site lists.
  app.use(
    '/v1/receipts',
    siteCors({
      allowed: (origin) => ctx.sites.anyListsOrigin(origin),
      allowMethods: ['POST'],
      maxAge: 86400,
      refuseOthers: true,
    }),
  );
  if (limit) app.post('/v1/receipts', rateLimit(limit));
  app.post('/v1/receipts', inFlightLimit({ maxBytes: ctx.limits.inFlightBytes, streamedBytes: ctx.limits.bodyBytes }));
  app.post('/v1/receipts', bodyLimit({ maxBytes: ctx.limits.bodyBytes }), async (c) => {
    if (!isJson(c.req.header('content-type')))
      throw new ApiError(415, 'unsupported-media-type', 'send receipts as application/json');
    const origin = c.req.header('origin')!; // present and listed by some site: siteCors let it through
    const jwsList = parseBody(await c.req.text(), ctx.limits.batch);
    if (limit) {
      // A batch costs one token per receipt, but never more than a full bucket: a batch larger than
      // a minute's allowance waits for a full bucket instead of being refused forever.
      const refused = charge(c, limit, Math.min(jwsList.length, limit.buckets.capacity) - 1, 1);
      if (refused) return refused;
    }
    const results = await Promise.all(jwsList.map((jws) => ctx.verify(jws)));
    const receipts: VerifiedReceipt[] = [];
    results.forEach((result, index) => {
      if (!result.ok) throw refuse(result.error.code as ApiErrorCode, result.error.message, index);
      receipts.push(result.value);
    });
    const site = receipts[0].payload.site;
    const other = receipts.findIndex((r) => r.payload.site !== site);
    if (other >= 0) throw refuse('malformed', 'every receipt of a batch must be for the same site', other);
    let view = await ctx.sites.site(site);
    let problem = receipts.map((r, i) => checkAgainstSite(r, i, view, origin)).find((p) => p !== null) ?? null;
    if (problem && problem.status !== 400) {
      // What the cache does not know yet refreshes the site once, at the rate an unknown origin does.
      view = await ctx.sites.site(site, MISS_REFRESH_MS);
      problem = receipts.map((r, i) => checkAgainstSite(r, i, view, origin)).find((p) => p !== null) ?? null;
    }
    if (problem) throw problem;
    const ip = storedIp(ctx.clientIp(c), view!.config.ip);
    const userAgent = c.req.header('user-agent')?.slice(0, MAX_USER_AGENT) ?? null;
    let outcome: BatchOutcome;
    try {
      outcome = await ctx.commits.submit({ site, receipts: receipts.map((receipt) => ({ receipt, ip, userAgent })) });
    } catch (error) {
      if (error instanceof CommitQueueClosed) throw new ApiError(503, 'unavailable', error.message);
      throw error;
    }
    if (!outcome.ok) throw failureError(outcome.error);
    ctx.metrics.receiptsAccepted(site, outcome.receipts.filter((r) => !r.replay).length);
    const acks = outcome.receipts.map((r) => r.ack);
    return c.json({ acks } satisfies ReceiptsAnswer, outcome.receipts.every((r) => r.replay) ? 200 : 201);
  });
  return app;
}
