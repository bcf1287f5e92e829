// `consent-ledger verify proof.json`: the visitor's "Download my proof" file, checked offline with
// protocol's verifyProofDocument. What a person reads of the report.
import type { ProofDocumentReport } from '@consent-ledger/protocol';

/** A proof file is a few receipts; anything this large is not one. */
export const MAX_PROOF_FILE = 16 * 1024 * 1024;

/** The report as lines a person reads. */
export function describeProofReport(
  report: ProofDocumentReport,
  doc: { site?: unknown; subject?: unknown; exportedAt?: unknown },
  keysFile: string | undefined,
): string[] {
  const lines = [
    `proof file of subject ${String(doc.subject ?? '?')} in site ${String(doc.site ?? '?')}, exported ${String(doc.exportedAt ?? '?')}`,
    report.trustedKeys
      ? `keys: checked against ${keysFile}`
      : "keys: the file's own (self-consistency only; pass --keys with the collector's keys you trust)",
    report.signed
      ? "file: signed as a whole by the subject's device (format 2)"
      : 'file: format 1, not signed as a whole (collector and exportedAt are covered by no signature)',
    `receipts ${report.entries.length}: ${report.acknowledged} acknowledged, ${report.included} proven in the log (the others still pending)`,
  ];
  for (const problem of report.problems) lines.push(`FAIL file: ${problem}`);
  for (const entry of report.entries)
    for (const problem of entry.problems)
      lines.push(`FAIL receipt ${entry.position}${entry.id ? ` (${entry.id})` : ''}: ${problem}`);
  lines.push(
    report.ok
      ? 'OK: every signature, ack and inclusion proof holds'
      : `FAILED: ${report.problems.length + report.entries.reduce((n, e) => n + e.problems.length, 0)} problem(s)`,
  );
  return lines;
}
