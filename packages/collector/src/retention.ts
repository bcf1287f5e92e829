// The collector's own data-protection duties: receipts older than their site's `retentionDays`
// are redacted, and a visitor may have all their receipts redacted (erasure). Redaction keeps each
// entry's leaf hash, so trees, proofs and exports still verify; the entry says when and why.
import type { LedgerStore } from './store/types';

/** Receipts redacted per store call. */
const BATCH = 1000;
const DAY_MS = 86_400_000;

/** How many receipts one purge or erasure redacted in one site's log. */
export interface RedactedCount {
  site: string;
  redacted: number;
}

/** Redacts every receipt received more than `retentionDays` before `now` (ms), in every site's log, deleted sites included. */
export async function purgeExpired(store: LedgerStore, now: number): Promise<RedactedCount[]> {
  const at = new Date(now).toISOString();
  const counts: RedactedCount[] = [];
  for (const site of await store.listSites({ includeDeleted: true })) {
    const before = new Date(now - site.config.retentionDays * DAY_MS).toISOString();
    let redacted = 0;
    for (;;) {
      const ids = await store.expiredReceiptIds(site.site, before, BATCH);
      if (ids.length === 0) break;
      const changed = await store.redactEntries(site.site, ids, { at, reason: 'retention' });
      redacted += changed;
      // Another process redacted them meanwhile: the next lookup moves on.
      if (changed === 0 && ids.length < BATCH) break;
    }
    counts.push({ site: site.site, redacted });
  }
  return counts;
}

/** Redacts every receipt of `subject` in every site's log (the visitor's erasure request). */
export async function eraseSubject(store: LedgerStore, subject: string, at: string): Promise<RedactedCount[]> {
  const counts: RedactedCount[] = [];
  for (const site of await store.listSites({ includeDeleted: true })) {
    const ids = (await store.subjectEntries(site.site, subject))
      .filter((e) => e.kind === 'receipt' && !e.redacted)
      .map((e) => e.id);
    if (ids.length > 0)
      counts.push({ site: site.site, redacted: await store.redactEntries(site.site, ids, { at, reason: 'erasure' }) });
  }
  return counts;
}

/** Runs `purgeExpired` every `intervalMs` until stopped; failures are logged and retried next time. */
export function startRetentionJob(options: {
  store: LedgerStore;
  clock: () => number;
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpired(options.store, options.clock())
      .then((counts) => {
        const total = counts.reduce((n, c) => n + c.redacted, 0);
        if (total > 0) options.log(`retention: redacted ${total} receipts`);
      })
      .catch((error) => options.log('retention purge failed:', error));
  }, options.intervalMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
