// The collector's own data-protection duties: receipts older than their site's `retentionDays`
// are redacted, and a visitor may have all their receipts redacted (erasure). Redaction keeps each
// entry's leaf hash, so trees, proofs and exports still verify; the entry says when and why, and a
// signed redaction entry appended in the same transaction proves it (which indexes, why, when, on
// whose request), so that nobody else can pass a receipt off as redacted.
import {
  base64urlEncode,
  type CollectorSigningKey,
  indexRanges,
  leafHash,
  type RedactionStatement,
  signRedaction,
} from '@consent-ledger/protocol';
import { attestLegacyRedactions } from './legacy-redactions';
import type { LedgerStore } from './store/types';

/** Receipts redacted per store call. */
const BATCH = 1000;
const DAY_MS = 86_400_000;

/** How many receipts one purge or erasure redacted in one site's log. */
export interface RedactedCount {
  site: string;
  redacted: number;
}

/** Redacts entries of one site's log (by id) with a signed redaction entry naming their indexes; how many changed. */
export async function redactWithEntry(
  store: LedgerStore,
  key: CollectorSigningKey,
  site: string,
  entries: Array<{ id: string; index: number }>,
  statement: Omit<RedactionStatement, 'v' | 'site' | 'indexes'>,
): Promise<number> {
  const jws = await signRedaction({ v: 1, site, indexes: indexRanges(entries.map((e) => e.index)), ...statement }, key);
  return store.redactEntries(
    site,
    entries.map((e) => e.id),
    { at: statement.at, reason: statement.reason },
    { jws, leafHash: base64urlEncode(leafHash(jws)) },
  );
}

/** Redacts every receipt received more than `retentionDays` before `now` (ms), in every site's log, deleted sites included. */
export async function purgeExpired(
  store: LedgerStore,
  key: CollectorSigningKey,
  now: number,
): Promise<RedactedCount[]> {
  const at = new Date(now).toISOString();
  const counts: RedactedCount[] = [];
  for (const site of await store.listSites({ includeDeleted: true })) {
    const before = new Date(now - site.config.retentionDays * DAY_MS).toISOString();
    let redacted = 0;
    for (;;) {
      const ids = await store.audit.expiredReceiptIds(site.site, before, BATCH);
      if (ids.length === 0) break;
      const entries: Array<{ id: string; index: number }> = [];
      for (const id of ids) {
        const entry = await store.getEntry(site.site, id);
        if (entry && !entry.redacted) entries.push({ id, index: entry.index });
      }
      const changed =
        entries.length === 0
          ? 0
          : await redactWithEntry(store, key, site.site, entries, { reason: 'retention', at, request: null });
      redacted += changed;
      // Another process redacted them meanwhile: the next lookup moves on.
      if (changed === 0 && ids.length < BATCH) break;
    }
    counts.push({ site: site.site, redacted });
  }
  return counts;
}

/** Redacts every receipt of `subject` in every site's log on the visitor's request (`dpop`: their signed DELETE). */
export async function eraseSubject(
  store: LedgerStore,
  key: CollectorSigningKey,
  request: { subject: string; dpop: string },
  at: string,
): Promise<RedactedCount[]> {
  const counts: RedactedCount[] = [];
  for (const site of await store.listSites({ includeDeleted: true })) {
    const entries = (await store.audit.subjectEntries(site.site, request.subject)).filter(
      (e) => e.kind === 'receipt' && !e.redacted,
    );
    if (entries.length > 0)
      counts.push({
        site: site.site,
        redacted: await redactWithEntry(store, key, site.site, entries, { reason: 'erasure', at, request }),
      });
  }
  return counts;
}

/**
 * Attests legacy redactions once, in the background (`attestLegacyRedactions`), then runs
 * `purgeExpired` every `intervalMs` until stopped; failures are logged and retried next time.
 */
export function startRetentionJob(options: {
  store: LedgerStore;
  key: CollectorSigningKey;
  clock: () => number;
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
}): { stop(): Promise<void> } {
  let stopped = false;
  // Between pages of the scan, requests are served and a stop is heard.
  const pause = () =>
    new Promise<void>((resolve, reject) => setImmediate(() => (stopped ? reject(new Error('stopped')) : resolve())));
  let running: Promise<unknown> = attestLegacyRedactions(options.store, options.key, options.clock(), pause)
    .then((counts) => {
      for (const { site, attested } of counts)
        if (attested > 0) options.log(`retention: attested ${attested} legacy redactions in ${site}'s log`);
    })
    .catch((error) => {
      if (!stopped) options.log('legacy redaction attestation failed:', error);
    });
  const timer = setInterval(() => {
    running = running
      .then(() => purgeExpired(options.store, options.key, options.clock()))
      .then((counts) => {
        const total = counts.reduce((n, c) => n + c.redacted, 0);
        if (total > 0) options.log(`retention: redacted ${total} receipts`);
      })
      .catch((error) => options.log('retention purge failed:', error));
  }, options.intervalMs);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
