// Operations routes: Prometheus metrics (and the ingest timing they report), served apart from the
// API, and the OpenAPI description of the whole API.
import { Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { openApiDocument } from '../openapi';

/** Times and counts `POST /v1/receipts`; mounted before the ingest route. */
export function ingestMetricsRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/receipts', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const started = performance.now();
    await next();
    ctx.metrics.observeIngest((performance.now() - started) / 1000);
    if (c.res.status >= 400) {
      const body = (await c.res
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: unknown } } | null;
      ctx.metrics.receiptsRefused(typeof body?.error?.code === 'string' ? body.error.code : String(c.res.status));
    }
  });
  return app;
}

/**
 * GET /metrics, on an app of its own (`Collector.metricsApp`): it names every site and its volumes,
 * so it is served on a separate, private listen address (`serve --metrics-listen`), never beside the public API.
 */
export function metricsRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/metrics', async (c) => {
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(await ctx.metrics.render(ctx.store, ctx.clock(), ctx.witnesses));
  });
  return app;
}

/** GET /openapi.json. */
export function opsRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(openApiDocument(ctx.publicUrl ?? ctx.key.name));
  });
  return app;
}
