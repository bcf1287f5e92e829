import { base64urlEncode, isHash64u } from './encoding';
import { SITE_ID } from './ids';
import { parseIJsonBytes } from './ijson';
import { type EcPublicJwk, exportPublicJwk, importPublicJwk, jwkThumbprint } from './jwk';
import { type DecodedJws, decodeJws, isLowS, type KeyPair, signJws, verifyDecodedJws } from './jws';
import { leafHash } from './merkle';
import { fail, type Issue, ok, type Result } from './result';
import { isUuidV7, uuidv7 } from './uuid';

export const RECEIPT_TYP = 'consent-receipt+jws';
export type Choice = 'granted' | 'denied';
/**
 * How the visitor answered; from a placeholder: `embed` is "always allow" (the purpose granted), `embed-once` loads
 * that one embed this time; `in-context` answers the prompt a page opened with `ask(purpose)` (Allow or Not now).
 */
export type Method = 'accept-all' | 'reject-all' | 'save' | 'embed' | 'embed-once' | 'withdraw' | 'gpc' | 'in-context';
export const METHODS: readonly Method[] = [
  'accept-all',
  'reject-all',
  'save',
  'embed',
  'embed-once',
  'withdraw',
  'gpc',
  'in-context',
];

/** The signed statement of one visitor's choice (docs/design.md, Receipts). */
export interface ReceiptPayload {
  v: 1;
  id: string;
  site: string;
  subject: string;
  issuedAt: string;
  method: Method;
  choices: Record<string, Choice>;
  revision: number;
  language: string;
  textHash: string;
  page: string;
  prev: string | null;
}

/** What a caller supplies; id, issuedAt and subject are filled in. */
export type ReceiptInput = Omit<ReceiptPayload, 'v' | 'id' | 'subject' | 'issuedAt'> & {
  id?: string;
  issuedAt?: string;
};

/** A receipt whose device signature and thumbprint were checked. */
export interface VerifiedReceipt {
  jws: string;
  payload: ReceiptPayload;
  jwk: EcPublicJwk;
  /** RFC 9162 leaf hash of the JWS bytes, base64url. */
  leafHash: string;
}

/** Imported device keys by thumbprint, so returning subjects skip the JWK import. */
export type KeyCache = Map<string, CryptoKey>;

const PAYLOAD_FIELDS = new Set([
  'v',
  'id',
  'site',
  'subject',
  'issuedAt',
  'method',
  'choices',
  'revision',
  'language',
  'textHash',
  'page',
  'prev',
]);
const PURPOSE_ID = /^[a-z][a-z0-9-]{0,63}$/;
/** Longest `page` accepted: an origin and a path, never a document. */
const MAX_PAGE = 2048;

/** True for an ISO 8601 UTC timestamp with milliseconds that names a real instant (`2026-11-22T10:00:00.000Z`). */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  const time = Date.parse(value);
  // The round trip refuses dates that do not exist (2026-02-30) instead of letting Date roll them over.
  return Number.isFinite(time) && new Date(time).toISOString() === value;
}

/**
 * Which rules a receipt is held to. `ingest` (the default) is what a collector accepts now.
 * `logged` is for a receipt already in a log, accepted under the rules of its day and fixed there
 * by its leaf hash and ack: a high-S signature, and a `page` that no browser writes (receipts
 * logged before both rules existed), pass there, so old logs keep verifying.
 */
export type ReceiptRules = 'ingest' | 'logged';

/** What a browser writes as `location.origin + location.pathname`: printable ASCII (hosts in punycode, paths percent-encoded). */
const BROWSER_PAGE = /^https?:\/\/[\x21-\x7e]+$/;

function isPage(value: unknown, rules: ReceiptRules): value is string {
  if (typeof value !== 'string' || value.length > MAX_PAGE || value.includes('?') || value.includes('#')) return false;
  if (rules === 'ingest' && !BROWSER_PAGE.test(value)) return false;
  try {
    const url = new URL(value);
    if (rules === 'ingest') return url.origin + url.pathname === value && url.username === '' && url.password === '';
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Checks a receipt payload's shape: every field, types, UUIDv7 id, ISO date, page URL without
 * query (under `ingest` rules, exactly as a browser serialises origin + path: no control, space,
 * bidi or zero-width character, nothing the URL parser would rewrite); unknown fields are refused.
 */
export function validateReceiptPayload(value: unknown, rules: ReceiptRules = 'ingest'): Result<ReceiptPayload> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('malformed', 'receipt: payload is not an object');
  const p = value as Record<string, unknown>;
  const issues: Issue[] = [];
  const check = (valid: boolean, path: string, message: string): void => {
    if (!valid)
      issues.push({ path, message: p[path] === undefined && PAYLOAD_FIELDS.has(path) ? 'is missing' : message });
  };
  check(p.v === 1, 'v', 'must be 1');
  check(isUuidV7(p.id), 'id', 'must be a lowercase UUIDv7');
  check(typeof p.site === 'string' && SITE_ID.test(p.site), 'site', 'must match [a-z0-9-]{2,64}');
  check(isHash64u(p.subject), 'subject', 'must be a JWK thumbprint (43 base64url characters)');
  check(isIsoTimestamp(p.issuedAt), 'issuedAt', 'must be an ISO 8601 UTC timestamp with milliseconds');
  check(METHODS.includes(p.method as Method), 'method', `must be one of ${METHODS.join(', ')}`);
  const choices = p.choices;
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
    issues.push({ path: 'choices', message: 'must be an object of purpose ids' });
  } else {
    const entries = Object.entries(choices);
    check(entries.length > 0, 'choices', 'must list at least one purpose');
    for (const [purpose, choice] of entries) {
      check(PURPOSE_ID.test(purpose), `choices.${purpose}`, 'is not a purpose id');
      check(choice === 'granted' || choice === 'denied', `choices.${purpose}`, 'must be "granted" or "denied"');
    }
  }
  check(Number.isSafeInteger(p.revision) && (p.revision as number) > 0, 'revision', 'must be a positive integer');
  check(
    typeof p.language === 'string' && /^[a-z]{2}$/.test(p.language),
    'language',
    'must be a two-letter language code',
  );
  check(isHash64u(p.textHash), 'textHash', 'must be a SHA-256 hash (43 base64url characters)');
  check(
    isPage(p.page, rules),
    'page',
    rules === 'ingest'
      ? 'must be origin + path as a browser writes them (printable ASCII, no query, fragment or credentials)'
      : 'must be an http(s) URL without query, fragment or credentials',
  );
  check(p.prev === null || isHash64u(p.prev), 'prev', 'must be null or a leaf hash (43 base64url characters)');
  for (const key of Object.keys(p)) check(PAYLOAD_FIELDS.has(key), key, 'unknown field');
  if (issues.length > 0)
    return fail('malformed', `receipt: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return ok(p as unknown as ReceiptPayload);
}

/** Signs a receipt with the device key; the subject is the thumbprint of its public key. Throws if the input is not a valid receipt. */
export async function createReceipt(input: ReceiptInput, device: KeyPair): Promise<VerifiedReceipt> {
  const jwk = (await exportPublicJwk(device.publicKey)) as EcPublicJwk;
  if (jwk.kty !== 'EC') throw new TypeError('createReceipt: the device key must be ECDSA P-256');
  const payload: ReceiptPayload = {
    v: 1,
    id: input.id ?? uuidv7(),
    site: input.site,
    subject: jwkThumbprint(jwk),
    issuedAt: input.issuedAt ?? new Date().toISOString(),
    method: input.method,
    choices: input.choices,
    revision: input.revision,
    language: input.language,
    textHash: input.textHash,
    page: input.page,
    prev: input.prev,
  };
  const valid = validateReceiptPayload(payload);
  if (!valid.ok) throw new TypeError(valid.error.message);
  const jws = await signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk }, JSON.stringify(payload), device.privateKey);
  return { jws, payload, jwk, leafHash: base64urlEncode(leafHash(jws)) };
}

/** A receipt JWS decoded and validated: everything `verifyReceipt` checks except the signature. */
export interface ParsedReceipt {
  jws: string;
  decoded: DecodedJws;
  payload: ReceiptPayload;
  jwk: EcPublicJwk;
  /** RFC 7638 thumbprint of `jwk`; equal to `payload.subject`. */
  thumbprint: string;
}

/**
 * Checks a parsed receipt's ES256 signature (64-byte r||s over `decoded.signingInput`) with its
 * header jwk; throws when that key cannot be used (`verifyReceipt` answers `malformed`).
 */
export type ReceiptSignatureCheck = (receipt: ParsedReceipt) => boolean | Promise<boolean>;

/** How `verifyReceipt` checks the signature and hashes the leaf; WebCrypto and protocol's SHA-256 by default. */
export interface VerifyReceiptOptions {
  /** Imported device keys for the default (WebCrypto) signature check. */
  cache?: KeyCache;
  /** Replaces the WebCrypto check, so a server can verify with its native crypto; what a valid receipt is stays defined here. */
  verifySignature?: ReceiptSignatureCheck;
  /** The RFC 9162 leaf hash of the JWS bytes, base64url (a server may pass a native SHA-256). */
  leafHash?: (jws: string) => string;
  /** `ingest` (default) for a receipt offered to a log; `logged` for one read from a log or a proof file. */
  rules?: ReceiptRules;
}

/**
 * Decodes and validates a receipt JWS without checking its signature: structure, ES256 only, typ,
 * payload schema (under `rules`), thumbprint == subject. Never throws. Errors: `malformed` (a wrong
 * typ included: the wire has no other code for it), `unsupported-alg`, `bad-thumbprint`.
 */
export function parseReceipt(jws: string, rules: ReceiptRules = 'ingest'): Result<ParsedReceipt> {
  try {
    const decoded = decodeJws(jws);
    if (!decoded.ok) return decoded;
    const { header, payload } = decoded.value;
    if (header.alg !== 'ES256') return fail('unsupported-alg', `receipt: alg ${header.alg} is not ES256`);
    if (header.typ !== RECEIPT_TYP) return fail('malformed', `receipt: typ must be ${RECEIPT_TYP}`);
    const jwk = header.jwk;
    if (jwk?.kty !== 'EC') return fail('malformed', 'receipt: header jwk must be a P-256 public key');
    const body = parseIJsonBytes(payload);
    if (!body.ok) return fail('malformed', `receipt: payload is ${body.error.message}`);
    const valid = validateReceiptPayload(body.value, rules);
    if (!valid.ok) return valid;
    const thumbprint = jwkThumbprint(jwk);
    if (thumbprint !== valid.value.subject)
      return fail('bad-thumbprint', 'receipt: subject is not the thumbprint of the header jwk');
    return ok({ jws, decoded: decoded.value, payload: valid.value, jwk, thumbprint });
  } catch {
    return fail('malformed', 'receipt: cannot be parsed');
  }
}

/** The default signature check: WebCrypto, importing each key once per cache. */
async function webCryptoSignature(receipt: ParsedReceipt, cache: KeyCache | undefined): Promise<boolean> {
  let key = cache?.get(receipt.thumbprint);
  if (!key) {
    key = await importPublicJwk(receipt.jwk);
    cache?.set(receipt.thumbprint, key);
  }
  return (await verifyDecodedJws(receipt.decoded, key)).ok;
}

/**
 * Verifies a receipt JWS: `parseReceipt`, then the signature, which under `ingest` rules must be
 * low-S (`isLowS`). Never throws.
 * Errors: `malformed` (also for a header key the signature check cannot use, e.g. a point not on
 * the curve), `unsupported-alg`, `bad-thumbprint`, `bad-signature`. Pass a `KeyCache` (or
 * `{ cache }`) so returning subjects skip the key import; the cache is only ever filled, so a
 * long-lived caller should bound it.
 */
export async function verifyReceipt(
  jws: string,
  options: KeyCache | VerifyReceiptOptions = {},
): Promise<Result<VerifiedReceipt>> {
  const {
    cache,
    verifySignature,
    leafHash: hashLeaf,
    rules = 'ingest',
  }: VerifyReceiptOptions = options instanceof Map ? { cache: options } : options;
  const parsed = parseReceipt(jws, rules);
  if (!parsed.ok) return parsed;
  const receipt = parsed.value;
  const { signature } = receipt.decoded;
  if (signature.length !== 64) return fail('bad-signature', 'receipt: signature has the wrong length');
  if (rules === 'ingest' && !isLowS(signature))
    return fail('bad-signature', 'receipt: signature is not in low-S form (s > n/2): one receipt, one byte string');
  let valid: boolean;
  try {
    valid = await (verifySignature ? verifySignature(receipt) : webCryptoSignature(receipt, cache));
  } catch {
    return fail('malformed', 'receipt: cannot be verified');
  }
  if (!valid) return fail('bad-signature', 'receipt: signature does not verify');
  return ok({
    jws,
    payload: receipt.payload,
    jwk: receipt.jwk,
    leafHash: hashLeaf ? hashLeaf(jws) : base64urlEncode(leafHash(jws)),
  });
}
