// Redactions made before redaction entries existed left stubs that no signed entry covers, so
// `verify` fails them exactly as it fails a forged stub. This one-time step attests them: for each
// group of uncovered stubs sharing a reason and time, the collector appends a redaction entry
// saying so (`legacy: { attestedAt }`, no request: an erasure's request was not kept). Every
// redaction since then comes with its entry in the same transaction, so once a log is attested
// there is nothing left to find: the store marks it, and later runs do not read it again (a log
// created since is born marked). A second collector running it at the same time only adds a
// redundant entry.
import {
  base64urlDecode,
  base64urlEncode,
  type CollectorSigningKey,
  fromUtf8,
  indexRanges,
  leafHash,
  type RedactionReason,
  rangesCover,
  signRedaction,
  validateRedactionStatement,
} from '@consent-ledger/protocol';
import type { EntryRecord, LedgerStore } from './store/types';

/** Entries read per page while scanning a log. */
const PAGE = 1000;

/** How many legacy redacted entries were attested in one site's log. */
export interface AttestedCount {
  site: string;
  attested: number;
}

/** What a log's scan found: each uncovered stub's index by reason and time, and the ranges entries cover. */
interface Scan {
  stubs: Map<string, number[]>;
  covers: Map<string, Array<Array<[number, number]>>>;
}

const groupKey = (reason: string, at: string) => `${reason}\n${at}`;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function scanEntry(scan: Scan, entry: EntryRecord): void {
  if (entry.kind === 'redaction' && entry.jws) {
    const payload = JSON.parse(fromUtf8(base64urlDecode(entry.jws.split('.')[1])));
    const statement = validateRedactionStatement(payload);
    if (!statement.ok) throw new Error(`redaction entry ${entry.index}: ${statement.error.message}`);
    push(scan.covers, groupKey(statement.value.reason, statement.value.at), statement.value.indexes);
  } else if (entry.kind === 'receipt' && entry.redacted) {
    push(scan.stubs, groupKey(entry.redacted.reason, entry.redacted.at), entry.index);
  }
}

/**
 * Reads a site's whole log, to its current end. A redaction entry is committed with its stubs, so
 * it is read once they have been: the scan never takes a new redaction for a legacy one.
 */
async function scanLog(store: LedgerStore, site: string, pause: () => Promise<void>): Promise<Scan> {
  const scan: Scan = { stubs: new Map(), covers: new Map() };
  let from = 0;
  for (;;) {
    const page = await store.readEntries(site, from, PAGE);
    if (page.length === 0) break;
    for (const entry of page) scanEntry(scan, entry);
    from = page[page.length - 1].index + 1;
    await pause();
  }
  return scan;
}

/**
 * Appends a legacy attestation for every redacted receipt no redaction entry covers, in each log the
 * store has not marked attested (deleted sites' included), then marks it; `pause` runs between
 * pages (serve yields to requests there). Answers a count per log scanned.
 */
export async function attestLegacyRedactions(
  store: LedgerStore,
  key: CollectorSigningKey,
  now: number,
  pause: () => Promise<void> = async () => {},
): Promise<AttestedCount[]> {
  const attestedAt = new Date(now).toISOString();
  const counts: AttestedCount[] = [];
  for (const site of await store.logsNotAttested()) {
    const scan = await scanLog(store, site, pause);
    let attested = 0;
    for (const [group, indexes] of scan.stubs) {
      const covers = scan.covers.get(group) ?? [];
      const uncovered = indexes.filter((index) => !covers.some((ranges) => rangesCover(ranges, index)));
      if (uncovered.length === 0) continue;
      const [reason, at] = group.split('\n') as [RedactionReason, string];
      const jws = await signRedaction(
        {
          v: 1,
          site,
          reason,
          at,
          indexes: indexRanges(uncovered),
          request: null,
          // never before `at`, even if the clock went back since
          legacy: { attestedAt: [at, attestedAt].sort()[1] },
        },
        key,
      );
      // No id to redact: the stubs are already redacted; the entry is appended, received now.
      await store.redactEntries(
        site,
        [],
        { at: attestedAt, reason },
        { jws, leafHash: base64urlEncode(leafHash(jws)) },
      );
      attested += uncovered.length;
    }
    await store.markLogAttested(site, attestedAt);
    counts.push({ site, attested });
  }
  return counts;
}
