// The LedgerStore contract, written once and run against every store (sqlite.test.ts, and the
// PostgreSQL store's test). Receipts here are structurally valid but unsigned: the store trusts
// the collector's verification and must not care about signatures.

import {
  type AckPayload,
  base64urlEncode,
  leafHash,
  type ReceiptPayload,
  type SiteConfig,
  utf8,
  uuidv7,
  type VerifiedReceipt,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckSigner, LedgerStore, NoticeInput, ReceiptBatch } from './types';

/** A store under test, plus ways to reach the same data again. */
export interface StoreHarness {
  store: LedgerStore;
  /** Closes `store` and opens a new store on the same data (a restart). */
  reopen(): Promise<LedgerStore>;
  /** Closes `store`, runs `sql` on its data over a bare connection (as another version would), and opens a new store on it. */
  reopenAfter(sql: string): Promise<LedgerStore>;
  /** A second, independent store on the same data (another process). */
  twin(): Promise<LedgerStore>;
  /** Closes everything and removes the data. */
  dispose(): Promise<void>;
}

const AT = '2026-12-01T10:00:00.000Z';

/** A minimal valid-looking config (the store does not validate configs). */
export function testConfig(site: string, revision = 1): SiteConfig {
  return {
    site,
    name: site,
    origins: [`https://${site}.example`],
    revision,
    policyUrl: `https://${site}.example/privacy`,
    languages: ['fr', 'en'],
    expiresAfterDays: 182,
    purposes: { analytics: {}, maps: {} },
    services: [],
    consentMode: false,
    honorGpc: true,
    retentionDays: 1825,
    ip: 'truncate',
  };
}

/** A notice input whose JWS is a stand-in string. */
export function testNotice(site: string, revision: number, language: string): NoticeInput {
  const jws = `notice.${site}.${revision}.${language}`;
  return {
    textHash: base64urlEncode(leafHash(`text:${jws}`)),
    revision,
    language,
    jws,
    leafHash: base64urlEncode(leafHash(jws)),
  };
}

/** An unsigned receipt with a real leaf hash over its stand-in JWS. */
export function testReceipt(
  site: string,
  subject: string,
  prev: string | null,
  overrides: Partial<ReceiptPayload> = {},
): VerifiedReceipt {
  const payload: ReceiptPayload = {
    v: 1,
    id: uuidv7(),
    site,
    subject,
    issuedAt: AT,
    method: 'save',
    choices: { analytics: 'denied', maps: 'granted' },
    revision: 1,
    language: 'fr',
    textHash: 'text-hash',
    page: `https://${site}.example/`,
    prev,
    ...overrides,
  };
  const jws = `eyJhbGciOiJFUzI1NiJ9.${base64urlEncode(utf8(JSON.stringify(payload)))}.c2ln`;
  return { jws, payload, jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, leafHash: base64urlEncode(leafHash(jws)) };
}

/** An ack signer that records what it was asked and answers readable stand-in acks. */
export function recordingSigner(): AckSigner & { calls: AckPayload[][] } {
  const calls: AckPayload[][] = [];
  const sign = async (payloads: AckPayload[]) => {
    calls.push(payloads);
    return payloads.map((p) => `ack.${p.site}.${p.index}.${p.id}`);
  };
  return Object.assign(sign, { calls });
}

/** A batch of receipts as one request brings them, with a fixed IP and user agent. */
export function batch(site: string, receipts: VerifiedReceipt[], receivedAt = AT): ReceiptBatch {
  return {
    site,
    receivedAt,
    receipts: receipts.map((receipt) => ({ receipt, ip: '203.0.113.0', userAgent: 'test-agent' })),
  };
}

/** Registers the whole contract suite for one store implementation. */
export function describeLedgerStore(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`LedgerStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: LedgerStore;
    beforeEach(async () => {
      h = await makeStore();
      store = h.store;
    });
    afterEach(async () => {
      await h.dispose();
    });

    async function publish(site: string, revision = 1) {
      return store.putSite(
        testConfig(site, revision),
        [testNotice(site, revision, 'fr'), testNotice(site, revision, 'en')],
        AT,
      );
    }

    describe('sites', () => {
      it('stores a config with its notices, appended once', async () => {
        const first = await publish('alpha');
        expect(first.site.config.site).toBe('alpha');
        expect(first.site.deletedAt).toBeNull();
        expect(first.appended.map((n) => [n.index, n.language])).toEqual([
          [0, 'fr'],
          [1, 'en'],
        ]);
        const again = await store.putSite(
          testConfig('alpha', 1),
          [testNotice('alpha', 1, 'fr'), testNotice('alpha', 2, 'fr')],
          '2026-12-02T00:00:00.000Z',
        );
        expect(again.appended.map((n) => [n.index, n.revision])).toEqual([[2, 2]]);
        expect(again.site.createdAt).toBe(AT);
        expect(again.site.updatedAt).toBe('2026-12-02T00:00:00.000Z');
        const notices = await store.listNotices('alpha');
        expect(notices.map((n) => n.index)).toEqual([0, 1, 2]);
        expect(notices[0].jws).toBe('notice.alpha.1.fr');
        expect((await store.listLogs()).find((l) => l.site === 'alpha')).toEqual({
          site: 'alpha',
          size: 3,
          treeSize: 0,
        });
        const entry = await store.getEntry('alpha', notices[2].textHash);
        expect(entry?.kind).toBe('notice');
        expect(entry?.subject).toBeNull();
      });

      it('gets, lists and soft-deletes sites', async () => {
        await publish('beta');
        await publish('alpha');
        expect((await store.listSites()).map((s) => s.site)).toEqual(['alpha', 'beta']);
        expect(await store.getSite('nope')).toBeNull();
        expect(await store.deleteSite('beta', AT)).toBe(true);
        expect(await store.deleteSite('beta', AT)).toBe(false);
        expect(await store.deleteSite('nope', AT)).toBe(false);
        expect((await store.listSites()).map((s) => s.site)).toEqual(['alpha']);
        expect((await store.listSites({ includeDeleted: true })).map((s) => s.site)).toEqual(['alpha', 'beta']);
        expect((await store.getSite('beta'))?.deletedAt).toBe(AT);
        expect((await store.listNotices('beta')).length).toBe(2);
        await publish('beta');
        expect((await store.getSite('beta'))?.deletedAt).toBeNull();
      });
    });

    describe('appendReceipts', () => {
      it('gives dense indexes after the notices and returns the signed acks', async () => {
        await publish('alpha');
        const sign = recordingSigner();
        const a = testReceipt('alpha', 'sa', null);
        const b = testReceipt('alpha', 'sb', null);
        const [outcome] = await store.appendReceipts([batch('alpha', [a, b])], sign);
        expect(outcome).toEqual({
          ok: true,
          receipts: [
            { index: 2, leafHash: a.leafHash, receivedAt: AT, ack: `ack.alpha.2.${a.payload.id}`, replay: false },
            { index: 3, leafHash: b.leafHash, receivedAt: AT, ack: `ack.alpha.3.${b.payload.id}`, replay: false },
          ],
        });
        expect(sign.calls).toHaveLength(1);
        expect(sign.calls[0][0]).toEqual({
          v: 1,
          id: a.payload.id,
          site: 'alpha',
          subject: 'sa',
          index: 2,
          leafHash: a.leafHash,
          receivedAt: AT,
          ip: '203.0.113.0',
          userAgent: 'test-agent',
        });
        const entry = await store.getEntry('alpha', a.payload.id);
        expect(entry).toMatchObject({
          index: 2,
          kind: 'receipt',
          jws: a.jws,
          subject: 'sa',
          ack: `ack.alpha.2.${a.payload.id}`,
          ip: '203.0.113.0',
          userAgent: 'test-agent',
          method: 'save',
          choices: a.payload.choices,
          prev: null,
          redacted: null,
          textHash: 'text-hash',
          revision: 1,
          language: 'fr',
          page: 'https://alpha.example/',
        });
        expect((await store.readEntries('alpha', 1, 2)).map((e) => e.index)).toEqual([1, 2]);
        expect((await store.listLogs()).find((l) => l.site === 'alpha')?.size).toBe(4);
      });

      it('keeps one dense sequence per site', async () => {
        await publish('alpha');
        await publish('beta');
        const outcomes = await store.appendReceipts(
          [
            batch('alpha', [testReceipt('alpha', 's1', null)]),
            batch('beta', [testReceipt('beta', 's1', null)]),
            batch('alpha', [testReceipt('alpha', 's2', null)]),
          ],
          recordingSigner(),
        );
        expect(outcomes.map((o) => (o.ok ? o.receipts.map((r) => r.index) : o.error.code))).toEqual([[2], [2], [3]]);
      });

      it('answers a repeated receipt with its original ack, before any prev check', async () => {
        await publish('alpha');
        const first = testReceipt('alpha', 'sa', null);
        const [o1] = await store.appendReceipts([batch('alpha', [first])], recordingSigner());
        const second = testReceipt('alpha', 'sa', first.leafHash);
        await store.appendReceipts([batch('alpha', [second])], recordingSigner());
        const sign = recordingSigner();
        const [o2] = await store.appendReceipts([batch('alpha', [first], '2026-12-05T00:00:00.000Z')], sign);
        expect(o1.ok && o2.ok).toBe(true);
        if (!o1.ok || !o2.ok) return;
        expect(o2.receipts[0]).toEqual({ ...o1.receipts[0], replay: true });
        expect(sign.calls).toHaveLength(0);
      });

      it('refuses another receipt with a used id', async () => {
        await publish('alpha');
        const first = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [first])], recordingSigner());
        const other = testReceipt('alpha', 'sb', null, { id: first.payload.id });
        const [o] = await store.appendReceipts([batch('alpha', [other])], recordingSigner());
        expect(o).toMatchObject({ ok: false, error: { code: 'id-conflict', index: 0 } });
      });

      it('checks prev against the subject last accepted receipt, with the expected value', async () => {
        await publish('alpha');
        const r1 = testReceipt('alpha', 'sa', null);
        const r2 = testReceipt('alpha', 'sa', r1.leafHash);
        const [ok] = await store.appendReceipts([batch('alpha', [r1, r2])], recordingSigner());
        expect(ok.ok).toBe(true);
        const fork = testReceipt('alpha', 'sa', r1.leafHash);
        const fresh = testReceipt('alpha', 'sa', null);
        const [o1, o2] = await store.appendReceipts(
          [batch('alpha', [fork]), batch('alpha', [fresh])],
          recordingSigner(),
        );
        expect(o1).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'prev-mismatch', index: 0, expected: r2.leafHash }),
        });
        expect(o2).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'prev-mismatch', index: 0, expected: r2.leafHash }),
        });
        const other = testReceipt('alpha', 'sb', 'not-a-hash');
        const [o3] = await store.appendReceipts([batch('alpha', [other])], recordingSigner());
        expect(o3).toEqual({ ok: false, error: expect.objectContaining({ code: 'prev-mismatch', expected: null }) });
      });

      it('is all or nothing per batch, and a refused batch does not stop the others', async () => {
        await publish('alpha');
        const good = testReceipt('alpha', 'sa', null);
        const bad1 = testReceipt('alpha', 'sb', null);
        const bad2 = testReceipt('alpha', 'sb', 'wrong');
        const later = testReceipt('alpha', 'sc', null);
        const outcomes = await store.appendReceipts(
          [batch('alpha', [good]), batch('alpha', [bad1, bad2]), batch('alpha', [later])],
          recordingSigner(),
        );
        expect(outcomes.map((o) => (o.ok ? o.receipts.map((r) => r.index) : [o.error.code, o.error.index]))).toEqual([
          [2],
          ['prev-mismatch', 1],
          [3],
        ]);
        expect(await store.getEntry('alpha', bad1.payload.id)).toBeNull();
        expect((await store.listLogs())[0].size).toBe(4);
      });

      it('links the chain across batches of one call, and treats a repeat within the call as a replay', async () => {
        await publish('alpha');
        const r1 = testReceipt('alpha', 'sa', null);
        const r2 = testReceipt('alpha', 'sa', r1.leafHash);
        const outcomes = await store.appendReceipts(
          [batch('alpha', [r1]), batch('alpha', [r1, r2])],
          recordingSigner(),
        );
        expect(outcomes).toMatchObject([
          { ok: true, receipts: [{ index: 2, replay: false }] },
          {
            ok: true,
            receipts: [
              { index: 2, replay: true, ack: `ack.alpha.2.${r1.payload.id}` },
              { index: 3, replay: false },
            ],
          },
        ]);
      });

      it('refuses receipts for an unknown or deleted site', async () => {
        await publish('alpha');
        await store.deleteSite('alpha', AT);
        const outcomes = await store.appendReceipts(
          [batch('alpha', [testReceipt('alpha', 's', null)]), batch('zeta', [testReceipt('zeta', 's', null)])],
          recordingSigner(),
        );
        expect(outcomes.map((o) => !o.ok && o.error.code)).toEqual(['unknown-site', 'unknown-site']);
      });

      it('writes nothing when the ack signer fails', async () => {
        await publish('alpha');
        const r = testReceipt('alpha', 'sa', null);
        await expect(
          store.appendReceipts([batch('alpha', [r])], async () => {
            throw new Error('signer down');
          }),
        ).rejects.toThrow('signer down');
        expect(await store.getEntry('alpha', r.payload.id)).toBeNull();
        const [o] = await store.appendReceipts([batch('alpha', [r])], recordingSigner());
        expect(o).toMatchObject({ ok: true, receipts: [{ index: 2 }] });
      });

      it('keeps indexes dense and unique under concurrent appends', async () => {
        await publish('alpha');
        const calls = Array.from({ length: 20 }, (_, i) =>
          store.appendReceipts(
            [batch('alpha', [testReceipt('alpha', `s${i}`, null), testReceipt('alpha', `t${i}`, null)])],
            recordingSigner(),
          ),
        );
        const indexes = (await Promise.all(calls)).flatMap(([o]) => (o.ok ? o.receipts.map((r) => r.index) : []));
        expect(indexes.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
      });

      it('accepts exactly one of two racing receipts of one subject from two stores on the same data', async () => {
        await publish('alpha');
        const twin = await h.twin();
        const r1 = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [r1])], recordingSigner());
        const a = testReceipt('alpha', 'sa', r1.leafHash);
        const b = testReceipt('alpha', 'sa', r1.leafHash);
        const [[oa], [ob]] = await Promise.all([
          store.appendReceipts([batch('alpha', [a])], recordingSigner()),
          twin.appendReceipts([batch('alpha', [b])], recordingSigner()),
        ]);
        expect([oa.ok, ob.ok].sort()).toEqual([false, true]);
        const failed = oa.ok ? ob : oa;
        expect(failed).toMatchObject({ ok: false, error: { code: 'prev-mismatch' } });
        expect((await twin.listLogs())[0].size).toBe(4);
      });
    });

    describe('integrator primitives', () => {
      it('reads leaf hashes, integrates with a compare-and-set on the tree size, and keeps checkpoints', async () => {
        await publish('alpha');
        const r = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [r])], recordingSigner());
        const leaves = await store.readLeafHashes('alpha', 0, 10);
        expect(leaves.map((l) => base64urlEncode(l))).toEqual([
          testNotice('alpha', 1, 'fr').leafHash,
          testNotice('alpha', 1, 'en').leafHash,
          r.leafHash,
        ]);
        expect((await store.readLeafHashes('alpha', 2, 10)).length).toBe(1);
        const parent = new Uint8Array(32).fill(7);
        const checkpoint = { site: 'alpha', size: 2, rootHash: base64urlEncode(parent), note: 'note-2', createdAt: AT };
        const nodes = [
          { level: 0, index: 0, hash: leaves[0] },
          { level: 0, index: 1, hash: leaves[1] },
          { level: 1, index: 0, hash: parent },
        ];
        expect(await store.latestCheckpoint('alpha')).toBeNull();
        expect(await store.integrate({ site: 'alpha', fromSize: 0, nodes, checkpoint })).toBe(true);
        expect(await store.integrate({ site: 'alpha', fromSize: 0, nodes, checkpoint })).toBe(false);
        expect(await store.latestCheckpoint('alpha')).toEqual(checkpoint);
        expect(await store.checkpointAt('alpha', 2)).toEqual(checkpoint);
        expect(await store.checkpointAt('alpha', 3)).toBeNull();
        expect((await store.listLogs())[0]).toEqual({ site: 'alpha', size: 3, treeSize: 2 });
        expect(base64urlEncode(await store.readNode('alpha', 1, 0))).toBe(base64urlEncode(parent));
        expect(base64urlEncode(await store.readNode('alpha', 0, 2))).toBe(r.leafHash);
        await expect(store.readNode('alpha', 1, 1)).rejects.toThrow();
        const cp3 = { ...checkpoint, size: 3, note: 'note-3' };
        expect(
          await store.integrate({
            site: 'alpha',
            fromSize: 2,
            nodes: [{ level: 0, index: 2, hash: leaves[2] }],
            checkpoint: cp3,
          }),
        ).toBe(true);
        expect(await store.latestCheckpoint('alpha')).toEqual(cp3);
        expect(await store.checkpointAt('alpha', 2)).toEqual(checkpoint);
      });
    });

    describe('redaction', () => {
      it('appends the redaction entry at the next index in the same transaction', async () => {
        await publish('alpha');
        const r = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [r])], recordingSigner());
        const redaction = { at: '2031-01-01T00:00:00.000Z', reason: 'retention' };
        const entry = {
          jws: 'header.payload.signature',
          leafHash: base64urlEncode(leafHash('header.payload.signature')),
        };
        expect(await store.redactEntries('alpha', [r.payload.id], redaction, entry)).toBe(1);
        expect((await store.listLogs()).find((l) => l.site === 'alpha')?.size).toBe(4);
        expect(await store.readEntries('alpha', 3, 10)).toMatchObject([
          {
            index: 3,
            kind: 'redaction',
            id: entry.leafHash,
            jws: entry.jws,
            leafHash: entry.leafHash,
            receivedAt: redaction.at,
            redacted: null,
          },
        ]);
        expect((await store.readLeafHashes('alpha', 3, 1)).map((h) => base64urlEncode(h))).toEqual([entry.leafHash]);
      });

      it('removes the payload, keeps the leaf hash and the tree', async () => {
        await publish('alpha');
        const r = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [r])], recordingSigner());
        const redaction = { at: '2031-01-01T00:00:00.000Z', reason: 'retention' };
        expect(await store.redactEntries('alpha', [r.payload.id, 'unknown'], redaction)).toBe(1);
        expect(await store.redactEntries('alpha', [r.payload.id], redaction)).toBe(0);
        const entry = await store.getEntry('alpha', r.payload.id);
        expect(entry).toMatchObject({
          index: 2,
          leafHash: r.leafHash,
          jws: null,
          ack: null,
          ip: null,
          userAgent: null,
          choices: null,
          page: null,
          subject: 'sa',
          redacted: redaction,
        });
        expect(base64urlEncode(await store.readNode('alpha', 0, 2))).toBe(r.leafHash);
        const next = testReceipt('alpha', 'sa', r.leafHash);
        const [o] = await store.appendReceipts([batch('alpha', [next])], recordingSigner());
        expect(o.ok).toBe(true);
      });
    });

    describe('tokens', () => {
      it('creates, finds by hash, lists and revokes', async () => {
        const token = {
          id: 'tok1',
          hash: 'hash1',
          role: 'auditor' as const,
          sites: ['alpha', 'beta'],
          createdAt: AT,
          revokedAt: null,
          expiresAt: null,
        };
        await store.createToken(token);
        await store.createToken({
          ...token,
          id: 'tok2',
          hash: 'hash2',
          role: 'admin',
          sites: [],
          createdAt: '2026-12-02T00:00:00.000Z',
          expiresAt: '2027-03-01T00:00:00.000Z',
        });
        expect(await store.getTokenByHash('hash1')).toEqual(token);
        expect(await store.getTokenByHash('nope')).toBeNull();
        expect((await store.listTokens()).map((t) => t.id)).toEqual(['tok1', 'tok2']);
        expect(await store.revokeToken('tok1', AT)).toBe(true);
        expect(await store.revokeToken('tok1', AT)).toBe(false);
        expect((await store.getTokenByHash('hash1'))?.revokedAt).toBe(AT);
        await expect(store.createToken({ ...token, id: 'tok3' })).rejects.toThrow();
      });
    });

    describe('durability', () => {
      it('keeps everything across a restart', async () => {
        await publish('alpha');
        const r = testReceipt('alpha', 'sa', null);
        await store.appendReceipts([batch('alpha', [r])], recordingSigner());
        store = await h.reopen();
        expect((await store.getEntry('alpha', r.payload.id))?.ack).toBe(`ack.alpha.2.${r.payload.id}`);
        expect((await store.listLogs())[0]).toEqual({ site: 'alpha', size: 3, treeSize: 0 });
        const [o] = await store.appendReceipts([batch('alpha', [testReceipt('alpha', 'sa', null)])], recordingSigner());
        expect(o).toMatchObject({ ok: false, error: { code: 'prev-mismatch', expected: r.leafHash } });
      });
    });
  });
}
