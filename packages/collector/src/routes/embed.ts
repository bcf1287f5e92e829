// The SDK's scripts, from its build output (`createCollector({ embed })`), compressed: the stable
// `/consent.js` sites embed (cached five minutes, `Link` to its versioned name), its versioned and
// every content-addressed file (a lazily loaded chunk) cached for good, and each site's own script,
// `GET /v1/sites/:site/consent.js`: the bundle given the site's config answer, so the page needs no
// config request before its banner.
import { type Context, Hono, type Next } from 'hono';
import type { Encoded } from '../compression';
import { encodeAll, sendEncoded } from '../compression';
import { configAnswer } from '../config-answer';
import type { CollectorContext } from '../context';
import { EMBED_TYPES, versionedName } from '../embed-files';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

/** The bundle a per-site script wraps. */
export const BUNDLE = 'consent.js';
/** Appended to a per-site script asked with `?autoblock`: automatic blocking, run right after the runtime. */
export const AUTOBLOCK = 'autoblock.js';
/** Most per-site scripts kept built and compressed (site x language x config and bundle versions). */
const MAX_SITE_SCRIPTS = 256;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A stable name: a new release reaches visitors within minutes. */
const SHORT = 'public, max-age=300';
/** Stale copies run at once while the browser fetches the next; the SDK revalidates the config itself. */
const SITE_SCRIPT = 'public, max-age=300, stale-while-revalidate=86400';

/** The script routes; without `ctx.embed` they answer 404 (the per-site script) or pass on (files). */
export function embedRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const built = new Map<string, Promise<Encoded>>();

  /** A per-site script compressed once per bundle version and config answer; the oldest dropped beyond the bound. */
  function siteScript(etag: string, make: () => Uint8Array): Promise<Encoded> {
    let script = built.get(etag);
    if (!script) {
      if (built.size >= MAX_SITE_SCRIPTS) built.delete(built.keys().next().value!);
      script = encodeAll(make());
      built.set(etag, script);
      script.catch(() => built.delete(etag));
    }
    return script;
  }

  app.get('/v1/sites/:site/consent.js', async (c) => {
    const site = c.req.param('site');
    const answer = await configAnswer(ctx, site, c.req.query('lang'), c.req.header('accept-language'));
    if (!answer) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    const bundle = ctx.embed?.get(BUNDLE);
    if (!bundle) throw new ApiError(404, 'not-found', `${BUNDLE} is not built, or this collector serves no SDK`);
    const wantsAutoblock = c.req.query('autoblock') !== undefined;
    const autoblock = wantsAutoblock ? ctx.embed!.get(AUTOBLOCK) : null;
    if (wantsAutoblock && !autoblock) throw new ApiError(404, 'not-found', `${AUTOBLOCK} is not built`);
    // Every part names the script: a new bundle or a changed config is a new ETag.
    const etag = `"${bundle.version}${autoblock ? `+${autoblock.version}` : ''}.${answer.etag.slice(1, -1)}"`;
    const encoded = await siteScript(etag, () => {
      // The bundle opens with its "use strict" directive, which stays one as the function body's first statement.
      const given = `${JSON.stringify({ site, etag: answer.etag }).slice(0, -1)},"document":${answer.body}}`;
      const parts = [Buffer.from('(function(__consentLedger){'), bundle.body, Buffer.from(`\n})(${given});\n`)];
      return Buffer.concat(autoblock ? [...parts, autoblock.body] : parts);
    });
    c.header('Access-Control-Allow-Origin', '*');
    return sendEncoded(c, encoded, {
      etag,
      contentType: bundle.contentType,
      cacheControl: SITE_SCRIPT,
      vary: ['Accept-Language'],
    });
  });

  // Any other name is left to the routes after these (a server's own files).
  app.get('/:file{[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)?\\.(?:js|mjs|css)}', async (c: Context<AppEnv>, next: Next) => {
    const name = c.req.param('file')!;
    const named = ctx.embed?.get(name) ?? null;
    const file = named ?? ctx.embed?.versioned(name) ?? null;
    if (!file) return next();
    c.header('Access-Control-Allow-Origin', '*');
    const stable = file === named && !file.immutable;
    if (stable) c.header('Link', `</${versionedName(name, file.version)}>; rel="alternate"`);
    return sendEncoded(c, await file.encoded(), {
      etag: `"${file.version}"`,
      contentType: EMBED_TYPES[name.slice(name.lastIndexOf('.'))],
      cacheControl: stable ? SHORT : IMMUTABLE,
    });
  });
  return app;
}
