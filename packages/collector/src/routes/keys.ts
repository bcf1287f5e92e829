// GET /v1/keys: the JWKS auditors use to check acks, notices and checkpoints.
import type { Jwks } from '@consent-ledger/protocol';
import { Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { collectorJwks } from '../keys';
import { publicCors } from '../middleware/cors';

/** The keys route. */
export function keysRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const jwks = collectorJwks(ctx.key, ctx.retiredKeys);
  app.use('/v1/keys', publicCors());
  app.get('/v1/keys', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(jwks satisfies Jwks);
  });
  return app;
}
