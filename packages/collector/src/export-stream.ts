// Exports of a site's log, produced page by page so memory stays flat whatever the log's size:
// NDJSON in docs/design.md's export format (verifiable offline with protocol's verifyExport), and CSV
// for spreadsheets. The HTTP route and the CLI's `export` share these generators.
import {
  type CollectorSigningKey,
  decodeJws,
  type ExportHeader,
  fromUtf8,
  type Jwks,
  LineChain,
  type Notice,
  type PartialExportHeader,
  signExportStatement,
} from '@consent-ledger/protocol';
import { proofWriter } from './export-proofs';
import { withProofs } from './store/export-lines';
import type { CheckpointRecord, EntryRecord, LedgerStore, PartialExportCursor } from './store/types';

/** Entries read per store call. */
const PAGE = 1000;

/** What to export: the whole log at its latest checkpoint, or the entries received in [from, to) and every notice. */
export interface ExportRange {
  from?: string;
  to?: string;
}

/** An export ready to stream: its header and its body chunks (several lines each, newline-terminated). */
export interface PreparedExport {
  header: ExportHeader | PartialExportHeader;
  checkpoint: CheckpointRecord;
  /** Entries the body holds at most (the tree size). */
  treeSize: number;
  /** Body chunks: bytes (NDJSON) or text (CSV). */
  chunks(): AsyncGenerator<Uint8Array | string>;
}

/** What paging and range filters look at in an entry. */
type Positioned = Pick<EntryRecord, 'index' | 'kind' | 'receivedAt'>;

/** Entries of the tree, in index order, page by page, read with `read`; those outside `keep` skipped. */
async function* pages<E extends Positioned>(
  read: (from: number, limit: number) => Promise<E[]>,
  site: string,
  size: number,
  keep?: (e: E) => boolean,
): AsyncGenerator<E[]> {
  for (let from = 0; from < size; ) {
    const page = await read(from, Math.min(PAGE, size - from));
    if (page.length === 0) throw new Error(`the log of "${site}" ends at ${from}, before its checkpoint's ${size}`);
    from = page[page.length - 1].index + 1;
    yield keep ? page.filter(keep) : page;
  }
}

const encoder = new TextEncoder();

/** True when `e` belongs to a partial export of `range`: every notice and redaction entry, and receipts received in it. */
function inRange(range: ExportRange): (e: Positioned) => boolean {
  return (e) =>
    e.kind !== 'receipt' ||
    ((range.from === undefined || e.receivedAt >= range.from) && (range.to === undefined || e.receivedAt < range.to));
}

/** Who an export is from: the JWKS its header lists, and the key that signs a partial export's statement. */
export interface ExportSigner {
  keys: Jwks;
  key: CollectorSigningKey;
  /** The collector clock (ms), for the statement's `exportedAt`. */
  clock?: () => number;
}

/**
 * Prepares an NDJSON export (format 2) at the latest checkpoint (null when the log has none yet).
 * With a range, the header carries `range`, each line its inclusion proof against that checkpoint,
 * and a last line the statement signed by `signer.key` of the range, line count and line hash.
 */
export async function prepareNdjsonExport(
  store: LedgerStore,
  site: string,
  signer: ExportSigner,
  range: ExportRange = {},
): Promise<PreparedExport | null> {
  const checkpoint = await store.latestCheckpoint(site);
  if (!checkpoint) return null;
  const treeSize = checkpoint.size;
  const partial = range.from !== undefined || range.to !== undefined;
  const base: ExportHeader = { v: 2, site, checkpoint: checkpoint.note, treeSize, keys: signer.keys };
  const header: ExportHeader | PartialExportHeader = partial
    ? { ...base, range: { from: range.from ?? null, to: range.to ?? null } }
    : base;
  return {
    header,
    checkpoint,
    treeSize,
    async *chunks() {
      yield encoder.encode(`${JSON.stringify(header)}\n`);
      if (!partial) {
        // The store builds the lines: one chunk of bytes per page, copied nowhere on the way out.
        for (let from = 0; from < treeSize; ) {
          const page = await store.audit.readExportLines(site, from, Math.min(PAGE, treeSize - from));
          if (page.count === 0)
            throw new Error(`the log of "${site}" ends at ${from}, before its checkpoint's ${treeSize}`);
          from += page.count;
          yield page.bytes;
        }
        return;
      }
      // The store builds the lines of the range, and this adds each one's proof and chains it.
      const proofsOf = proofWriter(store, site, treeSize);
      const chain = new LineChain();
      const query = { from: range.from, to: range.to, size: treeSize };
      let cursor: PartialExportCursor | null = null;
      do {
        const page = await store.audit.readPartialExportLines(site, query, cursor, PAGE);
        if (page.indexes.length > 0) {
          const { proofs, leaves } = await proofsOf(page.indexes);
          for (const [i, index] of page.indexes.entries()) chain.add(index, leaves[i]);
          yield withProofs(page, proofs);
        }
        cursor = page.next;
      } while (cursor);
      const statement = await signExportStatement(
        {
          v: 1,
          site,
          treeSize,
          rootHash: checkpoint.rootHash,
          range: { from: range.from ?? null, to: range.to ?? null },
          lines: chain.count,
          lineHash: chain.value,
          exportedAt: new Date((signer.clock ?? Date.now)()).toISOString(),
        },
        signer.key,
      );
      yield encoder.encode(`${JSON.stringify({ statement })}\n`);
    },
  };
}

const CSV_COLUMNS = [
  'index',
  'kind',
  'id',
  'received_at',
  'subject',
  'method',
  'revision',
  'language',
  'text_hash',
  'issued_at',
  'page',
  'prev',
  'leaf_hash',
  'ip',
  'user_agent',
  'redacted_at',
  'redacted_reason',
];

/** C0 and C1 controls and DEL: nothing a reader should see in a cell; NUL cuts a cell short in many readers. */
const CONTROLS = /\p{Cc}/gu;
/** What makes a spreadsheet read a cell as a formula (OWASP's list, and the full-width forms some evaluate). */
const FORMULA_START = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV cell (RFC 4180 quoting). Free text (page, user agent: written by visitors' browsers)
 * has control characters replaced by U+FFFD, and is prefixed with `'` where a spreadsheet would
 * run it as a formula. The CSV is for reading; the NDJSON export carries the exact bytes.
 */
export function csvCell(value: string | number | null, freeText = false): string {
  if (value === null) return '';
  let text = String(value);
  if (freeText) {
    text = text.replace(CONTROLS, '\ufffd');
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The purposes any notice of the log asks, in first-seen order (the CSV's choice columns). */
async function noticePurposes(store: LedgerStore, site: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const n of await store.listNotices(site)) {
    if (n.jws === null) continue;
    const decoded = decodeJws(n.jws);
    if (!decoded.ok) continue;
    const notice = JSON.parse(fromUtf8(decoded.value.payload)) as Notice;
    for (const p of notice.purposes) if (p.id !== 'necessary') ids.add(p.id);
  }
  return [...ids];
}

/** Prepares a CSV export (one row per entry, a column per purpose) at the latest checkpoint, or of a range; null without a checkpoint. */
export async function prepareCsvExport(
  store: LedgerStore,
  site: string,
  range: ExportRange = {},
): Promise<PreparedExport | null> {
  const checkpoint = await store.latestCheckpoint(site);
  if (!checkpoint) return null;
  const purposes = await noticePurposes(store, site);
  const partial = range.from !== undefined || range.to !== undefined;
  const treeSize = checkpoint.size;
  return {
    header: { site, checkpoint: checkpoint.note, treeSize, keys: { keys: [] } },
    checkpoint,
    treeSize,
    async *chunks() {
      yield `${[...CSV_COLUMNS, ...purposes.map((p) => `choice_${p}`)].join(',')}\r\n`;
      const read = (from: number, limit: number) => store.readEntries(site, from, limit);
      for await (const page of pages<EntryRecord>(read, site, treeSize, partial ? inRange(range) : undefined)) {
        let chunk = '';
        for (const e of page) {
          const row = [
            csvCell(e.index),
            csvCell(e.kind),
            csvCell(e.id),
            csvCell(e.receivedAt),
            csvCell(e.subject),
            csvCell(e.method),
            csvCell(e.revision),
            csvCell(e.language),
            csvCell(e.textHash),
            csvCell(e.issuedAt),
            csvCell(e.page, true),
            csvCell(e.prev),
            csvCell(e.leafHash),
            csvCell(e.ip),
            csvCell(e.userAgent, true),
            csvCell(e.redacted?.at ?? null),
            csvCell(e.redacted?.reason ?? null),
            ...purposes.map((p) => csvCell(e.choices?.[p] ?? null)),
          ];
          chunk += `${row.join(',')}\r\n`;
        }
        if (chunk) yield chunk;
      }
    },
  };
}

/** A byte stream pulling from `chunks` only as fast as the reader reads (backpressure keeps memory flat). */
export function streamOf(chunks: AsyncGenerator<Uint8Array | string>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
