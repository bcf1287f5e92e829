// `consent-ledger purge`: redacts receipts older than their site's `retentionDays` (payload, IP
// and user agent go; leaf hashes stay, so the log still verifies). `serve` also runs it hourly.
import { purgeExpired } from '@consent-ledger/collector';
import { parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';

export const PURGE_USAGE = 'consent-ledger purge [--data DIR]';

/** Runs `purge`; resolves with the exit code. */
export async function purgeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('purge takes no positional argument');
  const store = ledgerBackend(values.data ?? './data').openStore();
  try {
    for (const { site, redacted } of await purgeExpired(store, Date.now()))
      console.log(`${site}: ${redacted} receipt(s) redacted`);
    return 0;
  } finally {
    await store.close();
  }
}
