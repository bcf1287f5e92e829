// GET /v1/sites/:site/config: the config with its notice resolved for the negotiated language and
// the notice's textHash. Answered with a strong ETag and `no-cache`, so a returning visitor's
// background revalidation costs a 304.

import { type ConfigAnswer, negotiateLanguage, noticeHash, resolveNotice, sha256b64u } from '@consent-ledger/protocol';
import { Hono } from 'hono';
import { notModified } from '../conditional';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { siteCors } from '../middleware/cors';

/** Language tags of an Accept-Language header, most preferred first (q=0 dropped). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((l) => l.tag);
}

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
    const view = await ctx.sites.site(site);
    if (!view) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    const lang = c.req.query('lang');
    const language = negotiateLanguage(view.config, [
      ...(lang ? [lang] : []),
      ...acceptedLanguages(c.req.header('accept-language')),
    ]);
    let answer = view.answers.get(language);
    if (!answer) {
      const notice = resolveNotice(view.config, language);
      const body = JSON.stringify({
        config: view.config,
        language,
        notice,
        textHash: noticeHash(notice),
      } satisfies ConfigAnswer);
      answer = { body, etag: `"${sha256b64u(body)}"` };
      view.answers.set(language, answer);
    }
    c.header('ETag', answer.etag);
    c.header('Cache-Control', 'public, no-cache');
    c.header('Vary', 'Accept-Language', { append: true });
    if (notModified((name) => c.req.header(name), { etag: answer.etag })) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(answer.body);
  });
  return app;
}
