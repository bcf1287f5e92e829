// The SDK runtime against the real collector: config, receipts, acks, re-chaining, proofs.
import {
  base64urlDecode,
  type Jwks,
  parseCheckpoint,
  verifyAck,
  verifyCheckpoint,
  verifyInclusion,
  verifyProofDocument,
  verifyReceipt,
} from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { forgetReceipts, freshPage, liveCollector, payloadOf, settled, startRuntime } from './harness';

const NOTICES = 3; // clickcare publishes nl, fr and en notices before any receipt

async function treeSize(live: Awaited<ReturnType<typeof liveCollector>>): Promise<number> {
  await live.integrate();
  const res = await live.collector.app.request('/v1/sites/clickcare/log/checkpoint');
  const parsed = parseCheckpoint(await res.text());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.size;
}

describe('SDK runtime with the real collector', () => {
  it('first visit: config from the collector, a decision acknowledged with a verified ack', async () => {
    freshPage();
    const live = await liveCollector();
    const rt = startRuntime('clickcare');
    await rt.ready;
    expect(rt.get()).toMatchObject({ status: 'needs-decision', reason: 'first-visit' });
    expect(rt.get().document).toMatchObject({
      language: 'fr',
      config: { site: 'clickcare', revision: live.config.revision },
    });
    await rt.decide({ analytics: 'granted' }, 'save');
    const [item] = await settled(rt);
    expect(item.error).toBeNull();
    expect(item.status).toBe('acknowledged');
    const receipt = await verifyReceipt(item.jws);
    expect(receipt.ok).toBe(true);
    const keys = (await (await live.collector.app.request('/v1/keys')).json()) as Jwks;
    const ack = await verifyAck(item.ack!.jws, keys);
    expect(ack.ok && ack.value).toMatchObject({
      id: item.id,
      site: 'clickcare',
      index: NOTICES,
      leafHash: receipt.ok && receipt.value.leafHash,
      ip: '203.0.113.0',
    });
    expect(live.requests.filter((r) => r.path === '/v1/receipts').map((r) => r.status)).toEqual([201]);
  });

  it('returning visitor: decision applied from IndexedDB, config revalidated with a 304', async () => {
    freshPage();
    const live = await liveCollector();
    const first = startRuntime('clickcare');
    await first.ready;
    await first.acceptAll();
    await settled(first);
    first.destroy();
    live.requests.length = 0;
    const rt = startRuntime('clickcare');
    await rt.ready;
    expect(rt.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } });
    await expect.poll(() => live.requests.find((r) => r.path.endsWith('/config'))?.status).toBe(304);
  });

  it('collector down, then back: each receipt delivered once, in chain order', async () => {
    freshPage();
    const live = await liveCollector();
    const rt = startRuntime('clickcare');
    await rt.ready;
    live.down = true;
    await rt.acceptAll();
    await rt.withdraw('marketing');
    await rt.rejectAll();
    expect((await rt.history()).every((i) => i.status === 'pending')).toBe(true);
    live.down = false;
    live.loseNextAnswer = true; // first attempt is committed but its answer lost
    dispatchEvent(new Event('online'));
    await expect
      .poll(() => live.requests.some((r) => r.method === 'POST' && r.status === null && !live.loseNextAnswer))
      .toBe(true);
    dispatchEvent(new Event('online'));
    const items = await settled(rt);
    expect(items.map((i) => i.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(items.map((i) => i.ack!.payload.index)).toEqual([NOTICES, NOTICES + 1, NOTICES + 2]);
    expect(await treeSize(live)).toBe(NOTICES + 3);
    // Answered posts: the one whose answer was lost got no status; its retry was all replays (200).
    expect(live.requests.filter((r) => r.path === '/v1/receipts' && r.status !== null).map((r) => r.status)).toEqual([
      200,
    ]);
    for (const [i, item] of items.entries())
      expect(payloadOf(item.jws).prev).toBe(i ? items[i - 1].ack!.payload.leafHash : null);
  });

  it('a receipt the collector refuses for good is kept with its error and does not block the next', async () => {
    freshPage();
    const live = await liveCollector();
    const stale = startRuntime('clickcare');
    await stale.ready;
    // A page inlining a config revision the collector never published: 422 unknown-revision.
    const doc = stale.get().document!;
    stale.destroy();
    const bad = startRuntime('clickcare', {
      config: { ...doc, config: { ...doc.config, revision: doc.config.revision + 1 } },
    });
    await bad.ready;
    await bad.rejectAll();
    const [refused] = await settled(bad);
    expect(refused).toMatchObject({ status: 'refused', error: { code: 'unknown-revision' } });
    bad.destroy();

    const rt = startRuntime('clickcare');
    await rt.ready;
    await rt.acceptAll();
    const items = await settled(rt);
    expect(items.map((i) => [i.method, i.status])).toEqual([
      ['reject-all', 'refused'],
      ['accept-all', 'acknowledged'],
    ]);
    expect(payloadOf(items[1].jws).prev).toBeNull();
    expect(await treeSize(live)).toBe(NOTICES + 1);
  });

  it('409 prev-mismatch from the collector: the pending receipt is re-chained after the log head', async () => {
    freshPage();
    const live = await liveCollector();
    const first = startRuntime('clickcare');
    await first.ready;
    await first.acceptAll();
    const [accepted] = await settled(first);
    first.destroy();
    // The device lost its receipts (storage partly cleared) but kept its key: its next prev is null.
    await forgetReceipts('clickcare');
    const rt = startRuntime('clickcare');
    await rt.ready;
    await rt.rejectAll();
    const [again] = await settled(rt);
    expect(again.status).toBe('acknowledged');
    expect(payloadOf(again.jws).prev).toBe(accepted.ack!.payload.leafHash);
    expect(live.requests.filter((r) => r.path === '/v1/receipts').map((r) => r.status)).toEqual([201, 409, 201]);
  });

  it('two runtimes (two tabs) deciding at once keep one chain in the log', async () => {
    freshPage();
    const live = await liveCollector();
    const a = startRuntime('clickcare');
    const b = startRuntime('clickcare');
    await Promise.all([a.ready, b.ready]);
    await Promise.all([
      a.acceptAll(),
      b.rejectAll(),
      a.withdraw('analytics'),
      b.decide({ marketing: 'granted' }, 'save'),
    ]);
    const items = await settled(b);
    expect(items.every((i) => i.status === 'acknowledged')).toBe(true);
    for (const [i, item] of items.entries())
      expect(payloadOf(item.jws).prev).toBe(i ? items[i - 1].ack!.payload.leafHash : null);
    expect(
      live.requests.filter((r) => r.path === '/v1/receipts').every((r) => r.status === 201 || r.status === 200),
    ).toBe(true);
    expect(await treeSize(live)).toBe(NOTICES + 4);
  });

  it('exportProof carries inclusion proofs that verify against the signed checkpoint', async () => {
    freshPage();
    const live = await liveCollector();
    const rt = startRuntime('clickcare');
    await rt.ready;
    await rt.acceptAll();
    await rt.withdraw('analytics');
    await settled(rt);
    await live.integrate();
    const proof = await rt.exportProof();
    expect(proof).toMatchObject({ v: 2, site: 'clickcare', subject: rt.get().subject });
    expect(await verifyProofDocument(proof, { keys: proof.keys })).toMatchObject({
      ok: true,
      signed: true,
      included: 2,
    });
    expect(proof.receipts).toHaveLength(2);
    const jwk = proof.keys.keys[0];
    const noteKey = { name: jwk.name!, publicKey: base64urlDecode(jwk.x) };
    for (const r of proof.receipts) {
      const bundle = r.proof!;
      const checkpoint = await verifyCheckpoint(bundle.checkpoint, [noteKey]);
      expect(checkpoint.ok).toBe(true);
      if (!checkpoint.ok) continue;
      const ok = verifyInclusion(
        base64urlDecode(bundle.leafHash),
        bundle.index,
        bundle.treeSize,
        bundle.hashes.map(base64urlDecode),
        checkpoint.value.rootHash,
      );
      expect(ok).toBe(true);
      expect((await verifyAck(r.ack!, proof.keys)).ok).toBe(true);
    }
  });
});
