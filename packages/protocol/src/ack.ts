import { verifyCollectorJws } from './collector-jws';
import { base64urlEncode, isHash64u, utf8 } from './encoding';
import { SITE_ID } from './ids';
import type { Jwks } from './jwk';
import { jwsSigningInput, signJws } from './jws';
import { isIsoTimestamp } from './receipt';
import { fail, type Issue, ok, type Result } from './result';
import { isUuidV7 } from './uuid';

export const ACK_TYP = 'consent-ack+jws';

/** The collector's signed statement of when and how it received a receipt. */
export interface AckPayload {
  v: 1;
  id: string;
  site: string;
  subject: string;
  index: number;
  leafHash: string;
  receivedAt: string;
  ip: string | null;
  userAgent: string | null;
}

const ACK_FIELDS = new Set(['v', 'id', 'site', 'subject', 'index', 'leafHash', 'receivedAt', 'ip', 'userAgent']);

/** Checks an ack payload's shape: every field and its type; unknown fields are refused. */
export function validateAckPayload(value: unknown): Result<AckPayload> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('malformed', 'ack: payload is not an object');
  const p = value as Record<string, unknown>;
  const issues: Issue[] = [];
  const check = (valid: boolean, path: string, message: string): void => {
    if (!valid) issues.push({ path, message: p[path] === undefined && ACK_FIELDS.has(path) ? 'is missing' : message });
  };
  const nullableString = (v: unknown): boolean => v === null || typeof v === 'string';
  check(p.v === 1, 'v', 'must be 1');
  check(isUuidV7(p.id), 'id', 'must be a lowercase UUIDv7');
  check(typeof p.site === 'string' && SITE_ID.test(p.site), 'site', 'must match [a-z0-9-]{2,64}');
  check(isHash64u(p.subject), 'subject', 'must be a JWK thumbprint (43 base64url characters)');
  check(Number.isSafeInteger(p.index) && (p.index as number) >= 0, 'index', 'must be a non-negative integer');
  check(isHash64u(p.leafHash), 'leafHash', 'must be a leaf hash (43 base64url characters)');
  check(isIsoTimestamp(p.receivedAt), 'receivedAt', 'must be an ISO 8601 UTC timestamp with milliseconds');
  check(nullableString(p.ip), 'ip', 'must be a string or null');
  check(nullableString(p.userAgent), 'userAgent', 'must be a string or null');
  for (const key of Object.keys(p)) check(ACK_FIELDS.has(key), key, 'unknown field');
  if (issues.length > 0)
    return fail('malformed', `ack: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return ok(p as unknown as AckPayload);
}

/** Signs an ack with the collector's Ed25519 key (`kid` = its thumbprint). Throws if the payload is not a valid ack. */
export async function signAck(payload: AckPayload, key: { privateKey: CryptoKey; kid: string }): Promise<string> {
  const valid = validateAckPayload(payload);
  if (!valid.ok) throw new TypeError(valid.error.message);
  return signJws({ alg: 'EdDSA', typ: ACK_TYP, kid: key.kid }, JSON.stringify(payload), key.privateKey);
}

/**
 * Signs an ack with a caller's synchronous Ed25519 signer over the JWS signing input (e.g.
 * node:crypto on a server); the same JWS as `signAck`, since Ed25519 is deterministic. Throws if
 * the payload is not a valid ack.
 */
export function signAckWith(payload: AckPayload, kid: string, sign: (signingInput: Uint8Array) => Uint8Array): string {
  const valid = validateAckPayload(payload);
  if (!valid.ok) throw new TypeError(valid.error.message);
  const input = jwsSigningInput({ alg: 'EdDSA', typ: ACK_TYP, kid }, JSON.stringify(payload));
  return `${input}.${base64urlEncode(sign(utf8(input)))}`;
}

/**
 * Verifies an ack against a JWKS (key chosen by `kid`) and returns its payload. Never throws.
 * Errors: `malformed`, `unsupported-alg` (anything but EdDSA), `bad-typ`, `bad-signature` (unknown kid included).
 */
export async function verifyAck(jws: string, keys: Jwks): Promise<Result<AckPayload>> {
  const verified = await verifyCollectorJws(jws, ACK_TYP, keys, 'ack');
  return verified.ok ? validateAckPayload(verified.value.payload) : verified;
}
