// The line of an entry in an NDJSON export (docs/design.md, Export), in its two forms: the reference,
// a JSON.stringify of the line's object (the contract tests), and the SQL that stores run to build
// whole pages of lines as bytes (a partial export, which adds each line's proof, also has where
// each line ends). An export reads many entries, and building their lines inside
// the database halves its cost: a few values per page cross into JavaScript instead of eight per
// entry. Keep both forms in step; the contract tests `readExportLines` and
// `readPartialExportLines` compare them byte for byte on every store.
import type { EntryRecord, PartialExportCursor, PartialExportLines } from './types';

/** What an export line reads of an entry. */
export type ExportEntry = Pick<EntryRecord, 'index' | 'kind' | 'leafHash' | 'jws' | 'ack' | 'receivedAt' | 'redacted'>;

/** The export line of an entry, newline-terminated, with its inclusion proof hashes when given (partial exports). */
export function exportLine(e: ExportEntry, proof?: string[]): string {
  const line =
    e.redacted || e.jws === null
      ? {
          index: e.index,
          kind: e.kind,
          leafHash: e.leafHash,
          redacted: e.redacted ?? { at: e.receivedAt, reason: 'redacted' },
        }
      : e.kind === 'receipt'
        ? { index: e.index, kind: e.kind, jws: e.jws, ack: e.ack ?? '' }
        : { index: e.index, kind: e.kind, jws: e.jws };
  return `${JSON.stringify(proof ? { ...line, proof } : line)}\n`;
}

/** A page of partial export lines as the store builds them, each with its inclusion proof added exactly as `exportLine(e, proof)` writes it. */
export function withProofs(page: Pick<PartialExportLines, 'bytes' | 'ends'>, proofs: string[][]): Uint8Array {
  // JSON.stringify writes the added key last, inside the closing brace; base64url needs no
  // escaping, so a join writes the array as JSON.stringify would. The lines' bytes are copied as
  // they are: no line is decoded or encoded again.
  const tails = proofs.map((proof) => `,"proof":${proof.length === 0 ? '[]' : `["${proof.join('","')}"]`}}\n`);
  let size = page.bytes.length;
  for (const tail of tails) size += tail.length - 2;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let start = 0;
  for (let i = 0; i < tails.length; i++) {
    const cut = page.ends[i] - 2; // before the line's closing brace and newline
    out.set(page.bytes.subarray(start, cut), at);
    at += cut - start;
    at += out.write(tails[i], at, 'latin1');
    start = page.ends[i];
  }
  return out;
}

/** The page of partial export lines a store's query answered: indexes and byte lengths of its lines, comma-separated (null when none), and their bytes. */
export function partialPage(
  indexes: string | null,
  lengths: string | null,
  bytes: Uint8Array,
  span: PartialExportCursor,
  limit: number,
): PartialExportLines {
  const page: PartialExportLines = {
    indexes: indexes === null ? [] : indexes.split(',').map(Number),
    bytes,
    ends: [],
    next: null,
  };
  let end = 0;
  if (lengths !== null)
    for (const length of lengths.split(',')) {
      end += Number(length);
      page.ends.push(end);
    }
  if (page.indexes.length === limit) page.next = { ...span, after: page.indexes[limit - 1] + 1 };
  return page;
}

/** How a store's SQL writes the two functions an export line needs. */
export interface ExportLineDialect {
  /** SQL turning a text expression into its JSON string literal, escaped as JSON.stringify escapes it. */
  quote(expr: string): string;
  /** SQL turning a bytes expression into unpadded base64url text. */
  base64url(expr: string): string;
}

/** The SQL expression of `exportLine` (without proof) over an `entries` row, newline included. */
export function exportLineSql({ quote, base64url }: ExportLineDialect): string {
  const start = `'{"index":' || idx || ',"kind":' || ${quote('kind')}`;
  const live = `${start} || ',"jws":' || ${quote('jws')} || CASE WHEN kind = 'receipt' THEN ',"ack":' || ${quote("coalesce(ack, '')")} ELSE '' END || '}'`;
  const reason = "CASE WHEN redacted_at IS NULL THEN 'redacted' ELSE coalesce(redacted_reason, '') END";
  const redacted =
    `${start} || ',"leafHash":"' || ${base64url('leaf_hash')} || '","redacted":{"at":' || ${quote('coalesce(redacted_at, received_at)')}` +
    ` || ',"reason":' || ${quote(reason)} || '}}'`;
  // '\n' becomes a newline inside the SQL literal: both SQLite and PostgreSQL take it as it is.
  return `(CASE WHEN redacted_at IS NULL AND jws IS NOT NULL THEN ${live} ELSE ${redacted} END || '\n')`;
}
