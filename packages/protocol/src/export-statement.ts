// The signed statement that closes a partial export (format 2). Inclusion proofs show that each
// line is in the log, not that no line is missing: the collector therefore signs, at export time,
// which range it exported from which checkpoint and a hash chained over every line it wrote (index
// and leaf hash, in order). A deleted, added, reordered or replaced line, or a widened range in the
// unsigned header, no longer matches it.
import { type CollectorSigningKey, signCollectorJws, verifyCollectorJws } from './collector-jws';
import { base64urlEncode, isHash64u } from './encoding';
import type { Jwks } from './jwk';
import { isIsoTimestamp } from './receipt';
import { fail, type Issue, ok, type Result } from './result';
import { sha256Concat } from './sha256';

export const EXPORT_STATEMENT_TYP = 'consent-export+jws';

/** What a partial export covers: receipts received in [from, to) (null: unbounded), every notice. */
export interface ExportRange {
  from: string | null;
  to: string | null;
}

/** The payload of an export statement. */
export interface ExportStatement {
  v: 1;
  site: string;
  /** The header's checkpoint: its tree size and root hash (base64url). */
  treeSize: number;
  rootHash: string;
  range: ExportRange;
  /** Entry lines written (the statement line itself not counted). */
  lines: number;
  /** `LineChain` over every entry line, in order, base64url. */
  lineHash: string;
  exportedAt: string;
}

const FIELDS = ['v', 'site', 'treeSize', 'rootHash', 'range', 'lines', 'lineHash', 'exportedAt'];

/**
 * The hash chained over an export's lines: h0 = 32 zero bytes, then for each line in order
 * h = SHA-256(h || index as 8 bytes big-endian || leaf hash). Order, count and content of the
 * lines all reach it (a line's leaf hash is the hash of its JWS, or the one a redacted line keeps).
 */
export class LineChain {
  private hash: Uint8Array = new Uint8Array(32);
  private readonly position = new Uint8Array(8);
  /** Lines added so far. */
  count = 0;

  /** Adds the line of entry `index` with leaf hash `leaf` (32 bytes). */
  add(index: number, leaf: Uint8Array): void {
    new DataView(this.position.buffer).setBigUint64(0, BigInt(index));
    this.hash = sha256Concat([this.hash, this.position, leaf]);
    this.count += 1;
  }

  /** The chain's current value, base64url. */
  get value(): string {
    return base64urlEncode(this.hash);
  }
}

/** True for `{ from, to }` with each bound an ISO 8601 UTC timestamp or null, and nothing else. */
export function isExportRange(value: unknown): value is ExportRange {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { from, to, ...rest } = value as Record<string, unknown>;
  const bound = (v: unknown) => v === null || isIsoTimestamp(v);
  return Object.keys(rest).length === 0 && bound(from) && bound(to);
}

/** Checks an export statement's shape: every field and its type; unknown fields are refused. */
export function validateExportStatement(value: unknown): Result<ExportStatement> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('malformed', 'export statement: payload is not an object');
  const p = value as Record<string, unknown>;
  const issues: Issue[] = [];
  const check = (valid: boolean, path: string, message: string) => {
    if (!valid) issues.push({ path, message });
  };
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  check(p.v === 1, 'v', 'must be 1');
  check(typeof p.site === 'string', 'site', 'must be a site id');
  check(count(p.treeSize), 'treeSize', 'must be a non-negative integer');
  check(isHash64u(p.rootHash), 'rootHash', 'must be a hash');
  check(isExportRange(p.range), 'range', 'must be { from, to }, each an ISO 8601 timestamp or null');
  check(count(p.lines), 'lines', 'must be a non-negative integer');
  check(isHash64u(p.lineHash), 'lineHash', 'must be a hash');
  check(isIsoTimestamp(p.exportedAt), 'exportedAt', 'must be an ISO 8601 UTC timestamp with milliseconds');
  for (const key of Object.keys(p)) check(FIELDS.includes(key), key, 'unknown field');
  if (issues.length > 0)
    return fail('malformed', `export statement: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return ok(p as unknown as ExportStatement);
}

/** Signs an export statement with the collector key. Throws if the statement is not valid. */
export function signExportStatement(statement: ExportStatement, key: CollectorSigningKey): Promise<string> {
  const valid = validateExportStatement(statement);
  if (!valid.ok) throw new TypeError(valid.error.message);
  return signCollectorJws(EXPORT_STATEMENT_TYP, statement, key);
}

/** Verifies an export statement against the collector's keys and returns its payload. Never throws. */
export async function verifyExportStatement(jws: string, keys: Jwks): Promise<Result<ExportStatement>> {
  const verified = await verifyCollectorJws(jws, EXPORT_STATEMENT_TYP, keys, 'export statement');
  return verified.ok ? validateExportStatement(verified.value.payload) : verified;
}
