// Every request gets an id (the caller's X-Request-Id when it is sane), echoed in the answer and
// written in error logs, so a visitor's report can be matched with the server's log line.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

export interface RequestIdOptions {
  /** Header read and written. */
  header?: string;
  /** Makes a new id. */
  generate?: () => string;
}

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Sets `c.var.requestId` and the response header. */
export function requestId(options: RequestIdOptions = {}): MiddlewareHandler<AppEnv> {
  const header = options.header ?? 'X-Request-Id';
  const generate = options.generate ?? (() => crypto.randomUUID());
  return async (c, next) => {
    const given = c.req.header(header);
    const id = given && SANE_ID.test(given) ? given : generate();
    c.set('requestId', id);
    c.header(header, id);
    await next();
  };
}
