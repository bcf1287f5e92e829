// GET /v1/sites/:site/config: the config with its notice resolved for the negotiated language and
// the notice's textHash. Answered with a strong ETag and `no-cache`, so a returning visitor's
// background revalidation costs a 304.

import { Hono } from 'hono';
import { notModified } from '../conditional';
import { configAnswer } from '../config-answer';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { siteCors } from '../middleware/cors';

/** The config route. */
export function configRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    '/v1/sites/:site/config',
    siteCors({
      allowed: async (origin, site) =>
        site !== undefined && ((await ctx.sites.site(site))?.config.origins.includes(origin) ?? false),
      allowMethods: ['GET', 'HEAD'],
      allowHeaders: ['If-None-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 86400,
    }),
  );
  app.get('/v1/sites/:site/config', async (c) => {
    const site = c.req.param('site');
    const answer = await configAnswer(ctx, site, c.req.query('lang'), c.req.header('accept-language'));
    if (!answer) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    c.header('ETag', answer.etag);
    c.header('Cache-Control', 'public, no-cache');
    c.header('Vary', 'Accept-Language', { append: true });
    if (notModified((name) => c.req.header(name), { etag: answer.etag })) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(answer.body);
  });
  return app;
}
