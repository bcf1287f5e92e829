// The line of an entry in an NDJSON export (DESIGN.md, Export), in its two forms: the reference,
// a JSON.stringify of the line's object (partial exports, which add each line's proof, and the
// contract tests), and the SQL that stores run to build whole pages of lines for a full export.
// An export reads every entry, and building its lines inside the database halves its cost: one
// value per page crosses into JavaScript instead of eight per entry. Keep both forms in step; the
// contract test `readExportLines` compares them byte for byte on every store.
import type { EntryRecord } from './types';

/** What an export line reads of an entry. */
export type ExportEntry = Pick<EntryRecord, 'index' | 'kind' | 'leafHash' | 'jws' | 'ack' | 'receivedAt' | 'redacted'>;

/** The export line of an entry, newline-terminated, with its inclusion proof hashes when given (partial exports). */
export function exportLine(e: ExportEntry, proof?: string[]): string {
  const line =
    e.redacted || e.jws === null
      ? { index: e.index, kind: e.kind, leafHash: e.leafHash, redacted: e.redacted ?? { at: e.receivedAt, reason: 'redacted' } }
      : e.kind === 'receipt'
        ? { index: e.index, kind: e.kind, jws: e.jws, ack: e.ack ?? '' }
        : { index: e.index, kind: e.kind, jws: e.jws };
  return `${JSON.stringify(proof ? { ...line, proof } : line)}\n`;
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
