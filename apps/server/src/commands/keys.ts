// `consent-ledger keys export`: the collector's public keys, the JWKS GET /v1/keys serves, as the file
// `verify --keys` takes, read from the data folder (or DATABASE_URL) without a running server.
// `consent-ledger keys rotate`: with DATABASE_URL, makes a new signing key the one every collector
// on the database signs with, and retires the old one (still listed in /v1/keys, so old acks and
// checkpoints keep verifying; its private half is deleted). Collectors pick the new key up when
// restarted, and until then keep signing with the old one, which stays valid.
import { writeFileSync } from 'node:fs';
import { CommandError, parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';
import { checkpointSignerName, dataPaths } from '../data';

export const KEYS_USAGE =
  'consent-ledger keys export [--out keys.json] [--data DIR]   (the JWKS of GET /v1/keys, for verify --keys)\nDATABASE_URL=postgres://… consent-ledger keys rotate';

/** Runs `keys rotate`; resolves with the exit code. */
export async function keysCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'export') return keysExport(rest);
  if (action !== 'rotate')
    throw new UsageError(action ? `unknown keys action "${action}"` : 'keys needs an action: export or rotate');
  const { positionals } = parse(rest, {});
  if (positionals.length > 0) throw new UsageError('keys rotate takes no argument');
  const { kid, retired } = await ledgerBackend('./data').rotateKey();
  console.log(kid);
  console.error(
    `new signing key ${kid}${retired.length ? `, retired ${retired.join(', ')}` : ''}: restart every consent-ledger serve on this database to sign with it`,
  );
  return 0;
}

/** Runs `keys export`: the JWKS under the name the log's checkpoints are signed with, so it matches /v1/keys. */
async function keysExport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, data: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('keys export takes no positional argument');
  const data = values.data ?? './data';
  const backend = ledgerBackend(data);
  // Exporting must not mint a key that never signed anything.
  if (!backend.hasKey())
    throw new CommandError(`no collector key in ${dataPaths(data).dir} (run serve or sites put on it first)`);
  const store = backend.openStore();
  let name: string | undefined;
  try {
    name = await checkpointSignerName(store);
  } finally {
    await store.close();
  }
  const text = `${JSON.stringify(await backend.jwks(name ?? 'consent-ledger'), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  if (values.out) console.error(`keys written to ${values.out}`);
  return 0;
}
