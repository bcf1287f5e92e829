// Every error leaves as JSON: ApiErrors with their status, Hono's HTTP exceptions with theirs,
// anything else as a 500 whose details stay in the server log (a client never causes one); an
// unrouted request is a 405 (known path, other method) or a 404.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { allowedMethods, type RouteEntry } from '../allowed-methods';
import type { AppEnv } from '../env';
import { ApiError, errorResponse } from '../errors';

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
      return errorResponse(
        c,
        status,
        status === 413 ? 'too-large' : status >= 500 ? 'internal' : 'malformed',
        error.message || 'bad request',
      );
    }
    log(`request ${requestIdOf(c)} failed:`, error);
    return errorResponse(c, 500, 'internal', 'internal error');
  };
}

export interface JsonNotFoundOptions {
  /** The app's registered routes (`app.routes`), read when a request matches none. */
  routes: () => readonly RouteEntry[];
}

/** The `app.notFound` handler: 405 with `Allow` for a known path asked with another method, else a JSON 404. */
export function jsonNotFound(options: JsonNotFoundOptions): NotFoundHandler<AppEnv> {
  const allowed = allowedMethods(options.routes);
  return (c) => {
    const path = c.req.path;
    const methods = allowed(path);
    // When the request's own method is served here, a handler of it called c.notFound(): a 404.
    if (methods.length > 0 && !methods.includes(c.req.method)) {
      c.header('Allow', methods.join(', '));
      return errorResponse(
        c,
        405,
        'method-not-allowed',
        `${c.req.method} is not allowed on ${path} (allowed: ${methods.join(', ')})`,
      );
    }
    return errorResponse(c, 404, 'not-found', `no route for ${c.req.method} ${path}`);
  };
}

function requestIdOf(c: Context<AppEnv>): string {
  return c.get('requestId') ?? '-';
}
