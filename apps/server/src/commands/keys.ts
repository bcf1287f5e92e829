// `consent-ledger keys rotate`: with DATABASE_URL, makes a new signing key the one every collector
// on the database signs with, and retires the old one (still listed in /v1/keys, so old acks and
// checkpoints keep verifying; its private half is deleted). Collectors pick the new key up when
// restarted, and until then keep signing with the old one, which stays valid.
import { createCollectorKeyJwk } from '@consent-ledger/collector';
import { openPostgresStore, rotateSigningKey } from '@consent-ledger/collector/postgres';
import { CommandError, parse, UsageError } from '../args';
import { databaseUrl } from '../postgres';

export const KEYS_USAGE = 'DATABASE_URL=postgres://… consent-ledger keys rotate';

/** Runs `keys rotate`; resolves with the exit code. */
export async function keysCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'rotate')
    throw new UsageError(action ? `unknown keys action "${action}"` : 'keys needs an action: rotate');
  const { positionals } = parse(rest, {});
  if (positionals.length > 0) throw new UsageError('keys rotate takes no argument');
  const url = databaseUrl();
  if (!url) throw new CommandError('keys rotate works on the key shared through PostgreSQL: set DATABASE_URL');
  const store = await openPostgresStore(url, { maxConnections: 1 });
  try {
    const { kid, retired } = await rotateSigningKey(store, await createCollectorKeyJwk(), new Date().toISOString());
    console.log(kid);
    console.error(
      `new signing key ${kid}${retired.length ? `, retired ${retired.join(', ')}` : ''}: restart every consent-ledger serve on this database to sign with it`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
