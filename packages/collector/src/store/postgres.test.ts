// The whole store contract against a real PostgreSQL: a throwaway cluster for this file, a fresh
// database for every test.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { clusterForThisFile } from '../testing/pg-suite';
import {
  batch,
  describeLedgerStore,
  recordingSigner,
  type StoreHarness,
  testConfig,
  testNotice,
  testReceipt,
} from './contract';
import { describeAuditQueries } from './contract-audit';
import { describeCosignatures } from './contract-cosignatures';
import { describeLegacyMark } from './contract-legacy';
import { openPostgresStore, type PostgresStore } from './postgres';
import { POSTGRES_MIGRATIONS } from './postgres-schema';
import type { LedgerStore } from './types';

const AT = '2026-12-01T10:00:00.000Z';
const cluster = clusterForThisFile();
let databases = 0;

async function postgresHarness(): Promise<StoreHarness> {
  const name = `contract_${++databases}`;
  const url = await cluster.createDatabase(name);
  const open: LedgerStore[] = [await openPostgresStore(url)];
  const harness = {
    store: open[0],
    async reopen() {
      return harness.reopenAfter('');
    },
    async reopenAfter(sql: string) {
      await harness.store.close();
      open.splice(open.indexOf(harness.store), 1);
      if (sql) {
        const bare = new pg.Client({ connectionString: url });
        await bare.connect();
        await bare.query(sql).finally(() => bare.end());
      }
      harness.store = await openPostgresStore(url);
      open.push(harness.store);
      return harness.store;
    },
    async twin() {
      const twin = await openPostgresStore(url);
      open.push(twin);
      return twin;
    },
    async dispose() {
      await Promise.all(open.map((s) => s.close()));
      await cluster.dropDatabase(name);
    },
  };
  return harness;
}

describeLedgerStore('postgres', postgresHarness);
describeAuditQueries('postgres', postgresHarness);
describeCosignatures('postgres', postgresHarness);
// Migration 8 undone: a database from before the legacy-redaction mark.
describeLegacyMark(
  'postgres',
  postgresHarness,
  'ALTER TABLE logs DROP COLUMN legacy_attested_at; DELETE FROM schema_migrations WHERE version = 8',
);

describe('PostgreSQL store under concurrent collectors', () => {
  it('keeps every site dense when calls spanning two sites, in both orders, race from two stores', async () => {
    const url = await cluster.createDatabase('concurrent');
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    try {
      for (const site of ['alpha', 'beta']) await one.putSite(testConfig(site), [testNotice(site, 1, 'fr')], AT);
      // Calls name the sites in both orders: a store locking log heads one batch at a time, in call order, could deadlock here.
      const calls = Array.from({ length: 16 }, (_, i) => {
        const sites = i % 2 === 0 ? ['alpha', 'beta'] : ['beta', 'alpha'];
        const batches = sites.map((site) =>
          batch(site, [testReceipt(site, `s${i}`, null), testReceipt(site, `t${i}`, null)]),
        );
        return (i % 4 < 2 ? one : two).appendReceipts(batches, recordingSigner());
      });
      const outcomes = (await Promise.all(calls)).flat();
      expect(outcomes.every((o) => o.ok)).toBe(true);
      for (const site of ['alpha', 'beta']) {
        const indexes = (await two.readEntries(site, 0, 100)).map((e) => e.index);
        expect(indexes).toEqual(Array.from({ length: 1 + 16 * 2 }, (_, i) => i));
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
      await cluster.dropDatabase('concurrent');
    }
  });
});

describe('PostgreSQL store migrations', () => {
  it('applies each migration once when several collectors start at the same moment', async () => {
    const url = await cluster.createDatabase('migrations');
    const stores: PostgresStore[] = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
    try {
      const { rows } = await stores[0].query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
      await stores[1].putSite({ site: 'alpha' } as never, [], '2026-12-01T00:00:00.000Z');
      expect((await stores[3].listLogs()).map((l) => l.site)).toEqual(['alpha']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await cluster.dropDatabase('migrations');
    }
  });

  it('refuses a database migrated by a newer collector', async () => {
    const url = await cluster.createDatabase('newer');
    const store = await openPostgresStore(url);
    await store.query('INSERT INTO schema_migrations (version) VALUES ($1)', [POSTGRES_MIGRATIONS.length + 1]);
    await store.close();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer than this collector/);
    await cluster.dropDatabase('newer');
  });
});

describe('PostgreSQL store connections', () => {
  it('logs an idle connection the server ends, and goes on with a new one', async () => {
    const url = await cluster.createDatabase('idle_error');
    const logged: string[] = [];
    const store = await openPostgresStore(url, {
      applicationName: 'idle-error-test',
      log: (message) => logged.push(message),
    });
    const admin = await openPostgresStore(url, { maxConnections: 1 });
    try {
      await store.putSite(testConfig('alpha'), [testNotice('alpha', 1, 'fr')], AT);
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'idle-error-test'",
      );
      await expect.poll(() => logged.length).toBeGreaterThan(0);
      expect(new Set(logged)).toEqual(new Set(['postgres: an idle connection failed (replaced on next use)']));
      expect((await store.getSite('alpha'))?.config.site).toBe('alpha');
    } finally {
      await Promise.all([store.close(), admin.close()]);
      await cluster.dropDatabase('idle_error');
    }
  });
});
