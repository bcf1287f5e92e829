import { base64urlEncode, consistencyProof, generateDeviceKey } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import type { SeenCheckpoint } from '../session';
import { testLog, testNotice } from '../test-log';
import { checkHealth } from './log-health';

/** A log of `n` entries and what a browser would have remembered of its checkpoint then. */
async function grownLog() {
  const log = await testLog();
  const notice = await log.appendNotice(testNotice(1), '2026-11-20T09:00:00.000Z');
  const device = { key: await generateDeviceKey(), prev: null as string | null };
  await log.appendReceipt(device, {
    method: 'accept-all',
    choices: { analytics: 'granted' },
    notice,
    receivedAt: '2026-11-20T10:00:00.000Z',
  });
  await log.appendReceipt(device, {
    method: 'withdraw',
    choices: { analytics: 'denied' },
    notice,
    receivedAt: '2026-11-20T11:00:00.000Z',
  });
  const note = await log.seal();
  const seen: SeenCheckpoint = {
    origin: 'collector.test/sites/demo-site',
    size: 3,
    rootHash: base64urlEncode(log.tree.root()),
    note,
    seenAt: '2026-11-20T12:00:00.000Z',
  };
  for (let i = 0; i < 4; i++)
    await log.appendReceipt(device, {
      method: 'save',
      choices: { analytics: i % 2 ? 'granted' : 'denied' },
      notice,
      receivedAt: '2026-11-21T10:00:00.000Z',
    });
  await log.seal();
  const proof = async (from: number, to: number) =>
    (await consistencyProof(from, to, log.tree.read)).map(base64urlEncode);
  return { log, seen, proof };
}

describe('checkHealth', () => {
  it('takes the first checkpoint a browser sees as its reference', async () => {
    const { log, proof } = await grownLog();
    const health = await checkHealth(log.checkpoint, log.keys, 'demo-site', null, proof);
    expect(health.ok && health.checkpoint.size).toBe(7);
    expect(health.ok && health.consistency).toEqual({ state: 'first' });
  });

  it('proves with a consistency proof that the grown log extends the checkpoint seen before', async () => {
    const { log, seen, proof } = await grownLog();
    const asked: number[][] = [];
    const health = await checkHealth(log.checkpoint, log.keys, 'demo-site', seen, (from, to) => {
      asked.push([from, to]);
      return proof(from, to);
    });
    expect(asked).toEqual([[3, 7]]);
    expect(health.ok && health.consistency.state).toBe('consistent');
  });

  it('says "unchanged" for the same checkpoint', async () => {
    const { log, proof } = await grownLog();
    const now = {
      origin: 'collector.test/sites/demo-site',
      size: 7,
      rootHash: base64urlEncode(log.tree.root()),
      note: log.checkpoint,
      seenAt: '2026-11-22T00:00:00.000Z',
    };
    const health = await checkHealth(log.checkpoint, log.keys, 'demo-site', now, proof);
    expect(health.ok && health.consistency.state).toBe('unchanged');
  });

  it.each([
    [
      'another root at the same size',
      (s: SeenCheckpoint) => ({ ...s, size: 7, rootHash: s.rootHash }),
      { code: 'root' },
    ],
    ['a larger size than now', (s: SeenCheckpoint) => ({ ...s, size: 9 }), { code: 'shrank', from: 9, to: 7 }],
    [
      'a root the current tree does not extend',
      (s: SeenCheckpoint) => ({ ...s, rootHash: base64urlEncode(new Uint8Array(32)) }),
      { code: 'bad-proof' },
    ],
  ])('flags a rewritten log: %s', async (_, change, reason) => {
    const { log, seen, proof } = await grownLog();
    const health = await checkHealth(log.checkpoint, log.keys, 'demo-site', change(seen), proof);
    expect(health.ok && health.consistency).toMatchObject({ state: 'rewritten', reason });
  });

  it('refuses a checkpoint that no published key signed, or of another site', async () => {
    const { log, proof } = await grownLog();
    const wrongKeys = { keys: log.keys.keys.map((k) => ({ ...k, name: 'someone.else' })) };
    expect(await checkHealth(log.checkpoint, wrongKeys, 'demo-site', null, proof)).toMatchObject({ ok: false });
    expect(await checkHealth(log.checkpoint, log.keys, 'other-site', null, proof)).toEqual({
      ok: false,
      reason: 'the checkpoint is of log collector.test/sites/demo-site, not of site other-site',
    });
  });
});
