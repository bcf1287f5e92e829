// One line of an NDJSON export, checked on its own (signatures, acks, shape) before the checks that
// need the lines around it. Every member of a line is either checked or refused: a byte changed
// anywhere in an export must change something a check looks at.
import { verifyAck } from './ack';
import { base64urlDecode, isHash64u } from './encoding';
import { decodeHashes } from './inclusion';
import type { Jwks } from './jwk';
import { leafHash as hashLeaf } from './merkle';
import { verifyNotice } from './notice';
import { type KeyCache, type ReceiptPayload, verifyReceipt } from './receipt';
import { type RedactionStatement, verifyRedaction } from './redaction';

export type ExportFailureCode =
  | 'malformed'
  | 'bad-header'
  | 'bad-checkpoint'
  | 'bad-index'
  | 'wrong-site'
  | 'bad-signature'
  | 'bad-ack'
  | 'bad-notice'
  | 'prev-mismatch'
  | 'unknown-notice'
  | 'bad-proof'
  | 'root-mismatch'
  | 'size-mismatch'
  | 'bad-statement'
  | 'out-of-range'
  | 'bad-cosignature'
  | 'no-quorum'
  | 'bad-redaction'
  | 'unproven-redaction';

/** One problem; `index` is the entry's log index, null for the header or the export as a whole. */
export interface ExportFailure {
  index: number | null;
  code: ExportFailureCode;
  message: string;
}

/** A line after its independent checks (signatures), before the checks that need order. */
export interface CheckedLine {
  index: number | null;
  leaf: Uint8Array | null;
  failures: ExportFailure[];
  receipt?: ReceiptPayload;
  receivedAt?: string;
  noticeHash?: string;
  redacted?: { at: string; reason: string };
  /** A redaction entry's statement, once it checked. */
  redaction?: RedactionStatement;
  proof?: Uint8Array[] | null;
  /** The closing statement line's JWS. */
  statement?: string;
}

/** What checking a line needs from the export. */
export interface LineContext {
  site: string;
  keys: Jwks;
  partial: boolean;
  /** Imported device keys; undefined once full (then every key is imported again). */
  keyCache: KeyCache | undefined;
}

/** The members of each kind of line (a partial export's lines add `proof`). */
const MEMBERS: Record<'receipt' | 'notice' | 'redaction' | 'redacted', string[]> = {
  receipt: ['index', 'kind', 'jws', 'ack'],
  notice: ['index', 'kind', 'jws'],
  redaction: ['index', 'kind', 'jws'],
  redacted: ['index', 'kind', 'leafHash', 'redacted'],
};

/** True when `value` has exactly the members `names` (plus `extra` when given). */
function hasMembers(value: object, names: string[], extra?: string): boolean {
  const keys = Object.keys(value);
  return keys.length === names.length + (extra ? 1 : 0) && keys.every((k) => names.includes(k) || k === extra);
}

/** Checks one line (`position` counts lines after the header, for messages). Never throws. */
export async function checkLine(line: string, position: number, ctx: LineContext): Promise<CheckedLine> {
  const out: CheckedLine = { index: null, leaf: null, failures: [] };
  const bad = (code: ExportFailureCode, message: string) => out.failures.push({ index: out.index, code, message });
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new TypeError();
  } catch {
    out.index = ctx.partial ? null : position;
    bad('malformed', `line ${position + 2} is not a JSON object`);
    return out;
  }
  if ('statement' in entry) {
    if (typeof entry.statement !== 'string' || !hasMembers(entry, ['statement']))
      bad('bad-statement', `line ${position + 2}: a statement line is { "statement": "<JWS>" }`);
    else out.statement = entry.statement;
    return out;
  }
  if (!Number.isSafeInteger(entry.index) || (entry.index as number) < 0) {
    bad('malformed', `line ${position + 2} has no valid index`);
    return out;
  }
  out.index = entry.index as number;
  const shape =
    entry.redacted !== undefined
      ? 'redacted'
      : entry.kind === 'receipt' || entry.kind === 'redaction'
        ? entry.kind
        : 'notice';
  if (
    (entry.kind !== 'receipt' && entry.kind !== 'notice' && entry.kind !== 'redaction') ||
    !hasMembers(entry, MEMBERS[shape], ctx.partial ? 'proof' : undefined)
  ) {
    bad(
      'malformed',
      `a ${shape === 'redacted' ? 'redacted entry' : String(entry.kind)} line has exactly ${MEMBERS[shape].join(', ')}${ctx.partial ? ', proof' : ''}`,
    );
    return out;
  }
  if (ctx.partial) {
    out.proof = decodeHashes(entry.proof);
    if (!out.proof) bad('bad-proof', 'proof is not a list of hashes');
  }
  if (shape === 'redacted') {
    const r = entry.redacted as Record<string, unknown>;
    if (
      !isHash64u(entry.leafHash) ||
      typeof r !== 'object' ||
      r === null ||
      !hasMembers(r, ['at', 'reason']) ||
      typeof r.at !== 'string' ||
      typeof r.reason !== 'string'
    ) {
      bad('malformed', 'a redacted entry needs kind, leafHash and redacted { at, reason }');
      return out;
    }
    out.leaf = base64urlDecode(entry.leafHash);
    out.redacted = { at: r.at, reason: r.reason };
    return out;
  }
  if (typeof entry.jws !== 'string') {
    bad('malformed', 'an entry needs a jws (or leafHash and redacted)');
    return out;
  }
  out.leaf = hashLeaf(entry.jws);
  if (shape === 'redaction') {
    const redaction = await verifyRedaction(entry.jws, ctx.keys);
    if (!redaction.ok) bad('bad-redaction', redaction.error.message);
    else if (redaction.value.site !== ctx.site) bad('wrong-site', `redaction of site ${redaction.value.site}`);
    else out.redaction = redaction.value;
    return out;
  }
  if (shape === 'notice') {
    const notice = await verifyNotice(entry.jws, ctx.keys);
    if (!notice.ok) bad(notice.error.code === 'malformed' ? 'malformed' : 'bad-notice', notice.error.message);
    else if (notice.value.notice.site !== ctx.site) bad('wrong-site', `notice of site ${notice.value.notice.site}`);
    else out.noticeHash = notice.value.textHash;
    return out;
  }
  const [receipt, ack] = await Promise.all([
    verifyReceipt(entry.jws, { cache: ctx.keyCache, rules: 'logged' }),
    typeof entry.ack === 'string' ? verifyAck(entry.ack, ctx.keys) : Promise.resolve(null),
  ]);
  if (!receipt.ok) {
    bad(receipt.error.code === 'malformed' ? 'malformed' : 'bad-signature', receipt.error.message);
    return out;
  }
  const r = receipt.value.payload;
  out.receipt = r;
  if (r.site !== ctx.site) bad('wrong-site', `receipt of site ${r.site}`);
  if (!ack) bad('bad-ack', 'the receipt has no ack');
  else if (!ack.ok) bad('bad-ack', ack.error.message);
  else {
    const a = ack.value;
    if (a.id !== r.id || a.site !== r.site || a.subject !== r.subject)
      bad('bad-ack', 'the ack is about another receipt');
    else if (a.index !== out.index) bad('bad-ack', `the ack gives index ${a.index}`);
    else if (a.leafHash !== receipt.value.leafHash) bad('bad-ack', 'the ack gives another leaf hash');
    else out.receivedAt = a.receivedAt;
  }
  return out;
}
