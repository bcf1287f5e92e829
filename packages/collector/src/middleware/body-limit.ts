// Bodies above the limit are refused with 413 `too-large` before they are read whole.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { errorResponse } from '../errors';
import type { AppEnv } from '../env';

export interface BodyLimitOptions {
  /** Largest accepted body, in bytes. */
  maxBytes: number;
}

/** Refuses request bodies larger than `maxBytes` (Content-Length or streamed). */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  return honoBodyLimit({
    maxSize: options.maxBytes,
    onError: (c) => errorResponse(c, 413, 'too-large', `the body exceeds ${options.maxBytes} bytes`),
  });
}
