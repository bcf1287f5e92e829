// GET /healthz: the process is up and its store answers.
import type { HealthAnswer } from '@consent-ledger/protocol';
import { Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';

/** The health route. */
export function healthRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    await ctx.store.listLogs();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' } satisfies HealthAnswer);
  });
  return app;
}
