// A small Prometheus registry: what the ingest route counts and times, rendered in the text
// exposition format (version 0.0.4) with the store's per-site gauges at scrape time.
import type { LedgerStore } from './store/types';

/** Upper bounds (seconds) of the ingest latency histogram. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Counters and the latency histogram of the ingest route. */
export class Metrics {
  private readonly accepted = new Map<string, number>();
  private readonly refused = new Map<string, number>();
  private readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  private count = 0;
  private sum = 0;

  /** Receipts newly appended to `site`'s log (replays excluded). */
  receiptsAccepted(site: string, n: number): void {
    if (n > 0) this.accepted.set(site, (this.accepted.get(site) ?? 0) + n);
  }

  /** One refused ingest request, by error code. */
  receiptsRefused(code: string): void {
    this.refused.set(code, (this.refused.get(code) ?? 0) + 1);
  }

  /** One ingest request's duration, seconds. */
  observeIngest(seconds: number): void {
    this.count += 1;
    this.sum += seconds;
    const i = LATENCY_BUCKETS.findIndex((le) => seconds <= le);
    if (i >= 0) this.buckets[i] += 1;
  }

  /** The exposition text, with per-site entries and checkpoint age read from the store at `now` (ms). */
  async render(store: LedgerStore, now: number): Promise<string> {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family(
      'consent_ledger_receipts_accepted_total',
      'counter',
      'Receipts appended to a site log by this process (replays excluded).',
    );
    for (const [site, n] of this.accepted) out.push(`consent_ledger_receipts_accepted_total{site=${label(site)}} ${n}`);
    family('consent_ledger_receipts_refused_total', 'counter', 'Ingest requests refused, by error code.');
    for (const [code, n] of this.refused) out.push(`consent_ledger_receipts_refused_total{code=${label(code)}} ${n}`);
    family('consent_ledger_ingest_duration_seconds', 'histogram', 'Time to answer POST /v1/receipts, commit included.');
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((le, i) => {
      cumulative += this.buckets[i];
      out.push(`consent_ledger_ingest_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    out.push(`consent_ledger_ingest_duration_seconds_bucket{le="+Inf"} ${this.count}`);
    out.push(
      `consent_ledger_ingest_duration_seconds_sum ${this.sum}`,
      `consent_ledger_ingest_duration_seconds_count ${this.count}`,
    );
    const logs = await store.listLogs();
    family('consent_ledger_log_entries', 'gauge', 'Entries sequenced in a site log.');
    for (const log of logs) out.push(`consent_ledger_log_entries{site=${label(log.site)}} ${log.size}`);
    family('consent_ledger_log_integrated_entries', 'gauge', 'Entries integrated into a site tree.');
    for (const log of logs) out.push(`consent_ledger_log_integrated_entries{site=${label(log.site)}} ${log.treeSize}`);
    family('consent_ledger_seconds_since_last_checkpoint', 'gauge', "Age of a site log's latest checkpoint.");
    for (const log of logs) {
      const checkpoint = await store.latestCheckpoint(log.site);
      if (checkpoint)
        out.push(
          `consent_ledger_seconds_since_last_checkpoint{site=${label(log.site)}} ${Math.max(0, (now - Date.parse(checkpoint.createdAt)) / 1000)}`,
        );
    }
    return `${out.join('\n')}\n`;
  }
}

/** A quoted label value, escaped as the exposition format asks. */
function label(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
