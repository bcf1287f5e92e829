import { appendSignatures, cosign, generateCollectorKey, witnessVerifierKey } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { testLog } from '../test-log';
import { checkWitnesses } from './witnesses';

async function witness(name: string) {
  const pair = await generateCollectorKey();
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { name, privateKey: pair.privateKey, publicKey, vkey: witnessVerifierKey(name, publicKey) };
}

const NOW = Date.UTC(2026, 11, 5);
const body = (note: string) => note.slice(0, note.indexOf('\n\n') + 1);

describe('checkWitnesses', () => {
  it('says who of the pinned witnesses cosigned, when, and whether the quorum is met', async () => {
    const log = await testLog();
    const note = await log.seal();
    const [a, b, c] = await Promise.all(['a.example/w', 'b.example/w', 'c.example/w'].map(witness));
    const cosigned = appendSignatures(note, [
      await cosign(body(note), a, NOW / 1000 - 60),
      await cosign(body(note), c, NOW / 1000 - 30),
    ]);
    const check = await checkWitnesses(cosigned, { vkeys: [a.vkey, b.vkey], quorum: 2 }, ['collector.test'], NOW);
    expect(check).toEqual({
      rows: [
        { name: 'a.example/w', vkey: a.vkey, state: 'cosigned', at: new Date(NOW - 60_000).toISOString() },
        { name: 'b.example/w', vkey: b.vkey, state: 'missing', at: null },
      ],
      quorum: 2,
      cosigned: 1,
      met: false,
      unpinned: ['c.example/w'],
    });
    expect((await checkWitnesses(cosigned, { vkeys: [a.vkey, b.vkey], quorum: 1 }, ['collector.test'], NOW)).met).toBe(
      true,
    );
  });

  it('flags a pinned witness whose line does not verify, and meets nothing without pins', async () => {
    const log = await testLog();
    const note = await log.seal();
    const a = await witness('a.example/w');
    // A line the witness made for another checkpoint (size 1), pasted onto this one (size 0).
    const forged = appendSignatures(note, [await cosign(body(note).replace('\n0\n', '\n1\n'), a, NOW / 1000)]);
    const check = await checkWitnesses(forged, { vkeys: [a.vkey], quorum: 1 }, ['collector.test'], NOW);
    expect(check.rows.map((r) => r.state)).toEqual(['invalid']);
    expect(check.met).toBe(false);
    const none = await checkWitnesses(note, { vkeys: [], quorum: 1 }, ['collector.test'], NOW);
    expect(none).toMatchObject({ rows: [], met: false, unpinned: [] });
  });
});
