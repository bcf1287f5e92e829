// The ledger holds IP addresses and user agents: its file and SQLite's files beside it are readable
// by their owner only, whether the store creates them or finds them made by someone else.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureConfig } from '../testing';
import { openSqliteStore } from './sqlite';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('SQLite ledger file modes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-modes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the ledger and its WAL and shared-memory files 0600', async () => {
    const path = join(dir, 'ledger.db');
    const store = openSqliteStore(path);
    try {
      await store.putSite(fixtureConfig(), [], '2026-12-01T00:00:00.000Z');
      expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      await store.close();
    }
  });

  it('takes group and other access away from a ledger and WAL files made 0644 by someone else', async () => {
    const path = join(dir, 'ledger.db');
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE scratch (x)');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) chmodSync(file, 0o644);
    const store = openSqliteStore(path);
    try {
      expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      await store.close();
      other.close();
    }
  });
});
