// CORS answered for the origins the sites list, and only those: a browser on any other origin
// gets no Access-Control-Allow-Origin (and the ingest route refuses it with 403 anyway).
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';

export interface SiteCorsOptions {
  /** True when `origin` may call the route of this request (e.g. it is listed by the `:site` param's config, or by any site). */
  allowed: (origin: string, site: string | undefined) => Promise<boolean>;
  allowMethods: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  /** Preflight cache lifetime, seconds. */
  maxAge?: number;
}

/** CORS restricted to site origins. */
export function siteCors(options: SiteCorsOptions): MiddlewareHandler<AppEnv> {
  return cors({
    origin: async (origin, c) => ((await options.allowed(origin, c.req.param('site'))) ? origin : null),
    allowMethods: options.allowMethods,
    allowHeaders: options.allowHeaders ?? ['Content-Type'],
    exposeHeaders: options.exposeHeaders ?? [],
    maxAge: options.maxAge ?? 600,
  });
}

/** CORS open to every origin, for public read-only routes (keys, checkpoints, proofs). */
export function publicCors(): MiddlewareHandler<AppEnv> {
  return cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'], maxAge: 86400 });
}
