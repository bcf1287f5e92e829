// 503 `unavailable` with Retry-After once the bodies of the requests being handled pass a budget.
// Every request holds its body (and the receipts parsed from it, and their place in the verify and
// commit queues) until it is answered: without this bound, enough slow or parallel clients hold as
// much memory as they like. A body is counted at its Content-Length, or at the body limit when it
// is streamed, from before it is read until the answer is made.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';

export interface InFlightOptions {
  /** Most body bytes handled at once. */
  maxBytes: number;
  /** What a body without Content-Length is counted as: the route's body limit. */
  streamedBytes: number;
}

/** Refuses a request whose body would take the bytes in flight past `maxBytes`. */
export function inFlightLimit(options: InFlightOptions): MiddlewareHandler<AppEnv> {
  let inFlight = 0;
  return async (c, next) => {
    const length = c.req.header('content-length');
    const declared = length === undefined ? Number.NaN : Number.parseInt(length, 10);
    const bytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : options.streamedBytes;
    if (inFlight > 0 && inFlight + bytes > options.maxBytes) {
      c.header('Retry-After', '1');
      return errorResponse(c, 503, 'unavailable', 'the collector is handling as much as it can hold; retry in 1 s');
    }
    inFlight += bytes;
    try {
      await next();
    } finally {
      inFlight -= bytes;
    }
  };
}
