// Where a command keeps the ledger and its signing key, picked once from the environment: the
// SQLite file and key file of the data folder, or, with `DATABASE_URL=postgres://…`, the PostgreSQL
// database and the key every collector on it shares. Commands ask the backend, never the environment.
import { existsSync } from 'node:fs';
import {
  type CollectorKey,
  collectorJwks,
  createCollectorKeyJwk,
  type IntegratorLock,
  type LedgerStore,
  openSqliteStore,
} from '@consent-ledger/collector';
import { createPostgresStore, openPostgresStore, rotateSigningKey } from '@consent-ledger/collector/postgres';
import type { Jwks, OkpPublicJwk } from '@consent-ledger/protocol';
import { CommandError } from './args';
import { dataFolderName, dataPaths, ensureDataDir, loadOrCreateKeyFile } from './data';
import { databaseUrl, postgresIdentity, sharedJwks, sharedKey } from './postgres';

/** What `serve` signs with, the keys it still publishes, and the lock electing one integrator among collectors. */
export interface ServeIdentity {
  key: CollectorKey;
  retired?: OkpPublicJwk[];
  integratorLock?: IntegratorLock;
}

/** The ledger and signing key of one deployment. */
export interface LedgerBackend {
  /** `sqlite` (the data folder's ledger.db) or `postgres` (DATABASE_URL). */
  kind: 'sqlite' | 'postgres';
  /** Opens the ledger (on SQLite created and migrated when needed, its writes on `writerWorker`'s thread when given). */
  openStore(options?: { writerWorker?: URL }): LedgerStore;
  /** The signing key under `name`, created on first use (what notices are signed with). */
  signingKey(name: string): Promise<CollectorKey>;
  /** Whether a signing key exists (exporting keys must not mint one that never signed anything). */
  hasKey(): boolean;
  /** The JWKS /v1/keys serves and an export embeds, under `name` (retired keys too). */
  jwks(name: string): Promise<Jwks>;
  /** `serve`'s key under `requested` (`--name`) or, when null, the deployment's recorded name, else `fallback` (then recorded). */
  identity(requested: string | null, fallback: string): Promise<ServeIdentity>;
  /** Makes a new key the one signing, retiring the current one (PostgreSQL only). */
  rotateKey(): Promise<{ kid: string; retired: string[] }>;
}

/** The backend of the data folder `data`, or DATABASE_URL's PostgreSQL when it is set. */
export function ledgerBackend(data: string, env: NodeJS.ProcessEnv = process.env): LedgerBackend {
  const url = databaseUrl(env);
  return url ? postgresBackend(data, url) : sqliteBackend(data);
}

function sqliteBackend(data: string): LedgerBackend {
  const paths = dataPaths(data);
  const signingKey = (name: string) => {
    ensureDataDir(data);
    return loadOrCreateKeyFile(paths.key, name, 'collector key');
  };
  return {
    kind: 'sqlite',
    openStore(options = {}) {
      ensureDataDir(data);
      try {
        return openSqliteStore(paths.ledger, options);
      } catch (error) {
        throw new CommandError(`cannot open the ledger ${paths.ledger}: ${(error as Error).message}`);
      }
    },
    signingKey,
    hasKey: () => existsSync(paths.key),
    jwks: async (name) => collectorJwks(await signingKey(name)),
    identity: async (requested, fallback) => {
      ensureDataDir(data);
      const name = await dataFolderName(data, requested, fallback, () => openSqliteStore(paths.ledger));
      return { key: await signingKey(name) };
    },
    async rotateKey() {
      throw new CommandError('keys rotate works on the key shared through PostgreSQL: set DATABASE_URL');
    },
  };
}

function postgresBackend(data: string, url: string): LedgerBackend {
  // A key file already in the data folder seeds the database's key (a SQLite deployment moving over).
  const keyFile = dataPaths(data).key;
  return {
    kind: 'postgres',
    openStore() {
      ensureDataDir(data);
      return createPostgresStore(url);
    },
    signingKey(name) {
      ensureDataDir(data);
      return sharedKey(url, keyFile, name);
    },
    // The database makes its key on first use, from the data folder's when there is one.
    hasKey: () => true,
    jwks: (name) => sharedJwks(url, keyFile, name),
    identity: (requested, fallback) => postgresIdentity(url, keyFile, requested, fallback),
    async rotateKey() {
      const store = await openPostgresStore(url, { maxConnections: 1 });
      try {
        return await rotateSigningKey(store, await createCollectorKeyJwk(), new Date().toISOString());
      } finally {
        await store.close();
      }
    },
  };
}
