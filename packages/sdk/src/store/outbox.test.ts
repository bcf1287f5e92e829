import { verifyProofDocument } from '@consent-ledger/protocol';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { freshPage, payloadOf, settled } from '../../test/page';
import { keyOf } from './idb';
import { nextBatch } from './outbox';
import type { ReceiptRecord } from './receipts';

const chainOk = (jwss: string[], leafs: string[]) =>
  jwss.every((jws, i) => payloadOf(jws).prev === (i ? leafs[i - 1] : null));

describe('outbox', () => {
  it('sends at most 100 receipts and about 48 KB in one batch, but always at least one', () => {
    const records = (count: number, size: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `r${i}`, jws: 'x'.repeat(size) }) as ReceiptRecord);
    expect(nextBatch(records(150, 100))).toHaveLength(100);
    expect(nextBatch(records(150, 100)).map((r) => r.id)).toEqual(records(100, 1).map((r) => r.id));
    expect(nextBatch(records(150, 1000))).toHaveLength(47);
    expect(nextBatch(records(3, 60_000))).toHaveLength(1);
    expect(nextBatch([])).toEqual([]);
  });

  it('collector down, then back: every receipt is delivered once, in order', async () => {
    const { start, collector } = await freshPage();
    collector.down = true;
    const rt = start({ reloadOnWithdraw: false, config: collector.doc });
    await rt.ready;
    await rt.acceptAll();
    await rt.withdraw('marketing');
    await new Promise((r) => setTimeout(r, 20));
    expect((await rt.history()).map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(collector.logged).toEqual([]);

    collector.down = false;
    const acks: string[] = [];
    rt.on('ack', (item) => acks.push(item.id));
    dispatchEvent(new Event('online'));
    const items = await settled(rt);
    expect(items.map((i) => i.status)).toEqual(['acknowledged', 'acknowledged']);
    expect(collector.logged).toEqual(items.map((i) => i.id));
    expect(acks).toEqual(items.map((i) => i.id));
    expect(items.map((i) => i.ack!.payload.index)).toEqual([0, 1]);

    // Further flushes send nothing more.
    const posts = collector.posted.length;
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 20));
    expect(collector.posted.length).toBe(posts);
  });

  it('a receipt left pending is sent on the next page load', async () => {
    const { start, collector } = await freshPage();
    collector.down = true;
    const first = start({ config: collector.doc });
    await first.ready;
    await first.rejectAll();
    first.destroy();
    collector.down = false;
    const rt = start();
    await rt.ready;
    const [item] = await settled(rt);
    expect(item).toMatchObject({ method: 'reject-all', status: 'acknowledged' });
    expect(collector.logged).toEqual([item.id]);
  });

  it('an answer lost after the commit: the retry gets the same ack, nothing is logged twice', async () => {
    const { start, collector } = await freshPage();
    collector.loseNextAnswer = true;
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    await vi.waitFor(() => expect(collector.logged).toHaveLength(1));
    expect((await rt.history())[0].status).toBe('pending');
    dispatchEvent(new Event('online'));
    const [item] = await settled(rt);
    expect(item.status).toBe('acknowledged');
    expect(collector.logged).toEqual([item.id]);
    expect(collector.posted.filter((p) => p.id === item.id)).toHaveLength(2);
  });

  it('a receipt refused for good keeps its error and does not block the next one', async () => {
    const { start, collector } = await freshPage();
    collector.down = true;
    collector.refuse = (p) => (p.method === 'reject-all' ? { status: 422, code: 'unknown-revision' } : null);
    const rt = start({ reloadOnWithdraw: false, config: collector.doc });
    await rt.ready;
    await rt.rejectAll();
    await rt.acceptAll();
    await rt.withdraw('analytics');
    collector.down = false;
    dispatchEvent(new Event('online'));
    const items = await settled(rt);
    expect(items.map((i) => [i.method, i.status])).toEqual([
      ['reject-all', 'refused'],
      ['accept-all', 'acknowledged'],
      ['withdraw', 'acknowledged'],
    ]);
    expect(items[0].error).toEqual({ code: 'unknown-revision', message: 'refused' });
    // Re-chained past the refused receipt: the log's chain starts at accept-all.
    expect(payloadOf(items[1].jws).prev).toBeNull();
    expect(payloadOf(items[2].jws).prev).toBe(items[1].ack!.payload.leafHash);
    expect(collector.logged).toEqual([items[1].id, items[2].id]);
  });

  it('409 prev-mismatch: re-signs the pending receipts after the log head, ids kept', async () => {
    const { start, collector } = await freshPage();
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    const [first] = await settled(rt);
    rt.destroy();
    // The device lost its receipts (storage partly cleared) but not its key: its next prev is null.
    await set(keyOf.receipts('clickcare'), [], createStore('consent-ledger', 'kv'));
    const again = start();
    await again.ready;
    await again.rejectAll();
    const [second] = await settled(again);
    expect(second.status).toBe('acknowledged');
    expect(payloadOf(second.jws).prev).toBe(first.ack!.payload.leafHash);
    expect(collector.logged).toEqual([first.id, second.id]);
    expect(collector.posted.filter((p) => p.id === second.id).map((p) => p.prev)).toEqual([
      null,
      first.ack!.payload.leafHash,
    ]);
  });

  it('two runtimes (two tabs) deciding at once keep one chain', async () => {
    const { start, collector } = await freshPage();
    const a = start({ reloadOnWithdraw: false });
    const b = start({ reloadOnWithdraw: false });
    await Promise.all([a.ready, b.ready]);
    await Promise.all([
      a.acceptAll(),
      b.rejectAll(),
      a.decide({ analytics: 'granted' }, 'save'),
      b.withdraw('marketing'),
      a.rejectAll(),
      b.acceptAll(),
    ]);
    const items = await settled(a);
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.status === 'acknowledged')).toBe(true);
    expect(
      chainOk(
        items.map((i) => i.jws),
        items.map((i) => i.ack!.payload.leafHash),
      ),
    ).toBe(true);
    expect(new Set(items.map((i) => payloadOf(i.jws).subject)).size).toBe(1);
    expect(collector.logged).toEqual(items.map((i) => i.id));
    // No fork: the collector never had to refuse a prev.
    expect(new Set(collector.posted.map((p) => p.id)).size).toBe(collector.posted.length);
  });

  it('exports a proof document with receipts, acks, proofs and the collector keys', async () => {
    const { start } = await freshPage();
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    const [item] = await settled(rt);
    const proof = await rt.exportProof();
    expect(proof).toMatchObject({
      v: 2,
      site: 'clickcare',
      subject: rt.get().subject,
      collector: 'https://consent.example.org',
      signature: expect.any(String),
    });
    // Signed by the device as a whole, as it will be saved: any change to the file shows.
    const saved = JSON.parse(JSON.stringify(proof, null, 2));
    expect(await verifyProofDocument(saved, { keys: proof.keys })).toMatchObject({ ok: true, signed: true });
    saved.exportedAt = '2020-01-01T00:00:00.000Z';
    expect(await verifyProofDocument(saved, { keys: proof.keys })).toMatchObject({ ok: false, signed: false });
    expect(proof.keys.keys).toHaveLength(1);
    // The double answers 202 pending for proofs: no proof yet, the ack is there.
    expect(proof.receipts).toEqual([{ jws: item.jws, ack: item.ack!.jws, proof: null }]);
  });
});
