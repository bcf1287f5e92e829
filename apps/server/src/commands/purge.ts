// `consent-ledger purge`: redacts receipts older than their site's `retentionDays` (payload, IP
// and user agent go; leaf hashes stay, so the log still verifies). `serve` also runs it hourly.
// First it attests redactions made before redaction entries existed (once; `serve` does it at start).
import { attestLegacyRedactions, purgeExpired } from '@consent-ledger/collector';
import { parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';

export const PURGE_USAGE = 'consent-ledger purge [--data DIR]';

/** Runs `purge`; resolves with the exit code. */
export async function purgeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('purge takes no positional argument');
  const backend = ledgerBackend(values.data ?? './data');
  const store = backend.openStore();
  try {
    // The name only labels checkpoint signatures; the redaction entries are signed under the key's kid.
    const key = await backend.signingKey('consent-ledger');
    for (const { site, attested } of await attestLegacyRedactions(store, key, Date.now()))
      if (attested > 0) console.log(`${site}: ${attested} legacy redaction(s) attested`);
    for (const { site, redacted } of await purgeExpired(store, key, Date.now()))
      console.log(`${site}: ${redacted} receipt(s) redacted`);
    return 0;
  } finally {
    await store.close();
  }
}
