// A site log's public routes: the latest checkpoint, inclusion proofs by entry id, consistency
// proofs between two tree sizes, how far each witness has cosigned. Proofs read O(log n) stored nodes.

import {
  base64urlEncode,
  type ConsistencyProofBundle,
  consistencyProof,
  type InclusionProofBundle,
  inclusionProof,
  type NodeReader,
  type Pending,
  sha256b64u,
} from '@consent-ledger/protocol';
import { Hono } from 'hono';
import { notModified } from '../conditional';
import type { CollectorContext } from '../context';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { publicCors } from '../middleware/cors';
import type { CheckpointRecord } from '../store/types';
import { witnessStatus } from '../witness-status';

/** The log routes. */
export function logRoutes(ctx: CollectorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const reader =
    (site: string): NodeReader =>
    (level, index) =>
      ctx.store.readNode(site, level, index);

  async function latest(site: string): Promise<CheckpointRecord> {
    const checkpoint = await ctx.store.latestCheckpoint(site);
    if (checkpoint) return checkpoint;
    if (!(await ctx.store.getSite(site))) throw new ApiError(404, 'unknown-site', `unknown site "${site}"`);
    throw new ApiError(404, 'no-checkpoint', `the log of "${site}" has no checkpoint yet`);
  }

  function size(text: string | undefined, name: string): number {
    const n = text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n)) throw new ApiError(400, 'malformed', `${name} must be a tree size`);
    return n;
  }

  app.use('/v1/sites/:site/log/*', publicCors());
  app.get('/v1/sites/:site/log/checkpoint', async (c) => {
    const checkpoint = await latest(c.req.param('site'));
    // The note is the whole answer, so its hash is a strong tag; Last-Modified says when it was signed.
    const validators = { etag: `"${sha256b64u(checkpoint.note)}"`, lastModified: Date.parse(checkpoint.createdAt) };
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', validators.etag);
    c.header('Last-Modified', new Date(validators.lastModified).toUTCString());
    if (notModified((name) => c.req.header(name), validators)) return c.body(null, 304);
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(checkpoint.note);
  });
  app.get('/v1/sites/:site/log/proof/:id', async (c) => {
    const site = c.req.param('site');
    const id = c.req.param('id');
    const entry = await ctx.store.getEntry(site, id);
    if (!entry) throw new ApiError(404, 'unknown-entry', `no entry ${id} in the log of "${site}"`);
    const checkpoint = await ctx.store.latestCheckpoint(site);
    c.header('Cache-Control', 'no-cache');
    if (!checkpoint || entry.index >= checkpoint.size) return c.json({ status: 'pending' } satisfies Pending, 202);
    const hashes = await inclusionProof(entry.index, checkpoint.size, reader(site));
    const bundle: InclusionProofBundle = {
      site,
      id,
      index: entry.index,
      leafHash: entry.leafHash,
      treeSize: checkpoint.size,
      hashes: hashes.map(base64urlEncode),
      checkpoint: checkpoint.note,
    };
    return c.json(bundle);
  });
  app.get('/v1/sites/:site/log/consistency', async (c) => {
    const site = c.req.param('site');
    const checkpoint = await latest(site);
    const from = size(c.req.query('from'), 'from');
    const to = c.req.query('to') === undefined ? checkpoint.size : size(c.req.query('to'), 'to');
    if (!(from > 0 && from <= to && to <= checkpoint.size)) {
      throw new ApiError(400, 'malformed', `need 0 < from <= to <= ${checkpoint.size} (the latest checkpoint's size)`);
    }
    const hashes = await consistencyProof(from, to, reader(site));
    const bundle: ConsistencyProofBundle = { site, from, to, hashes: hashes.map(base64urlEncode) };
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.json(bundle);
  });
  app.get('/v1/sites/:site/log/witnesses', async (c) => {
    const checkpoint = await latest(c.req.param('site'));
    const witnesses = ctx.witnesses
      ? { endpoints: ctx.witnesses.cosigner.witnesses, quorum: ctx.witnesses.quorum }
      : { endpoints: [], quorum: 0 };
    c.header('Cache-Control', 'no-cache');
    return c.json(await witnessStatus(ctx.store, witnesses, checkpoint));
  });
  return app;
}
