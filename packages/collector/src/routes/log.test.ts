import {
  base64urlDecode,
  base64urlEncode,
  type ConsistencyProofBundle,
  type InclusionProofBundle,
  type Jwks,
  leafHash,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, testCollector } from '../testing';

type Harness = Awaited<ReturnType<typeof testCollector>>;

describe('log routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await testCollector();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const get = (path: string) => h.collector.app.request(path);
  const noteKeys = () => [{ name: h.key.name, publicKey: h.key.publicKey }];

  async function accept(device: Device, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const receipt = await device.receipt();
      expect((await h.post([receipt.jws])).status).toBe(201);
      ids.push(receipt.payload.id);
    }
    return ids;
  }

  it('serves no checkpoint before the first integration, then a signed C2SP note', async () => {
    const none = await get('/v1/sites/clikodoc/log/checkpoint');
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('no-checkpoint');
    expect((await get('/v1/sites/nowhere/log/checkpoint')).status).toBe(404);
    await h.collector.context.integrator.runOnce();
    const res = await get('/v1/sites/clikodoc/log/checkpoint');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const note = await res.text();
    expect(note.startsWith(`${h.key.name}/sites/clikodoc\n2\n`)).toBe(true);
    const checkpoint = await verifyCheckpoint(note, noteKeys());
    expect(checkpoint.ok && checkpoint.value.size).toBe(2);
  });

  it('says which witnesses cosigned how far: none without serve --witness, 404 for an unknown site', async () => {
    expect((await get('/v1/sites/nowhere/log/witnesses')).status).toBe(404);
    await h.collector.context.integrator.runOnce();
    const res = await h.collector.app.request('/v1/sites/clikodoc/log/witnesses', {
      headers: { Origin: 'https://auditor.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ site: 'clikodoc', size: 2, quorum: 0, quorumReached: false, witnesses: [] });
  });

  it('dates the checkpoint with Last-Modified and tags it with an ETag: 304 while it is current', async () => {
    let now = Date.parse('2026-12-01T10:00:00.250Z');
    const timed = await testCollector({ clock: () => now });
    try {
      const read = (headers: Record<string, string> = {}) =>
        timed.collector.app.request('/v1/sites/clikodoc/log/checkpoint', { headers });
      await timed.collector.context.integrator.runOnce();
      const first = await read();
      expect(first.headers.get('last-modified')).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(first.headers.get('access-control-expose-headers')).toContain('ETag');
      const cached = await read({ 'If-None-Match': etag });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe('');
      expect(cached.headers.get('etag')).toBe(etag);
      expect((await read({ 'If-None-Match': `W/${etag}` })).status).toBe(304);
      expect((await read({ 'If-Modified-Since': 'Tue, 01 Dec 2026 10:00:00 GMT' })).status).toBe(304);
      expect((await read({ 'If-None-Match': '"something-else"' })).status).toBe(200);

      // A new checkpoint: another tag and date, and the old tag gets the new note.
      now = Date.parse('2026-12-01T10:05:30.000Z');
      const device = await Device.create(timed.config);
      expect((await timed.post([(await device.receipt()).jws])).status).toBe(201);
      await timed.collector.context.integrator.runOnce();
      const next = await read({ 'If-None-Match': etag });
      expect(next.status).toBe(200);
      expect(next.headers.get('etag')).not.toBe(etag);
      expect(next.headers.get('last-modified')).toBe('Tue, 01 Dec 2026 10:05:30 GMT');
      expect((await next.text()).split('\n')[1]).toBe('3');
      expect((await read({ 'If-Modified-Since': 'Tue, 01 Dec 2026 10:00:00 GMT' })).status).toBe(200);
    } finally {
      await timed.dispose();
    }
  });

  it('answers 202 pending before integration, then an inclusion proof that verifies against the checkpoint', async () => {
    const device = await Device.create(h.config);
    const [id] = await accept(device, 1);
    const pending = await get(`/v1/sites/clikodoc/log/proof/${id}`);
    expect(pending.status).toBe(202);
    expect(await pending.json()).toEqual({ status: 'pending' });
    await accept(device, 4);
    expect(await h.collector.context.integrator.runOnce()).toBe(7);
    const res = await get(`/v1/sites/clikodoc/log/proof/${id}`);
    expect(res.status).toBe(200);
    const proof = (await res.json()) as InclusionProofBundle;
    expect(proof).toMatchObject({ site: 'clikodoc', id, index: 2, treeSize: 7 });
    const entry = await h.store.getEntry('clikodoc', id);
    expect(proof.leafHash).toBe(base64urlEncode(leafHash(entry!.jws!)));
    const checkpoint = await verifyCheckpoint(proof.checkpoint, noteKeys());
    expect(checkpoint.ok).toBe(true);
    if (!checkpoint.ok) return;
    const hashes = proof.hashes.map(base64urlDecode);
    expect(
      verifyInclusion(base64urlDecode(proof.leafHash), proof.index, proof.treeSize, hashes, checkpoint.value.rootHash),
    ).toBe(true);
    expect(
      verifyInclusion(
        base64urlDecode(proof.leafHash),
        proof.index + 1,
        proof.treeSize,
        hashes,
        checkpoint.value.rootHash,
      ),
    ).toBe(false);
    // Notices are entries too, addressed by their textHash.
    const notice = (await h.store.listNotices('clikodoc'))[0];
    const noticeProof = await get(`/v1/sites/clikodoc/log/proof/${notice.textHash}`);
    expect(((await noticeProof.json()) as InclusionProofBundle).index).toBe(0);
  });

  it('answers 404 for an unknown entry', async () => {
    const res = await get('/v1/sites/clikodoc/log/proof/0193a000-0000-7000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown-entry');
  });

  it('proves consistency between two checkpoints', async () => {
    const device = await Device.create(h.config);
    await accept(device, 3);
    await h.collector.context.integrator.runOnce();
    const older = await (await get('/v1/sites/clikodoc/log/checkpoint')).text();
    await accept(device, 6);
    await h.collector.context.integrator.runOnce();
    const newer = await (await get('/v1/sites/clikodoc/log/checkpoint')).text();
    const a = await verifyCheckpoint(older, noteKeys());
    const b = await verifyCheckpoint(newer, noteKeys());
    if (!a.ok || !b.ok) throw new Error('checkpoints do not verify');
    expect([a.value.size, b.value.size]).toEqual([5, 11]);
    const res = await get(`/v1/sites/clikodoc/log/consistency?from=5&to=11`);
    expect(res.status).toBe(200);
    const proof = (await res.json()) as ConsistencyProofBundle;
    expect(proof).toMatchObject({ site: 'clikodoc', from: 5, to: 11 });
    const hashes = proof.hashes.map(base64urlDecode);
    expect(verifyConsistency(5, 11, hashes, a.value.rootHash, b.value.rootHash)).toBe(true);
    expect(verifyConsistency(5, 11, hashes, b.value.rootHash, a.value.rootHash)).toBe(false);
    const defaultTo = (await (await get('/v1/sites/clikodoc/log/consistency?from=5')).json()) as ConsistencyProofBundle;
    expect(defaultTo.to).toBe(11);
  });

  it('refuses consistency ranges outside 0 < from <= to <= size', async () => {
    await h.collector.context.integrator.runOnce();
    for (const query of [
      'from=0&to=2',
      'from=3&to=2',
      'from=1&to=3',
      'from=x',
      'to=2',
      'from=1.5&to=2',
      'from=-1&to=2',
    ]) {
      const res = await get(`/v1/sites/clikodoc/log/consistency?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('malformed');
    }
  });

  it('integrates in steps of at most maxStep entries, each with its checkpoint', async () => {
    const small = await testCollector();
    try {
      const { Integrator } = await import('../integrator');
      const integrator = new Integrator({
        store: small.store,
        key: small.key,
        clock: Date.now,
        intervalMs: 1000,
        maxStep: 3,
      });
      const device = await Device.create(small.config);
      for (let i = 0; i < 5; i++) expect((await small.post([(await device.receipt()).jws])).status).toBe(201);
      expect(await integrator.runOnce()).toBe(7);
      expect((await small.store.checkpointAt('clikodoc', 3)) !== null).toBe(true);
      expect((await small.store.checkpointAt('clikodoc', 6)) !== null).toBe(true);
      expect((await small.store.latestCheckpoint('clikodoc'))?.size).toBe(7);
      expect(await integrator.runOnce()).toBe(0);
    } finally {
      await small.dispose();
    }
  });
});

describe('GET /v1/keys', () => {
  it('lists the collector key with kid = thumbprint, name = note key name and its signed-note verifier key', async () => {
    const h = await testCollector();
    try {
      const res = await h.collector.app.request('/v1/keys');
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const jwks = (await res.json()) as Jwks;
      const vkey = jwks.keys[0].vkey;
      expect(jwks).toEqual({
        keys: [
          {
            kty: 'OKP',
            crv: 'Ed25519',
            x: h.key.jwk.x,
            kid: h.key.kid,
            name: 'collector.test',
            vkey: expect.stringMatching(/^collector\.test\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/),
            alg: 'EdDSA',
            use: 'sig',
          },
        ],
      });
      // The verifier key alone (what a C2SP tool or a witness is configured with) checks the log's checkpoints.
      const parsed = parseVerifierKey(vkey);
      expect(parsed.ok && base64urlEncode(parsed.value.publicKey)).toBe(h.key.jwk.x);
      await h.post([(await (await Device.create(h.config)).receipt()).jws]);
      await h.collector.context.integrator.runOnce();
      const note = await (await h.collector.app.request('/v1/sites/clikodoc/log/checkpoint')).text();
      expect(parsed.ok && (await verifyCheckpoint(note, [parsed.value])).ok).toBe(true);
    } finally {
      await h.dispose();
    }
  });
});
