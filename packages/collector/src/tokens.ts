// API tokens for auditors and admins: random secrets shown once, stored only as their SHA-256.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ALL_SITES,
  base64urlDecode,
  base64urlEncode,
  sha256b64u,
  type TokenSummary,
  uuidv7,
} from '@consent-ledger/protocol';
import type { LedgerStore, TokenRecord, TokenRole } from './store/types';

/** Every token starts with this, so a leaked one is easy to recognise (secret scanners). */
export const TOKEN_PREFIX = 'clt_';
export { ALL_SITES, TOKEN_ROLES } from '@consent-ledger/protocol';

/** The stored form of a token: base64url SHA-256 of its text. */
export function hashToken(token: string): string {
  return sha256b64u(token);
}

/** Compares two stored hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  try {
    const x = base64urlDecode(a);
    const y = base64urlDecode(b);
    return x.length === y.length && timingSafeEqual(x, y);
  } catch {
    return false;
  }
}

/** True when the token may act on `site` (listed, or `*`). */
export function tokenCovers(token: TokenRecord, site: string): boolean {
  return token.sites.includes(ALL_SITES) || token.sites.includes(site);
}

/** True when the token has expired at `now` (ms). */
export function tokenExpired(token: TokenRecord, now: number): boolean {
  return token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
}

/** Creates a token for a role and sites, expiring at `expiresAt` (null: never); the secret is returned here and never again. */
export async function issueToken(
  store: LedgerStore,
  input: { role: TokenRole; sites: string[]; expiresAt?: string | null },
  at: string,
): Promise<{ id: string; token: string; record: TokenRecord }> {
  const token = TOKEN_PREFIX + base64urlEncode(randomBytes(32));
  const record: TokenRecord = {
    id: uuidv7(),
    hash: hashToken(token),
    role: input.role,
    sites: [...new Set(input.sites)],
    createdAt: at,
    revokedAt: null,
    expiresAt: input.expiresAt ?? null,
  };
  await store.createToken(record);
  return { id: record.id, token, record };
}

/** A token as listed: everything but its hash. */
export function publicToken(token: TokenRecord): TokenSummary {
  const { hash: _hash, ...rest } = token;
  return rest;
}
