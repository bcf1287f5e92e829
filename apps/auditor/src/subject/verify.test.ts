import {
  appendSignatures,
  base64urlDecode,
  base64urlEncode,
  checkpointBody,
  cosign,
  fromUtf8,
  generateCollectorKey,
  signNote,
  utf8,
  witnessVerifierKey,
} from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { withdrawalStory } from '../test-log';
import { RECEIPT_CHECKS, verifySubject } from './verify';

const states = (r: { checks: Record<string, { state: string }> }) =>
  RECEIPT_CHECKS.map((name) => `${name}=${r.checks[name].state}`);
const allPass = RECEIPT_CHECKS.map((name) => `${name}=pass`);

/** The same JWS with one choice changed in its payload, its signature kept. */
function forge(jws: string): string {
  const [header, payload, signature] = jws.split('.');
  const body = JSON.parse(fromUtf8(base64urlDecode(payload)));
  body.choices.analytics = 'granted';
  return `${header}.${base64urlEncode(utf8(JSON.stringify(body)))}.${signature}`;
}

describe('verifySubject', () => {
  it('passes every check of an honest history against the published keys and checkpoint', async () => {
    const { log, history } = await withdrawalStory();
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    expect(result.checkpoint).toEqual({ state: 'pass', size: 5 });
    expect(result.receipts.map(states)).toEqual([allPass, allPass]);
    expect(result.ok).toBe(true);
  });

  it('fails the signature, ack and inclusion of a receipt rewritten in the store, and only of that one', async () => {
    const { log, history } = await withdrawalStory();
    history.receipts[1].jws = forge(history.receipts[1].jws!);
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    expect(result.ok).toBe(false);
    expect(states(result.receipts[0])).toEqual(allPass);
    expect(result.receipts[1].checks.signature.state).toBe('fail');
    expect(result.receipts[1].checks.ack).toEqual({
      state: 'fail',
      detail: 'the acknowledged leaf hash is not the hash of this receipt',
    });
    expect(result.receipts[1].checks.inclusion.state).toBe('fail');
    expect(result.receipts[1].ok).toBe(false);
  });

  it('fails the prev link when a receipt of the chain is missing from the history', async () => {
    const { log, history } = await withdrawalStory();
    history.receipts.shift();
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    expect(result.receipts[0].checks.prev).toEqual({
      state: 'fail',
      detail: 'the first receipt must start a chain (prev null)',
    });
    expect(result.receipts[0].checks.signature.state).toBe('pass');
  });

  it('refuses a checkpoint signed by a key the collector does not publish, and checks no inclusion against it', async () => {
    const { log, history } = await withdrawalStory();
    const intruder = await log.otherKey();
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', intruder.publicKey));
    const forged = await signNote(checkpointBody('collector.test/sites/demo-site', log.tree.size, log.tree.root()), {
      name: 'collector.test',
      privateKey: intruder.privateKey,
      publicKey,
    });
    const result = await verifySubject(history, { keys: log.keys, checkpoint: forged, proof: log.proof });
    expect(result.checkpoint.state).toBe('fail');
    expect(result.receipts.map((r) => r.checks.inclusion.state)).toEqual(['skipped', 'skipped']);
    expect(result.ok).toBe(false);
  });

  it('fetches a fresh inclusion proof when the log moved on since the history was read', async () => {
    const { log, history, device } = await withdrawalStory();
    const notice = Object.values(history.notices)[1];
    await log.appendReceipt(device, {
      method: 'save',
      choices: { analytics: 'granted', maps: 'granted' },
      notice,
      receivedAt: '2026-11-25T10:00:00.000Z',
    });
    await log.seal();
    const asked: string[] = [];
    const result = await verifySubject(history, {
      keys: log.keys,
      checkpoint: log.checkpoint,
      proof: (id) => {
        asked.push(id);
        return log.proof(id);
      },
    });
    expect(asked).toEqual(history.receipts.map((r) => r.id));
    expect(result.checkpoint.size).toBe(6);
    expect(result.ok).toBe(true);
  });

  it('skips the payload checks of a redacted receipt, keeps its inclusion and the link after it', async () => {
    const { log, history } = await withdrawalStory();
    Object.assign(history.receipts[0], {
      jws: null,
      payload: null,
      ack: null,
      ackPayload: null,
      redacted: { at: '2026-12-01T00:00:00.000Z', reason: 'erasure' },
    });
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    expect(states(result.receipts[0])).toEqual([
      'signature=skipped',
      'prev=skipped',
      'ack=skipped',
      'notice=skipped',
      'inclusion=pass',
    ]);
    expect(states(result.receipts[1])).toEqual(allPass);
    expect(result.ok).toBe(true);
  });

  it('fails the notice check when a receipt names a notice the log does not hold', async () => {
    const { log, history } = await withdrawalStory();
    const second = history.receipts[1];
    delete history.notices[second.payload!.textHash];
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    expect(result.receipts[1].checks.notice).toEqual({
      state: 'fail',
      detail: 'the notice this receipt names is not in the log',
    });
  });

  it('with pinned witnesses, needs their quorum of cosignatures on the checkpoint and says who cosigned when', async () => {
    const { log, history } = await withdrawalStory();
    const pair = await generateCollectorKey();
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const witness = { name: 'witness.example/w1', privateKey: pair.privateKey, publicKey };
    const vkey = witnessVerifierKey(witness.name, publicKey);
    const body = log.checkpoint.slice(0, log.checkpoint.indexOf('\n\n') + 1);
    const cosigned = appendSignatures(log.checkpoint, [await cosign(body, witness, 1_764_000_000)]);
    const pinned = { vkeys: [vkey], quorum: 1 };
    const witnessed = await verifySubject(history, { ...log, checkpoint: cosigned, witnesses: pinned });
    expect(witnessed.ok).toBe(true);
    expect(witnessed.witnesses?.rows).toEqual([
      { name: 'witness.example/w1', vkey, state: 'cosigned', at: '2025-11-24T16:00:00.000Z', last: null, reason: null },
    ]);
    // The same history against the checkpoint without the cosignature: every receipt passes, the whole does not.
    const unwitnessed = await verifySubject(history, { ...log, checkpoint: log.checkpoint, witnesses: pinned });
    expect(unwitnessed.receipts.every((r) => r.ok)).toBe(true);
    expect(unwitnessed.witnesses).toMatchObject({ met: false, cosigned: 0, quorum: 1 });
    expect(unwitnessed.ok).toBe(false);
    const none = await verifySubject(history, { ...log, checkpoint: cosigned, witnesses: { vkeys: [], quorum: 1 } });
    expect(none.witnesses).toBeNull();
  });
});
