/** Error codes shared by every boundary of the wire contract (receipts, acks, proofs, configs). */
export type ErrorCode =
  | 'malformed'
  | 'unsupported-alg'
  | 'bad-signature'
  | 'bad-thumbprint'
  | 'bad-typ'
  | 'invalid-config'
  | 'bad-proof'
  | 'bad-checkpoint'
  | 'no-quorum';

/** One problem found while validating a value: where, and which rule it broke. */
export interface Issue {
  path: string;
  message: string;
}

/** A failure as a value: a code a program can switch on and a message a person can read. */
export interface Failure<C extends string = ErrorCode> {
  code: C;
  message: string;
  issues?: Issue[];
}

/** Errors are values at boundaries: every validator and verifier answers a Result, never throws. */
export type Result<T, C extends string = ErrorCode> = { ok: true; value: T } | { ok: false; error: Failure<C> };

/** Wraps a value as a success. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Builds a failure with its code and message. */
export const fail = <C extends string>(
  code: C,
  message: string,
  issues?: Issue[],
): { ok: false; error: Failure<C> } => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
