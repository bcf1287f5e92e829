import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLedgerStore, type StoreHarness } from './contract';
import { describeAuditQueries } from './contract-audit';
import { openSqliteStore } from './sqlite';
import type { LedgerStore } from './types';

async function sqliteHarness(): Promise<StoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  const file = join(dir, 'ledger.db');
  const open: LedgerStore[] = [openSqliteStore(file)];
  const harness = {
    store: open[0],
    async reopen() {
      await harness.store.close();
      open.splice(open.indexOf(harness.store), 1);
      harness.store = openSqliteStore(file);
      open.push(harness.store);
      return harness.store;
    },
    async twin() {
      const twin = openSqliteStore(file);
      open.push(twin);
      return twin;
    },
    async dispose() {
      await Promise.all(open.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

describeLedgerStore('sqlite', sqliteHarness);
describeAuditQueries('sqlite', sqliteHarness);
