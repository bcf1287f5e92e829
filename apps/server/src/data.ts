// The data folder: the SQLite ledger and the collector's Ed25519 key (a private JWK, mode 0600),
// created on first use by whichever command comes first, so `serve` and the other commands can
// run on the same folder at the same time.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type CollectorKey,
  collectorJwks,
  createCollectorKeyJwk,
  type LedgerStore,
  loadCollectorKey,
  openSqliteStore,
} from '@consent-ledger/collector';
import { createPostgresStore } from '@consent-ledger/collector/postgres';
import type { Jwks } from '@consent-ledger/protocol';
import { databaseUrl, sharedJwks, sharedKey } from './postgres';

/** Where a data folder keeps its files. */
export function dataPaths(dir: string): { dir: string; ledger: string; key: string } {
  const root = resolve(dir);
  return { dir: root, ledger: join(root, 'ledger.db'), key: join(root, 'collector-key.json') };
}

/** Creates the data folder (mode 0700) when missing. */
export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Loads the collector key of the data folder, creating it (mode 0600) on first use; with DATABASE_URL, the database's shared key. */
export async function loadOrCreateKey(dir: string, name: string): Promise<CollectorKey> {
  const { key } = dataPaths(dir);
  ensureDataDir(dir);
  const url = databaseUrl();
  if (url) return sharedKey(url, key, name);
  try {
    writeFileSync(key, `${JSON.stringify(await createCollectorKeyJwk())}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process (or an earlier start) wrote it first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(key).mode & 0o077) !== 0) chmodSync(key, 0o600);
  return loadCollectorKey(JSON.parse(readFileSync(key, 'utf8')), name);
}

/** The JWKS an export embeds: the data folder's key, or with DATABASE_URL every key the database lists (retired ones too). */
export async function exportJwks(dir: string, name: string): Promise<Jwks> {
  const url = databaseUrl();
  if (url) return sharedJwks(url, dataPaths(dir).key, name);
  return collectorJwks(await loadOrCreateKey(dir, name));
}

/** Opens the ledger of the data folder (the SQLite file, created and migrated when needed, its writes on `writerWorker`'s thread when given), or DATABASE_URL's PostgreSQL. */
export function openLedger(dir: string, options: { writerWorker?: URL } = {}): LedgerStore {
  ensureDataDir(dir);
  const url = databaseUrl();
  if (url) return createPostgresStore(url);
  return openSqliteStore(dataPaths(dir).ledger, options);
}
