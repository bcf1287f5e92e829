import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAck } from '@consent-ledger/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nativeAckSigner } from '../ack-signer';
import { collectorJwks } from '../keys';
import { testCollectorKey } from '../testing';
import { bundleWorker } from '../testing/worker-bundle';
import { batch, recordingSigner, testConfig, testNotice, testReceipt } from './contract';
import { openSqliteStore } from './sqlite';
import type { LedgerStore, PortableAckSigner } from './types';

const AT = '2026-12-01T10:00:00.000Z';
const SUBJECT = 'A'.repeat(43);

describe('SQLite store with a writer thread', () => {
  let workerDir: string;
  let writerWorker: URL;
  let dir: string;
  let file: string;
  let store: LedgerStore;
  beforeAll(async () => {
    workerDir = mkdtempSync(join(tmpdir(), 'sqlite-writer-'));
    writerWorker = await bundleWorker(new URL('./sqlite-writer-worker.ts', import.meta.url), workerDir);
  });
  afterAll(() => rmSync(workerDir, { recursive: true, force: true }));
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-writer-'));
    file = join(dir, 'ledger.db');
    store = openSqliteStore(file, { writerWorker });
    await store.putSite(testConfig('alpha'), [testNotice('alpha', 1, 'fr')], AT);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("signs acks on the writer thread with a portable signer: the collector's own acks, stored with the receipts", async () => {
    const key = await testCollectorKey();
    const native = nativeAckSigner(key);
    // Called on this thread, the signer fails: the acks can only come from the writer thread.
    const elsewhere: PortableAckSigner = Object.assign(
      async () => Promise.reject(new Error('signed on the serving thread')),
      { signingKey: native.signingKey },
    );
    const receipts = [testReceipt('alpha', SUBJECT, null), testReceipt('alpha', 'Q'.repeat(43), null)];
    const [outcome] = await store.appendReceipts([batch('alpha', receipts)], elsewhere);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const jwks = collectorJwks(key);
    for (const [i, r] of outcome.receipts.entries()) {
      const verified = await verifyAck(r.ack, jwks);
      expect(verified.ok && verified.value).toMatchObject({
        id: receipts[i].payload.id,
        index: i + 1,
        leafHash: receipts[i].leafHash,
      });
      expect((await store.getEntry('alpha', receipts[i].payload.id))?.ack).toBe(r.ack);
    }
    expect(outcome.receipts.map((r) => r.ack)).toEqual(
      await native(
        outcome.receipts.map((r, i) => ({
          v: 1,
          id: receipts[i].payload.id,
          site: 'alpha',
          subject: receipts[i].payload.subject,
          index: r.index,
          leafHash: r.leafHash,
          receivedAt: AT,
          ip: '203.0.113.0',
          userAgent: 'test-agent',
        })),
      ),
    );
  });

  it('answers an append only once committed: a store opened afterwards reads it', async () => {
    const receipt = testReceipt('alpha', SUBJECT, null);
    const [outcome] = await store.appendReceipts([batch('alpha', [receipt])], recordingSigner());
    expect(outcome.ok).toBe(true);
    const other = openSqliteStore(file);
    try {
      expect((await other.getEntry('alpha', receipt.payload.id))?.index).toBe(1);
      expect((await other.listLogs()).find((l) => l.site === 'alpha')?.size).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('rejects a call whose write failed, with its message and SQLite code, and goes on with the next', async () => {
    const token = {
      id: 'tok1',
      hash: 'h1',
      role: 'admin' as const,
      sites: [],
      createdAt: AT,
      revokedAt: null,
      expiresAt: null,
    };
    await store.createToken(token);
    await expect(store.createToken({ ...token, hash: 'h2' })).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    expect(await store.revokeToken('tok1', AT)).toBe(true);
  });

  it('rejects an append whose signer (kept on this thread) fails, and commits nothing of it', async () => {
    const receipt = testReceipt('alpha', SUBJECT, null);
    await expect(
      store.appendReceipts([batch('alpha', [receipt])], async () => Promise.reject(new Error('key unavailable'))),
    ).rejects.toThrow('key unavailable');
    expect(await store.getEntry('alpha', receipt.payload.id)).toBeNull();
    const [outcome] = await store.appendReceipts([batch('alpha', [receipt])], recordingSigner());
    expect(outcome.ok && outcome.receipts[0].index).toBe(1);
  });

  it('refuses writes once closed instead of leaving them unanswered', async () => {
    await store.close();
    await expect(store.deleteSite('alpha', AT)).rejects.toThrow('the SQLite store is closed');
  });
});
