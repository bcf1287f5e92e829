// Errors at the HTTP boundary: `{ "error": { "code", "message", ...details } }` with a status.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every code the collector answers with (DESIGN.md, Errors on POST /v1/receipts, and the rest). */
export type ApiErrorCode =
  | 'malformed'
  | 'unsupported-alg'
  | 'bad-signature'
  | 'bad-thumbprint'
  | 'origin-not-allowed'
  | 'prev-mismatch'
  | 'id-conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'unknown-site'
  | 'unknown-revision'
  | 'unknown-notice'
  | 'rate-limited'
  | 'unknown-entry'
  | 'no-checkpoint'
  | 'not-found'
  | 'method-not-allowed'
  | 'unavailable'
  | 'internal'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-proof'
  | 'invalid-config'
  | 'revision-conflict';

/** Extra members of an error object (`index`, `expected`, `issues`...). */
export type ErrorDetails = Record<string, unknown>;

/** An error a handler throws to answer with a status and code; caught by the JSON error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: ApiErrorCode, message: string, details: ErrorDetails = {}): { error: ErrorDetails } {
  return { error: { code, message, ...details } };
}

/** Answers an error as JSON. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  details?: ErrorDetails,
): Response {
  return c.json(errorBody(code, message, details), status);
}
