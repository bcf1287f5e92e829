// The wire contract's constants, plain values (no schema library), so any client may import them.

/** Every error code the collector answers with (docs/design.md, Errors). */
export const API_ERROR_CODES = [
  'malformed',
  'unsupported-alg',
  'bad-signature',
  'bad-thumbprint',
  'origin-not-allowed',
  'prev-mismatch',
  'id-conflict',
  'too-large',
  'unsupported-media-type',
  'unknown-site',
  'unknown-revision',
  'unknown-notice',
  'rate-limited',
  'unknown-entry',
  'no-checkpoint',
  'not-found',
  'method-not-allowed',
  'unavailable',
  'internal',
  'unauthorized',
  'token-expired',
  'forbidden',
  'bad-proof',
  'invalid-config',
  'revision-conflict',
] as const;
/** A code of `API_ERROR_CODES`. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Most receipts in one `POST /v1/receipts` (a client sends larger backlogs in batches of this). */
export const MAX_BATCH = 100;

/** A token's role: auditors read the audit routes; admins also publish sites and issue tokens. */
export const TOKEN_ROLES = ['auditor', 'admin'] as const;
/** A token's `sites` entry that stands for every site. */
export const ALL_SITES = '*';
/** Most sites one token lists. */
export const MAX_TOKEN_SITES = 100;
/** A token's role. */
export type TokenRole = (typeof TOKEN_ROLES)[number];
