// `consent-ledger verify <export.ndjson | proof.json> [--keys keys.json] [--witness VKEY]...`: checks
// an export offline, with no database: checkpoint signature, recomputed root (or inclusion proofs and
// the signed statement of a partial export), every signature, ack, prev link and notice reference; or
// a visitor's proof file. With --witness, the checkpoints' cosignatures (--witness-quorum K of them,
// default all). Exit 0 when everything holds, 1 on any failure, 2 on a usage error.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type ExportReport,
  type Jwks,
  type NoteKey,
  parseWitnessKey,
  verifyExport,
  verifyProofFile,
} from '@consent-ledger/protocol';
import { CommandError, integerFlag, parse, UsageError } from '../args';
import { describeProofReport, MAX_PROOF_FILE } from './verify-proof';

export const VERIFY_USAGE =
  'consent-ledger verify <export.ndjson | proof.json> [--keys keys.json] [--witness VKEY]... [--witness-quorum K]   (keys: the JWKS of GET /v1/keys you trust; witnesses: their verifier keys)';

/** The `--witness` flags: witnesses' verifier keys (0x04, or their plain 0x01 form). */
function witnessKeys(values: string[] = []): NoteKey[] {
  return values.map((vkey) => {
    const parsed = parseWitnessKey(vkey);
    if (!parsed.ok) throw new UsageError(`--witness ${vkey}: ${parsed.error.message}`);
    return parsed.value;
  });
}

function readKeys(file: string): Jwks {
  let keys: unknown;
  try {
    keys = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CommandError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON'}`,
    );
  }
  if (typeof keys !== 'object' || keys === null || !Array.isArray((keys as Jwks).keys))
    throw new CommandError(`${file}: not a JWKS ({ "keys": [...] })`);
  return keys as Jwks;
}

/** The report as lines a person reads. */
export function describeReport(report: ExportReport, keysFile: string | undefined): string[] {
  const s = report.summary;
  const lines = [
    `export of site ${report.site ?? '?'} (format ${report.version ?? '?'})${report.partial ? ' (partial: entries checked by inclusion proof)' : ''}: tree size ${report.treeSize ?? '?'}, root ${report.rootHash ?? '?'}`,
    report.trustedKeys
      ? `keys: checked against ${keysFile}`
      : "keys: the export's own (self-consistency only; pass --keys with keys you trust)",
    `entries ${s.entries}: ${s.receipts} receipts, ${s.notices} notices, ${s.redacted} redacted (${report.redactions} signed redaction entries); ${s.subjects} subjects, ${s.withdrawals} withdrawals`,
    `dates: ${s.firstDate ?? '-'} to ${s.lastDate ?? '-'}`,
  ];
  if (report.witnessed) {
    const { quorum, cosignatures } = report.witnessed;
    const who = cosignatures.map((c) => `${c.witness} at ${c.at}`).join(', ') || 'nobody';
    lines.push(`witnesses: cosigned by ${who} (${quorum} required)`);
  }
  if (report.statement)
    lines.push(
      `complete: the collector signed ${report.statement.lines} lines for receipts received from ${report.statement.range.from ?? 'the start'} to ${report.statement.range.to ?? 'the checkpoint'} (exported ${report.statement.exportedAt})`,
    );
  if (s.redacted > 0) {
    const reasons = Object.entries(report.redacted.byReason)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    const more = s.redacted > report.redacted.indexes.length ? ', ...' : '';
    lines.push(`redacted (${reasons}) at index ${report.redacted.indexes.join(', ')}${more}`);
    if (report.redacted.legacy > 0)
      lines.push(
        `legacy: ${report.redacted.legacy} redacted before redaction entries existed, attested later by the collector (its word alone; an erasure's request was not kept)`,
      );
  }
  for (const f of report.failures)
    lines.push(`FAIL ${f.index === null ? 'export' : `index ${f.index}`}: ${f.code}: ${f.message}`);
  if (report.failureCount > report.failures.length)
    lines.push(`FAIL ... and ${report.failureCount - report.failures.length} more`);
  lines.push(report.ok ? 'OK: the export verifies' : `FAILED: ${report.failureCount} problem(s)`);
  return lines;
}

/** The first line of a file (up to 64 KB), to tell an export from a proof file. */
async function firstLine(file: string): Promise<string> {
  const input = createReadStream(file, { encoding: 'utf8', end: 65_535 });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) return line;
    return '';
  } finally {
    input.destroy();
  }
}

/** True when the file's first line is not an export header but the start of a proof file. */
function isProofFile(line: string): boolean {
  if (line.trim() === '{') return true; // the pretty-printed file the SDK saves
  try {
    const value = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'receipts' in value;
  } catch {
    return false;
  }
}

/** Runs `verify`; resolves with the exit code. */
export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    keys: { type: 'string' },
    witness: { type: 'string', multiple: true },
    'witness-quorum': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('verify takes one export or proof file');
  const [file] = positionals;
  const witnesses = witnessKeys(values.witness);
  if (values['witness-quorum'] !== undefined && witnesses.length === 0)
    throw new UsageError('--witness-quorum needs --witness');
  const witnessQuorum = integerFlag(values['witness-quorum'], 'witness-quorum', witnesses.length, 1, witnesses.length);
  const keys = values.keys ? readKeys(values.keys) : undefined;
  const options = { keys, ...(witnesses.length > 0 ? { witnesses, witnessQuorum, now: Date.now() } : {}) };
  let head: string;
  try {
    head = await firstLine(file);
  } catch (error) {
    throw new CommandError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  if (isProofFile(head)) {
    if (statSync(file).size > MAX_PROOF_FILE) throw new CommandError(`${file}: too large for a proof file`);
    const text = readFileSync(file, 'utf8');
    const report = await verifyProofFile(text, options);
    let doc: Record<string, unknown> = {};
    try {
      doc = JSON.parse(text);
    } catch {}
    const described = describeProofReport(report, doc ?? {}, values.keys).join('\n');
    if (report.ok) console.log(described);
    else console.error(described);
    return report.ok ? 0 : 1;
  }
  const input = createReadStream(file, { encoding: 'utf8' });
  const report = await verifyExport(createInterface({ input, crlfDelay: Infinity }), options);
  const text = describeReport(report, values.keys).join('\n');
  if (report.ok) console.log(text);
  else console.error(text);
  return report.ok ? 0 : 1;
}
