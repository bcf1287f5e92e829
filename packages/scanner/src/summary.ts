// The terminal summary of a scan: what was scanned, then one table per finding kind.
import { FINDING_KINDS, type Finding, type FindingKind, type ScanReport } from './report';

/** Left-aligned columns, two spaces apart; long cells are not cut (a terminal wraps them). */
function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** A page URL as the summary shows it: its path when it is on the scanned origin. */
function shortPage(page: string | null, origin: string): string {
  if (page === null) return '(site)';
  return page.startsWith(origin) ? page.slice(origin.length) || '/' : page;
}

function what(f: Finding): string {
  if (f.cookie) return `cookie ${f.cookie}`;
  if (f.storage) return f.storage;
  if (f.host) return `host ${f.host}`;
  return `service ${f.service}`;
}

/** The summary lines of `report`, `failOn` marking the kinds that make the scan fail. */
export function summary(report: ScanReport, failOn: readonly FindingKind[]): string[] {
  const origin = new URL(report.url).origin;
  const scanned = report.pages.filter((p) => !p.skipped);
  const skipped = report.pages.length - scanned.length;
  const lines = [
    `site ${report.site ?? '(unknown)'}: ${scanned.length} page(s) scanned from ${report.url}${skipped ? `, ${skipped} skipped` : ''}`,
  ];
  if (report.config) lines.push(`config: ${report.config.source} (revision ${report.config.revision})`);
  for (const kind of FINDING_KINDS) {
    const list = report.findings.filter((f) => f.kind === kind);
    if (list.length === 0) continue;
    lines.push('', `${kind} (${list.length})${failOn.includes(kind) ? ' — fails the scan' : ''}`);
    const rows = list.map((f) => [shortPage(f.page, origin), f.phase, what(f), f.service ?? '-', f.purpose ?? '-']);
    lines.push(...columns([['page', 'phase', 'what', 'service', 'purpose'], ...rows]).map((line) => `  ${line}`));
  }
  const failing = report.findings.filter((f) => failOn.includes(f.kind)).length;
  lines.push(
    '',
    report.findings.length === 0
      ? 'no findings'
      : `${report.findings.length} finding(s), ${failing} of kinds ${failOn.join(', ') || '(none)'} (--fail-on)`,
  );
  return lines;
}
