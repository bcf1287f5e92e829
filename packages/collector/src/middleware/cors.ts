// CORS answered for the origins the sites list, and only those: a browser on any other origin
// gets no Access-Control-Allow-Origin (and the ingest route refuses it with 403 anyway).
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

export interface SiteCorsOptions {
  /** True when `origin` may call the route of this request (e.g. it is listed by the `:site` param's config, or by any site). */
  allowed: (origin: string, site: string | undefined) => Promise<boolean>;
  allowMethods: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  /** Preflight cache lifetime, seconds. */
  maxAge?: number;
  /**
   * Refuse a request of one of `allowMethods` (others still get their 405) from an origin that is not
   * allowed, or without one, with 403 `origin-not-allowed` before anything else reads it: the ingest
   * route, where a flood from elsewhere must cost no parsing and no signature verification.
   */
  refuseOthers?: boolean;
}

/**
 * CORS restricted to site origins. Its headers are set before the handler answers: Hono's cors
 * touches `c.res` first and adds `Vary` afterwards, and either makes Hono copy the answer into a
 * streamed Response that @hono/node-server must then read back (measured on the ingest route).
 */
export function siteCors(options: SiteCorsOptions): MiddlewareHandler<AppEnv> {
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = (options.allowHeaders ?? ['Content-Type']).join(',');
  const exposeHeaders = (options.exposeHeaders ?? []).join(',');
  const maxAge = String(options.maxAge ?? 600);
  return async (c, next) => {
    const origin = c.req.header('origin') ?? '';
    const allowOrigin = origin !== '' && (await options.allowed(origin, c.req.param('site'))) ? origin : null;
    if (allowOrigin) c.header('Access-Control-Allow-Origin', allowOrigin);
    if (exposeHeaders) c.header('Access-Control-Expose-Headers', exposeHeaders);
    c.header('Vary', 'Origin', { append: true });
    if (options.refuseOthers && !allowOrigin && options.allowMethods.includes(c.req.method))
      throw new ApiError(
        403,
        'origin-not-allowed',
        origin
          ? `no site lists origin ${origin}`
          : 'receipts are accepted from the pages of a site only (no Origin header)',
      );
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Max-Age', maxAge);
      c.header('Access-Control-Allow-Methods', allowMethods);
      c.header('Access-Control-Allow-Headers', allowHeaders);
      c.header('Vary', 'Access-Control-Request-Headers', { append: true });
      return c.body(null, 204);
    }
    await next();
    // A handler that built its own Response did not get the headers set above: add them (the slow copy, rare).
    const headers = c.res.headers;
    if (allowOrigin && headers.get('Access-Control-Allow-Origin') === null)
      c.header('Access-Control-Allow-Origin', allowOrigin);
    if (exposeHeaders && headers.get('Access-Control-Expose-Headers') === null)
      c.header('Access-Control-Expose-Headers', exposeHeaders);
    if (!/\borigin\b/i.test(headers.get('Vary') ?? '')) c.header('Vary', 'Origin', { append: true });
  };
}

/** CORS open to every origin, for public read-only routes (keys, checkpoints, proofs). */
export function publicCors(): MiddlewareHandler<AppEnv> {
  return cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'], maxAge: 86400 });
}
