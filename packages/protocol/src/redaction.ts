// A redaction entry: the collector's signed statement, appended to the log itself, that it removed
// the payload of some entries, why, when and on whose request. A redacted line of an export keeps
// only its leaf hash, which anyone holding the export could also write in place of a receipt they
// want gone; `verify` therefore accepts a redacted line only when a redaction entry covers it.
import { type CollectorSigningKey, signCollectorJws, verifyCollectorJws } from './collector-jws';
import { verifyDpopProof } from './dpop';
import { base64urlDecode, fromUtf8 } from './encoding';
import { SITE_ID } from './ids';
import type { Jwks } from './jwk';
import { isIsoTimestamp } from './receipt';
import { fail, type Issue, ok, type Result } from './result';

export const REDACTION_TYP = 'consent-redaction+jws';

/** Why entries were redacted: their site's retention period ran out, or their visitor asked. */
export type RedactionReason = 'retention' | 'erasure';

/** The payload of a redaction entry. */
export interface RedactionStatement {
  v: 1;
  site: string;
  reason: RedactionReason;
  /** When the entries were redacted (what their redacted lines say). */
  at: string;
  /** The indexes redacted, as sorted, disjoint half-open ranges [from, to). */
  indexes: Array<[number, number]>;
  /** Erasure: the visitor's DPoP-signed `DELETE /v1/subjects/<subject>`. Retention, and any legacy attestation: null. */
  request: { subject: string; dpop: string } | null;
  /**
   * Present only on a legacy attestation: the entries were redacted at `at`, before redaction
   * entries existed, and the collector attested it later, at `attestedAt`. It rests on the
   * collector's word alone: an erasure's request was not kept.
   */
  legacy?: { attestedAt: string };
}

const FIELDS = ['v', 'site', 'reason', 'at', 'indexes', 'request', 'legacy'];
const REQUIRED = FIELDS.filter((f) => f !== 'legacy');
/** How far a request's `iat` may be from the redaction's `at` (the collector's DPoP window, with room). */
const REQUEST_SKEW_SECONDS = 600;

/** Sorted, disjoint half-open ranges covering exactly `indexes`. */
export function indexRanges(indexes: number[]): Array<[number, number]> {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else ranges.push([i, i + 1]);
  }
  return ranges;
}

/** True when `index` lies in one of `ranges` (sorted, disjoint). */
export function rangesCover(ranges: Array<[number, number]>, index: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index < ranges[mid][0]) hi = mid - 1;
    else if (index >= ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function isRanges(value: unknown): value is Array<[number, number]> {
  if (!Array.isArray(value) || value.length === 0) return false;
  let end = -1;
  for (const r of value) {
    if (!Array.isArray(r) || r.length !== 2 || !Number.isSafeInteger(r[0]) || !Number.isSafeInteger(r[1])) return false;
    if (r[0] <= end || r[0] < 0 || r[1] <= r[0]) return false;
    end = r[1];
  }
  return true;
}

/** Checks a redaction statement's shape: every field and its type; unknown fields are refused. */
export function validateRedactionStatement(value: unknown): Result<RedactionStatement> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('malformed', 'redaction: payload is not an object');
  const p = value as Record<string, unknown>;
  const issues: Issue[] = [];
  const check = (valid: boolean, path: string, message: string) => {
    if (!valid) issues.push({ path, message });
  };
  check(p.v === 1, 'v', 'must be 1');
  check(typeof p.site === 'string' && SITE_ID.test(p.site), 'site', 'must be a site id');
  check(p.reason === 'retention' || p.reason === 'erasure', 'reason', 'must be retention or erasure');
  check(isIsoTimestamp(p.at), 'at', 'must be an ISO 8601 UTC timestamp with milliseconds');
  check(isRanges(p.indexes), 'indexes', 'must be sorted, disjoint [from, to) ranges of indexes');
  const request = p.request as Record<string, unknown> | null;
  const legacy = p.legacy as Record<string, unknown> | undefined;
  if (legacy !== undefined) {
    check(
      typeof legacy === 'object' &&
        legacy !== null &&
        Object.keys(legacy).length === 1 &&
        isIsoTimestamp(legacy.attestedAt) &&
        (typeof p.at !== 'string' || String(legacy.attestedAt) >= p.at),
      'legacy',
      'must be { attestedAt }, an ISO 8601 UTC timestamp not before at',
    );
    check(request === null, 'request', 'must be null for a legacy attestation (the request was not kept)');
  } else if (p.reason === 'erasure')
    check(
      typeof request === 'object' &&
        request !== null &&
        Object.keys(request).length === 2 &&
        typeof request.subject === 'string' &&
        typeof request.dpop === 'string',
      'request',
      'an erasure names the visitor and their signed request { subject, dpop }',
    );
  else check(request === null, 'request', 'must be null for a retention redaction');
  for (const key of Object.keys(p)) check(FIELDS.includes(key), key, 'unknown field');
  for (const key of REQUIRED) check(key in p, key, 'is missing');
  if (issues.length > 0)
    return fail('malformed', `redaction: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return ok(p as unknown as RedactionStatement);
}

/** Signs a redaction statement with the collector key. Throws if the statement is not valid. */
export function signRedaction(statement: RedactionStatement, key: CollectorSigningKey): Promise<string> {
  const valid = validateRedactionStatement(statement);
  if (!valid.ok) throw new TypeError(valid.error.message);
  return signCollectorJws(REDACTION_TYP, statement, key);
}

/**
 * Verifies a redaction entry: the collector's signature, its payload, and for an erasure (but a
 * legacy attestation) the visitor's request: a DPoP proof signed by the subject's device key for
 * `DELETE /v1/subjects/<subject>`, made within minutes of `at`. Never throws.
 */
export async function verifyRedaction(jws: string, keys: Jwks): Promise<Result<RedactionStatement>> {
  const verified = await verifyCollectorJws(jws, REDACTION_TYP, keys, 'redaction');
  if (!verified.ok) return verified;
  const statement = validateRedactionStatement(verified.value.payload);
  if (!statement.ok || statement.value.request === null) return statement;
  const { subject, dpop } = statement.value.request;
  let htu: string;
  try {
    const claims = JSON.parse(fromUtf8(base64urlDecode(dpop.split('.')[1] ?? '')));
    htu = String(claims.htu);
    if (!new URL(htu).pathname.endsWith(`/v1/subjects/${subject}`)) throw new TypeError();
  } catch {
    return fail('bad-proof', `redaction: the erasure request is not DELETE /v1/subjects/${subject}`);
  }
  const proof = await verifyDpopProof(dpop, {
    htm: 'DELETE',
    htu,
    now: Date.parse(statement.value.at),
    maxSkewSeconds: REQUEST_SKEW_SECONDS,
  });
  if (!proof.ok) return fail('bad-proof', `redaction: the erasure request does not verify (${proof.error.message})`);
  if (proof.value.subject !== subject)
    return fail('bad-proof', "redaction: the erasure request is not signed by the subject's device key");
  return statement;
}
