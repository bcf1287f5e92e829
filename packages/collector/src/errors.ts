// Errors at the HTTP boundary: protocol's `ErrorBody` (`{ "error": { "code", "message", ...details } }`) with a status.
import type { ApiErrorCode, ErrorBody } from '@consent-ledger/protocol';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type { ApiErrorCode };

/** Extra members of an error object (`index`, `expected`, `issues`). */
export type ErrorDetails = Omit<ErrorBody['error'], 'code' | 'message'>;

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
export function errorBody(code: ApiErrorCode, message: string, details: ErrorDetails = {}): ErrorBody {
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
