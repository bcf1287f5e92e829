// Bodies above the limit are refused with 413 `too-large` before they are read whole.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';

export interface BodyLimitOptions {
  /** Largest accepted body, in bytes. */
  maxBytes: number;
}

/** Refuses request bodies larger than `maxBytes` (Content-Length or streamed). */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) =>
    errorResponse(c, 413, 'too-large', `the body exceeds ${options.maxBytes} bytes`);
  const streamed = honoBodyLimit({ maxSize: options.maxBytes, onError: tooLarge });
  return (c, next) => {
    // A Content-Length decides alone (Node's parser holds the body to it). Hono's middleware would
    // first touch `c.req.raw.body`, which makes @hono/node-server build a web Request and stream
    // and read the body through them: about a tenth of the ingest CPU.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > options.maxBytes ? Promise.resolve(tooLarge(c)) : next();
    }
    return streamed(c, next);
  };
}
