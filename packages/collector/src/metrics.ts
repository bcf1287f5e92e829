// A small Prometheus registry: what the ingest route counts and times, rendered in the text
// exposition format (version 0.0.4) with the store's per-site gauges at scrape time.
import type { Cosigner } from './cosigner';
import type { CheckpointRecord, LedgerStore } from './store/types';
import { witnessStatus } from './witness-status';

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

  /** The exposition text, with per-site entries, checkpoint age and witnesses' standing read from the store at `now` (ms). */
  async render(
    store: LedgerStore,
    now: number,
    witnesses: { cosigner: Cosigner; quorum: number } | null = null,
  ): Promise<string> {
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
    const checkpoints = [];
    for (const log of logs) {
      const checkpoint = await store.latestCheckpoint(log.site);
      if (!checkpoint) continue;
      checkpoints.push(checkpoint);
      out.push(
        `consent_ledger_seconds_since_last_checkpoint{site=${label(log.site)}} ${Math.max(0, (now - Date.parse(checkpoint.createdAt)) / 1000)}`,
      );
    }
    if (witnesses) out.push(...(await witnessMetrics(store, now, witnesses, checkpoints)));
    return `${out.join('\n')}\n`;
  }
}

/** A quoted label value, escaped as the exposition format asks. */
function label(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The witness families: read from the store, so every collector on it reports the same, except the failures of this process's own submissions. */
async function witnessMetrics(
  store: LedgerStore,
  now: number,
  { cosigner, quorum }: { cosigner: Cosigner; quorum: number },
  checkpoints: CheckpointRecord[],
): Promise<string[]> {
  const out: string[] = [];
  const family = (name: string, type: string, help: string) =>
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  const cosigned: string[] = [];
  const behind: string[] = [];
  const reached: string[] = [];
  const since: string[] = [];
  for (const checkpoint of checkpoints) {
    const status = await witnessStatus(store, { endpoints: cosigner.witnesses, quorum }, checkpoint);
    const site = label(checkpoint.site);
    for (const w of status.witnesses) {
      const labels = `{site=${site},witness=${label(w.vkey)}}`;
      cosigned.push(`consent_ledger_witness_cosigned_size${labels} ${w.cosignedSize ?? 0}`);
      behind.push(`consent_ledger_witness_behind_entries${labels} ${w.behind}`);
      // Since the oldest checkpoint it lacks was signed: the same in every process, and across restarts.
      const oldest = w.behind > 0 ? await store.checkpointAfter(checkpoint.site, w.cosignedSize ?? 0) : null;
      since.push(
        `consent_ledger_witness_seconds_behind${labels} ${oldest ? Math.max(0, (now - Date.parse(oldest.createdAt)) / 1000) : 0}`,
      );
    }
    reached.push(`consent_ledger_witness_quorum_reached{site=${site}} ${status.quorumReached ? 1 : 0}`);
  }
  family(
    'consent_ledger_witness_quorum',
    'gauge',
    'Cosignatures that make a checkpoint witnessed (serve --witness-quorum).',
  );
  out.push(`consent_ledger_witness_quorum ${quorum}`);
  family('consent_ledger_witness_cosigned_size', 'gauge', 'The largest tree size a witness cosigned (0: none yet).');
  out.push(...cosigned);
  family(
    'consent_ledger_witness_behind_entries',
    'gauge',
    "Entries of a site's latest checkpoint a witness has not cosigned.",
  );
  out.push(...behind);
  family(
    'consent_ledger_witness_quorum_reached',
    'gauge',
    "1 when a site's latest checkpoint carries the quorum of cosignatures.",
  );
  out.push(...reached);
  family(
    'consent_ledger_witness_seconds_behind',
    'gauge',
    'How long the oldest checkpoint a witness has not cosigned has waited, seconds (0: caught up).',
  );
  out.push(...since);
  // Counted by the process that submitted (the integrator's, while it holds the lock); 0 in the others.
  family(
    'consent_ledger_witness_failures_total',
    'counter',
    'Submissions to a witness that failed in this process: unreachable (no answer) or refused (rollback, fork, 4xx).',
  );
  for (const f of cosigner.failures()) {
    out.push(
      `consent_ledger_witness_failures_total{witness=${label(f.witness)},reason="unreachable"} ${f.unreachable}`,
    );
    out.push(`consent_ledger_witness_failures_total{witness=${label(f.witness)},reason="refused"} ${f.refused}`);
  }
  return out;
}
