// The one Hono environment every collector route and middleware is typed with.

/** Variables set by middleware for the handlers after them. */
export interface AppVariables {
  /** Set by the request-id middleware; echoed in `X-Request-Id`. */
  requestId: string;
  /** Set by the bearer-token middleware (audit and admin routes). */
  token?: import('./store/types').TokenRecord;
  /** Set by the DPoP middleware (a visitor's own routes): the subject whose device signed the request. */
  subject?: string;
}

/** The collector's Hono environment. */
export interface AppEnv {
  Variables: AppVariables;
}
