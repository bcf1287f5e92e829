// A visitor's own routes, authorised by a DPoP proof made with their device key: read every
// receipt of theirs (with acks and proofs), or have them all erased (redacted, hashes kept).
import type { ErasureAnswer, VisitorReceipt, VisitorReceiptsAnswer } from '@consent-ledger/protocol';
import { Hono } from 'hono';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { proofOf } from '../history';
import { rateKey } from '../ip';
import { siteCors } from '../middleware/cors';
import { dpopAuth } from '../middleware/dpop';
import { rateLimit } from '../middleware/rate-limit';
import { eraseSubject } from '../retention';
import { TokenBuckets } from '../token-bucket';

/** The visitor's routes. */
export function subjectsRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cors = siteCors({
    allowed: (origin) => ctx.sites.anyListsOrigin(origin),
    allowMethods: ['GET', 'DELETE'],
    allowHeaders: ['DPoP'],
    maxAge: 86400,
  });
  const dpop = dpopAuth({
    clock: ctx.clock,
    publicUrls: ctx.publicUrls,
    maxBytes: ctx.limits.dpopCacheBytes,
  });
  app.use('/v1/subjects/:subject', cors);
  app.use('/v1/subjects/:subject/receipts', cors);
  // Charged before the proof is verified: a flood costs no signature check, and cannot fill the replay cache alone.
  if (ctx.limits.subjectRequestsPerMinute > 0) {
    const limited = rateLimit({
      buckets: new TokenBuckets({
        perMinute: ctx.limits.subjectRequestsPerMinute,
        clock: ctx.clock,
        maxBytes: ctx.limits.rateLimitBytes,
      }),
      key: (c) => rateKey(ctx.clientIp(c)),
      unit: 'requests',
    });
    app.get('/v1/subjects/:subject/receipts', limited);
    app.delete('/v1/subjects/:subject', limited);
  }

  app.get('/v1/subjects/:subject/receipts', dpop, async (c) => {
    const subject = c.get('subject')!;
    const sites: VisitorReceiptsAnswer['sites'] = [];
    for (const site of await ctx.store.listSites({ includeDeleted: true })) {
      const entries = (await ctx.store.audit.subjectEntries(site.site, subject)).filter((e) => e.kind === 'receipt');
      if (entries.length === 0) continue;
      const checkpoint = await ctx.store.latestCheckpoint(site.site);
      const receipts = await Promise.all(
        entries.map(
          async (e): Promise<VisitorReceipt> => ({
            index: e.index,
            id: e.id,
            receivedAt: e.receivedAt,
            jws: e.jws,
            ack: e.ack,
            redacted: e.redacted,
            proof: await proofOf(ctx.store, e, checkpoint),
          }),
        ),
      );
      sites.push({ site: site.site, receipts });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ subject, sites } satisfies VisitorReceiptsAnswer);
  });

  app.delete('/v1/subjects/:subject', dpop, async (c) => {
    const subject = c.get('subject')!;
    const at = new Date(ctx.clock()).toISOString();
    // The proof dpopAuth verified is kept in the redaction entry: the visitor's own signed request.
    const erased = await eraseSubject(ctx.store, ctx.key, { subject, dpop: c.req.header('DPoP')! }, at);
    return c.json({ subject, at, erased } satisfies ErasureAnswer);
  });
  return app;
}
