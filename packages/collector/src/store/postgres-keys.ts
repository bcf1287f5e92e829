// The signing identity shared by every collector on one PostgreSQL database: the current Ed25519
// key (private JWK), the retired public keys that keep old checkpoints and acks verifiable, and
// the collector name (the note key name in every checkpoint origin). Kept in the database rather
// than in each process's --data folder, so a new process can never sign with a key or a name of
// its own. A retired key loses its private half; only its public JWK stays, listed in /v1/keys.
import { jwkThumbprint, type OkpPublicJwk } from '@consent-ledger/protocol';
import type pg from 'pg';
import type { PrivateOkpJwk } from '../keys';

/** What the keys need of the PostgreSQL store (not the store itself: postgres.ts re-exports this file). */
export interface PostgresQueries {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

/** The keys as the database holds them (names are added by whoever publishes them). */
export interface SharedKeys {
  current: PrivateOkpJwk;
  /** Public keys retired by rotations, newest first. */
  retired: OkpPublicJwk[];
}

interface KeyRow {
  public_jwk: string;
  private_jwk: string | null;
}

function thumbprint(jwk: PrivateOkpJwk): string {
  return jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
}

/** Loads the shared keys, storing `create()`'s key when the database has none (the first collector to start wins). */
export async function sharedSigningKeys(
  store: PostgresQueries,
  create: () => Promise<PrivateOkpJwk>,
  at: string,
): Promise<SharedKeys> {
  let rows = await keyRows(store);
  if (!rows.some((r) => r.private_jwk !== null)) {
    const jwk = await create();
    // The partial unique index admits one current key: of two collectors starting together, one inserts.
    await store.query(
      'INSERT INTO collector_keys (kid, public_jwk, private_jwk, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [thumbprint(jwk), JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }), JSON.stringify(jwk), at],
    );
    rows = await keyRows(store);
  }
  const current = rows.find((r) => r.private_jwk !== null)!;
  return {
    current: JSON.parse(current.private_jwk!) as PrivateOkpJwk,
    retired: rows.filter((r) => r !== current).map((r) => JSON.parse(r.public_jwk) as OkpPublicJwk),
  };
}

/**
 * The collector name every `serve` on this database signs as: the first to start records its
 * own; later ones take it, and one told another name (`--name`) refuses to start.
 */
export async function claimCollectorName(
  store: PostgresQueries,
  requested: string | null,
  fallback: string,
  at: string,
): Promise<string> {
  await store.query('INSERT INTO collector_identity (name, claimed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    requested ?? fallback,
    at,
  ]);
  const { rows } = await store.query<{ name: string }>('SELECT name FROM collector_identity');
  const name = rows[0].name;
  if (requested !== null && requested !== name) {
    throw new Error(
      `collectors sharing one database sign as one: this database signs as "${name}", not "${requested}" (pass --name ${name}, or none)`,
    );
  }
  return name;
}

/**
 * Makes `next` the current key and retires the current one, dropping its private half. Running
 * collectors keep signing with the key they loaded until restarted (their acks and checkpoints
 * stay valid: the old key remains listed); restart them all so that every /v1/keys lists the new one.
 */
export async function rotateSigningKey(
  store: PostgresQueries,
  next: PrivateOkpJwk,
  at: string,
): Promise<{ kid: string; retired: string[] }> {
  return store.transaction(async (c) => {
    const { rows } = await c.query<{ kid: string }>(
      'UPDATE collector_keys SET private_jwk = NULL, retired_at = $1 WHERE private_jwk IS NOT NULL RETURNING kid',
      [at],
    );
    const kid = thumbprint(next);
    await c.query('INSERT INTO collector_keys (kid, public_jwk, private_jwk, created_at) VALUES ($1, $2, $3, $4)', [
      kid,
      JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: next.x }),
      JSON.stringify(next),
      at,
    ]);
    return { kid, retired: rows.map((r) => r.kid) };
  });
}

async function keyRows(store: PostgresQueries): Promise<KeyRow[]> {
  const { rows } = await store.query<KeyRow>(
    'SELECT public_jwk, private_jwk FROM collector_keys ORDER BY created_at DESC, kid',
  );
  return rows;
}
