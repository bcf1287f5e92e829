// The admin routes, behind an admin token: list, publish, read and delete site configs and list
// their published revisions, and issue, list and revoke API tokens, each within the sites the
// admin's own token covers.

import {
  type AdminSitesAnswer,
  ALL_SITES,
  BUILTIN_PURPOSES,
  type BuiltinPurpose,
  type HistoryNotice,
  type Notice,
  type PublishAnswer,
  type SiteAnswer,
  type SiteDeletedAnswer,
  type SiteRevision,
  type SiteRevisionsAnswer,
  type TokenIssued,
  type TokenListAnswer,
  type TokenRevokedAnswer,
} from '@consent-ledger/protocol';
import { TokenRequestSchema } from '@consent-ledger/protocol/api';
import { type Context, Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { payloadOf } from '../history';
import { bearerAuth } from '../middleware/auth';
import { bodyLimit } from '../middleware/body-limit';
import { publishSite } from '../sites';
import type { TokenRecord, TokenRole } from '../store/types';
import { issueToken, publicToken, tokenCovers } from '../tokens';
import { parseRequest } from '../validate';

/** Largest site config accepted (a config with many services and translations stays far below). */
const MAX_CONFIG_BYTES = 256 * 1024;
/** Only admins write; an auditor token never reaches these routes. */
const WRITERS: readonly TokenRole[] = ['admin'];
/** The console's "receipts in the last 30 days". */
const RECENT_DAYS = 30;

/** Reads a JSON body, 415 for another media type and 400 for invalid JSON. */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (c.req.header('content-type')?.split(';')[0].trim().toLowerCase() !== 'application/json') {
    throw new ApiError(415, 'unsupported-media-type', 'send application/json');
  }
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'malformed', 'the body is not JSON');
  }
}

/** True when every site of `token` is covered by the admin's token. */
function within(admin: TokenRecord, token: TokenRecord): boolean {
  return token.sites.every((site) => (site === ALL_SITES ? admin.sites.includes(ALL_SITES) : tokenCovers(admin, site)));
}

/** The admin routes. */
export function adminRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = () => new Date(ctx.clock()).toISOString();
  app.use('/v1/admin/sites', bearerAuth({ store: ctx.store, clock: ctx.clock, roles: WRITERS }));
  app.use(
    '/v1/admin/sites/:site',
    bearerAuth({ store: ctx.store, clock: ctx.clock, roles: WRITERS, siteParam: 'site' }),
  );
  app.use(
    '/v1/admin/sites/:site/*',
    bearerAuth({ store: ctx.store, clock: ctx.clock, roles: WRITERS, siteParam: 'site' }),
  );

  // Deleted sites are listed too: an admin may publish them again.
  app.get('/v1/admin/sites', async (c) => {
    const admin = c.get('token')!;
    const since = new Date(ctx.clock() - RECENT_DAYS * 86_400_000).toISOString();
    const sites = (await ctx.store.listSites({ includeDeleted: true })).filter((s) => tokenCovers(admin, s.site));
    const counts = await Promise.all(
      sites.map(async (s) =>
        (await ctx.store.audit.receiptStats(s.site, { from: since, interval: 'week' })).reduce(
          (n, b) => n + b.receipts,
          0,
        ),
      ),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({
      sites: sites.map((s, i) => ({
        site: s.site,
        name: s.config.name,
        revision: s.config.revision,
        languages: s.config.languages,
        purposes: Object.keys(s.config.purposes),
        purposeTitles: Object.fromEntries(
          Object.entries(s.config.purposes).flatMap(([id, p]) => {
            const title = p.title?.[s.config.languages[0]];
            return !BUILTIN_PURPOSES.includes(id as BuiltinPurpose) && title ? [[id, title]] : [];
          }),
        ),
        services: s.config.services.map((service) => service.name),
        publishedAt: s.updatedAt,
        deletedAt: s.deletedAt,
        receipts30Days: counts[i],
      })),
    } satisfies AdminSitesAnswer);
  });

  app.get('/v1/admin/sites/:site/revisions', async (c) => {
    const site = c.req.param('site');
    if (!(await ctx.store.getSite(site))) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    const revisions = new Map<number, SiteRevision>();
    for (const { site: _site, ...record } of await ctx.store.listNotices(site)) {
      const notice: HistoryNotice = { ...record, notice: payloadOf<Notice>(record.jws) };
      const revision = revisions.get(record.revision);
      if (revision) revision.notices.push(notice);
      else
        revisions.set(record.revision, {
          revision: record.revision,
          publishedAt: record.receivedAt,
          notices: [notice],
        });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({
      site,
      revisions: [...revisions.values()].sort((a, b) => b.revision - a.revision),
    } satisfies SiteRevisionsAnswer);
  });
  app.use('/v1/admin/tokens', bearerAuth({ store: ctx.store, clock: ctx.clock, roles: WRITERS }));
  app.use('/v1/admin/tokens/*', bearerAuth({ store: ctx.store, clock: ctx.clock, roles: WRITERS }));

  app.put('/v1/admin/sites/:site', bodyLimit({ maxBytes: MAX_CONFIG_BYTES }), async (c) => {
    const site = c.req.param('site');
    const body = await jsonBody(c);
    if (typeof body === 'object' && body !== null && (body as { site?: unknown }).site !== site) {
      throw new ApiError(400, 'malformed', `the config's site must be "${site}", the site of the URL`);
    }
    const existed = (await ctx.store.getSite(site)) !== null;
    const published = await publishSite(ctx.store, ctx.key, body, now());
    if (!published.ok) {
      const { error } = published;
      if (error.code === 'revision-conflict') {
        const { published: current, lowest, changed } = error.check;
        throw new ApiError(409, 'revision-conflict', error.message, { published: current, lowest, changed });
      }
      throw new ApiError(400, 'invalid-config', error.message, { issues: error.issues ?? [] });
    }
    ctx.sites.invalidate(site);
    const { site: record, appended } = published.value;
    return c.json(
      {
        site: record,
        appended: appended.map(({ index, textHash, revision, language }) => ({ index, textHash, revision, language })),
      } satisfies PublishAnswer,
      existed ? 200 : 201,
    );
  });

  app.get('/v1/admin/sites/:site', async (c) => {
    const record = await ctx.store.getSite(c.req.param('site'));
    if (!record) throw new ApiError(404, 'unknown-site', `unknown site "${c.req.param('site')}"`);
    c.header('Cache-Control', 'no-store');
    return c.json({ site: record } satisfies SiteAnswer);
  });

  app.delete('/v1/admin/sites/:site', async (c) => {
    const site = c.req.param('site');
    const at = now();
    if (!(await ctx.store.deleteSite(site, at))) throw new ApiError(404, 'unknown-site', `no live site "${site}"`);
    ctx.sites.invalidate(site);
    return c.json({ site, deletedAt: at } satisfies SiteDeletedAnswer);
  });

  app.post('/v1/admin/tokens', bodyLimit({ maxBytes: 16 * 1024 }), async (c) => {
    const admin = c.get('token')!;
    const { role, sites, expiresAt } = parseRequest(
      TokenRequestSchema,
      await jsonBody(c),
      `{ "role": "auditor" | "admin", "sites": [1 to 100 site ids, or "${ALL_SITES}" for all], "expiresAt"?: timestamp }`,
    );
    const outside = sites.find((s) => (s === ALL_SITES ? !admin.sites.includes(ALL_SITES) : !tokenCovers(admin, s)));
    if (outside !== undefined) throw new ApiError(403, 'forbidden', `this token does not cover site "${outside}"`);
    const expiry = expiresAt === undefined ? admin.expiresAt : new Date(expiresAt).toISOString();
    if (expiry !== null && Date.parse(expiry) <= ctx.clock())
      throw new ApiError(400, 'malformed', `expiresAt ${expiresAt} is not in the future`);
    // A token never outlives the admin token that issued it (by default it expires with it).
    if (admin.expiresAt !== null && Date.parse(expiry!) > Date.parse(admin.expiresAt))
      throw new ApiError(
        403,
        'forbidden',
        `this token expires at ${admin.expiresAt}: it cannot issue one that lives longer`,
      );
    const issued = await issueToken(ctx.store, { role, sites, expiresAt: expiry }, now());
    c.header('Cache-Control', 'no-store');
    return c.json({ ...publicToken(issued.record), token: issued.token } satisfies TokenIssued, 201);
  });

  app.get('/v1/admin/tokens', async (c) => {
    const admin = c.get('token')!;
    const tokens = (await ctx.store.listTokens()).filter((t) => within(admin, t));
    c.header('Cache-Control', 'no-store');
    return c.json({ tokens: tokens.map(publicToken) } satisfies TokenListAnswer);
  });

  app.delete('/v1/admin/tokens/:id', async (c) => {
    const admin = c.get('token')!;
    const id = c.req.param('id');
    // A token outside the admin's sites is answered like an unknown one: its existence is not the admin's business.
    const token = (await ctx.store.listTokens()).find((t) => t.id === id);
    if (!token || !within(admin, token) || !(await ctx.store.revokeToken(id, now())))
      throw new ApiError(404, 'not-found', `no live token ${id}`);
    return c.json({ id, revoked: true } satisfies TokenRevokedAnswer);
  });
  return app;
}
