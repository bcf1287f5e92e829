// Receipts come from the pages of the sites. A request without an `Origin`, or from one that no
// live site lists, is refused with 403 `origin-not-allowed` before its body is read: a flood from
// elsewhere costs no parsing and no signature verification. This is only the first filter; once
// verified, each receipt is still checked against the origins of its own site.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

export interface ListedOriginOptions {
  /** True when some live site lists `origin` (the site cache, reloaded on a miss at a bounded rate). */
  listed: (origin: string) => Promise<boolean>;
}

/** Refuses requests whose `Origin` no site lists, before anything else is done with them. */
export function listedOrigin(options: ListedOriginOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) throw new ApiError(403, 'origin-not-allowed', 'receipts are accepted from the pages of a site only (no Origin header)');
    if (!(await options.listed(origin))) throw new ApiError(403, 'origin-not-allowed', `no site lists origin ${origin}`);
    await next();
  };
}
