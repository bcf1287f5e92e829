// Every error leaves as JSON: ApiErrors with their status, Hono's HTTP exceptions with theirs,
// anything else as a 500 whose details stay in the server log (a client never causes one).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, errorResponse } from '../errors';
import type { AppEnv } from '../env';

export interface JsonErrorsOptions {
  /** Where unexpected errors are reported. */
  log?: (message: string, error: unknown) => void;
}

/** The `app.onError` handler: JSON errors with the right status. */
export function jsonErrors(options: JsonErrorsOptions = {}): ErrorHandler<AppEnv> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return (error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.status, error.code, error.message, error.details);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return errorResponse(c, status, status === 413 ? 'too-large' : status >= 500 ? 'internal' : 'malformed', error.message || 'bad request');
    }
    log(`request ${requestIdOf(c)} failed:`, error);
    return errorResponse(c, 500, 'internal', 'internal error');
  };
}

/** The `app.notFound` handler: a JSON 404. */
export function jsonNotFound(): NotFoundHandler<AppEnv> {
  return (c) => errorResponse(c, 404, 'not-found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
}

function requestIdOf(c: Context<AppEnv>): string {
  return c.get('requestId') ?? '-';
}
