// Bearer tokens for the audit and admin routes. Runs before any body is read or validated:
// 401 `unauthorized` for a missing, unknown or revoked token, 401 `token-expired` for one past its
// expiry, 403 for a role the routes do not take or a site outside the token's list.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import type { LedgerStore, TokenRole } from '../store/types';
import { hashToken, sameHash, tokenCovers, tokenExpired } from '../tokens';

export interface BearerAuthOptions {
  store: LedgerStore;
  /** Milliseconds since the epoch: tokens past their expiry are refused. */
  clock: () => number;
  /** The roles these routes take (audit routes: auditor and admin; admin routes: admin only). */
  roles: readonly TokenRole[];
  /** The route parameter naming the site the request acts on, if any. */
  siteParam?: string;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Checks `Authorization: Bearer <token>` and sets `token` for the handler. */
export function bearerAuth(options: BearerAuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match)
      throw unauthorized(
        c.req.header('authorization')
          ? 'the Authorization header is not "Bearer <token>"'
          : 'this route needs Authorization: Bearer <token>',
      );
    const hash = hashToken(match[1]);
    const token = await options.store.getTokenByHash(hash);
    // The lookup is by hash, so timing tells nothing of the secret; the compare is constant-time anyway.
    if (!token || !sameHash(token.hash, hash)) throw unauthorized('unknown token');
    if (token.revokedAt !== null) throw unauthorized('this token was revoked');
    if (tokenExpired(token, options.clock()))
      throw new ApiError(401, 'token-expired', `this token expired at ${token.expiresAt}; ask an admin for a new one`);
    if (!options.roles.includes(token.role))
      throw new ApiError(403, 'forbidden', `this route needs an ${options.roles.join(' or ')} token`);
    const site = options.siteParam ? c.req.param(options.siteParam) : undefined;
    if (site !== undefined && !tokenCovers(token, site))
      throw new ApiError(403, 'forbidden', `this token does not cover site "${site}"`);
    c.set('token', token);
    await next();
  };
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message);
}
