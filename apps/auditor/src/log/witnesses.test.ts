import {
  appendSignatures,
  base64urlEncode,
  consistencyProof,
  cosign,
  generateCollectorKey,
  witnessVerifierKey,
} from '@consent-ledger/protocol';
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
        {
          name: 'a.example/w',
          vkey: a.vkey,
          state: 'cosigned',
          at: new Date(NOW - 60_000).toISOString(),
          last: null,
          reason: null,
        },
        { name: 'b.example/w', vkey: b.vkey, state: 'missing', at: null, last: null, reason: null },
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

  it('shows how far behind a lagging witness is, only where its own cosignature of the older checkpoint verifies', async () => {
    const log = await testLog();
    const older = await log.seal();
    log.tree.append(new Uint8Array(32).fill(7));
    log.tree.append(new Uint8Array(32).fill(8));
    const note = await log.seal();
    const [a, b] = await Promise.all(['a.example/w', 'b.example/w'].map(witness));
    const cosignedOlder = appendSignatures(older, [await cosign(body(older), b, NOW / 1000 - 600)]);
    const status = (checkpoint: string) => ({
      site: 'demo-site',
      size: 2,
      quorum: 1,
      quorumReached: false,
      witnesses: [{ vkey: b.vkey, name: b.name, cosignedSize: 0, behind: 2, checkpoint }],
    });
    const pinned = { vkeys: [b.vkey], quorum: 1 };
    const check = await checkWitnesses(note, pinned, ['collector.test'], NOW, status(cosignedOlder));
    expect(check.rows).toEqual([
      expect.objectContaining({
        state: 'missing',
        last: { size: 0, behind: 2, at: new Date(NOW - 600_000).toISOString() },
      }),
    ]);
    // The collector's word alone (a line by another key under b's name) shows nothing.
    const claimed = appendSignatures(older, [await cosign(body(older), { ...a, name: b.name }, NOW / 1000)]);
    const unbacked = await checkWitnesses(note, pinned, ['collector.test'], NOW, status(claimed));
    expect(unbacked.rows[0].last).toBeNull();
  });

  describe('a lagging witness’s older checkpoint must still be a prefix of the current one', () => {
    /** The collector's witnesses route naming `checkpoint` as the last one `w` cosigned. */
    const status = (w: { vkey: string; name: string }, checkpoint: string, size: number) => ({
      site: 'demo-site',
      size,
      quorum: 1,
      quorumReached: false,
      witnesses: [{ vkey: w.vkey, name: w.name, cosignedSize: 0, behind: 0, checkpoint }],
    });
    const leaf = (n: number) => new Uint8Array(32).fill(n);
    type Log = Awaited<ReturnType<typeof testLog>>;
    /** `note` checked with `w` pinned alone, the route naming `older` as its last cosignature, proofs from `log`. */
    const checkAgainst = (note: string, w: { vkey: string; name: string }, older: string, size: number, log: Log) =>
      checkWitnesses(
        note,
        { vkeys: [w.vkey], quorum: 1 },
        ['collector.test'],
        NOW,
        status(w, older, size),
        async (from, to) => (await consistencyProof(from, to, log.tree.read)).map(base64urlEncode),
      );

    it('consistent: the log only grew since, shown as lagging', async () => {
      const log = await testLog();
      log.tree.append(leaf(1));
      const older = await log.seal();
      log.tree.append(leaf(2));
      log.tree.append(leaf(3));
      const note = await log.seal();
      const b = await witness('b.example/w');
      const cosignedOlder = appendSignatures(older, [await cosign(body(older), b, NOW / 1000 - 600)]);
      const check = await checkAgainst(note, b, cosignedOlder, 3, log);
      expect(check.rows[0]).toMatchObject({ state: 'missing', last: { size: 1, behind: 2 }, reason: null });
    });

    it('rewritten: the entry it cosigned was replaced; rolled back: it cosigned more than the log now holds', async () => {
      const honest = await testLog();
      honest.tree.append(leaf(1));
      honest.tree.append(leaf(2));
      honest.tree.append(leaf(3));
      const cosignedBig = await honest.seal();
      const b = await witness('b.example/w');
      // The operator's copy: the same first entries but another second one, then more.
      const forked = await testLog();
      forked.tree.append(leaf(1));
      forked.tree.append(leaf(9));
      const forkedSmall = await forked.seal();
      forked.tree.append(leaf(3));
      forked.tree.append(leaf(4));
      const forkedNote = await forked.seal();
      // b cosigned the honest log at size 3; the log now shows the fork at size 4.
      const older = appendSignatures(cosignedBig, [await cosign(body(cosignedBig), b, NOW / 1000 - 600)]);
      const rewritten = await checkAgainst(forkedNote, b, older, 4, forked);
      expect(rewritten.rows[0]).toMatchObject({
        state: 'rewritten',
        last: { size: 3 },
        reason: { code: 'bad-proof' },
      });
      expect(rewritten.met).toBe(false);
      // Rolled back: the current checkpoint (size 2) is smaller than the one b cosigned (size 3).
      const rolledBack = await checkAgainst(forkedSmall, b, older, 2, forked);
      expect(rolledBack.rows[0]).toMatchObject({ state: 'rewritten', last: { size: 3, behind: 0 } });
      expect(rolledBack.rows[0].reason).toEqual({ code: 'shrank', from: 3, to: 2 });
    });
  });
});
