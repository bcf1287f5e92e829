import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { bundleWorker } from '../testing/worker-bundle';
import { describeLedgerStore, type StoreHarness } from './contract';
import { describeAuditQueries } from './contract-audit';
import { describeCosignatures } from './contract-cosignatures';
import { describeLegacyMark } from './contract-legacy';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite';
import type { LedgerStore } from './types';

function sqliteHarness(options: () => SqliteStoreOptions): () => Promise<StoreHarness> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
    const file = join(dir, 'ledger.db');
    const open: LedgerStore[] = [openSqliteStore(file, options())];
    const harness = {
      store: open[0],
      async reopen() {
        return harness.reopenAfter('');
      },
      async reopenAfter(sql: string) {
        await harness.store.close();
        open.splice(open.indexOf(harness.store), 1);
        if (sql) new Database(file).exec(sql).close();
        harness.store = openSqliteStore(file, options());
        open.push(harness.store);
        return harness.store;
      },
      async twin() {
        const twin = openSqliteStore(file, options());
        open.push(twin);
        return twin;
      },
      async dispose() {
        await Promise.all(open.map((s) => s.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return harness;
  };
}

const inThread = sqliteHarness(() => ({}));
describeLedgerStore('sqlite', inThread);
describeAuditQueries('sqlite', inThread);
describeCosignatures('sqlite', inThread);
// Migration 7 undone: a database from before the legacy-redaction mark.
const BEFORE_MARK = 'ALTER TABLE logs DROP COLUMN legacy_attested_at; PRAGMA user_version = 6;';
describeLegacyMark('sqlite', inThread, BEFORE_MARK);

// The same contract with the writes on a writer thread (as `serve` runs them).
let workerDir: string;
let writerWorker: URL;
beforeAll(async () => {
  workerDir = mkdtempSync(join(tmpdir(), 'sqlite-writer-'));
  writerWorker = await bundleWorker(new URL('./sqlite-writer-worker.ts', import.meta.url), workerDir);
});
afterAll(() => rmSync(workerDir, { recursive: true, force: true }));
const onWriterThread = sqliteHarness(() => ({ writerWorker }));
describeLedgerStore('sqlite, writer thread', onWriterThread);
describeAuditQueries('sqlite, writer thread', onWriterThread);
describeCosignatures('sqlite, writer thread', onWriterThread);
describeLegacyMark('sqlite, writer thread', onWriterThread, BEFORE_MARK);
