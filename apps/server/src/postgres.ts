// `DATABASE_URL=postgres://…`: every command keeps its ledger in PostgreSQL instead of the SQLite
// file of --data, and every collector on that database signs with the key (and, for `serve`, the
// name) the database holds. An existing key file in --data seeds the database on first use, so a
// SQLite deployment moving to PostgreSQL keeps its key.
import { existsSync, readFileSync } from 'node:fs';
import {
  type CollectorKey,
  collectorJwks,
  createCollectorKeyJwk,
  type IntegratorLock,
  loadCollectorKey,
  type PrivateOkpJwk,
} from '@consent-ledger/collector';
import {
  claimCollectorName,
  openPostgresStore,
  PostgresIntegratorLock,
  sharedSigningKeys,
} from '@consent-ledger/collector/postgres';
import { type Jwks, jwkThumbprint, type OkpPublicJwk } from '@consent-ledger/protocol';
import { CommandError } from './args';

/** The PostgreSQL URL when DATABASE_URL selects PostgreSQL, else null (SQLite in --data). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.DATABASE_URL;
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new CommandError('DATABASE_URL must be a postgres:// (or postgresql://) URL');
  return url;
}

/** What `serve` signs with on PostgreSQL, and the lock that elects its one integrator. */
export interface PostgresIdentity {
  key: CollectorKey;
  retired: OkpPublicJwk[];
  integratorLock: IntegratorLock;
}

/** The key a data folder already holds (moving from SQLite), else a new one. */
function seedKey(keyFile: string): () => Promise<PrivateOkpJwk> {
  return async () =>
    existsSync(keyFile) ? (JSON.parse(readFileSync(keyFile, 'utf8')) as PrivateOkpJwk) : createCollectorKeyJwk();
}

/** Loads the database's shared key under `name`, for commands that sign (notices) but do not claim the name. */
export async function sharedKey(url: string, keyFile: string, name: string): Promise<CollectorKey> {
  return (await sharedKeys(url, keyFile, name)).key;
}

/** The JWKS every collector on the database publishes, under `name` (what an export embeds). */
export async function sharedJwks(url: string, keyFile: string, name: string): Promise<Jwks> {
  const { key, retired } = await sharedKeys(url, keyFile, name);
  return collectorJwks(key, retired);
}

async function sharedKeys(
  url: string,
  keyFile: string,
  name: string,
): Promise<{ key: CollectorKey; retired: OkpPublicJwk[] }> {
  const store = await openPostgresStore(url, { maxConnections: 1 });
  try {
    const keys = await sharedSigningKeys(store, seedKey(keyFile), new Date().toISOString());
    return { key: await loadCollectorKey(keys.current, name), retired: published(keys.retired, name) };
  } finally {
    await store.close();
  }
}

/** Retired public keys as /v1/keys lists them. */
function published(retired: OkpPublicJwk[], name: string): OkpPublicJwk[] {
  return retired.map((jwk) => ({ ...jwk, kid: jwkThumbprint(jwk), name, alg: 'EdDSA' as const, use: 'sig' as const }));
}

/**
 * `serve` on PostgreSQL: the shared key, the shared name (`requested` is `--name`, or null to
 * take the database's, recording `fallback` when there is none yet) and the retired keys.
 */
export async function postgresIdentity(
  url: string,
  keyFile: string,
  requested: string | null,
  fallback: string,
): Promise<PostgresIdentity> {
  const store = await openPostgresStore(url, { maxConnections: 1 });
  try {
    const at = new Date().toISOString();
    const keys = await sharedSigningKeys(store, seedKey(keyFile), at);
    const name = await claimCollectorName(store, requested, fallback, at).catch((error: Error) => {
      throw new CommandError(error.message);
    });
    return {
      key: await loadCollectorKey(keys.current, name),
      retired: published(keys.retired, name),
      integratorLock: new PostgresIntegratorLock(url),
    };
  } finally {
    await store.close();
  }
}
