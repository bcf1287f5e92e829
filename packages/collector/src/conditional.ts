// Conditional GETs (RFC 9110 §13): whether a client's cached copy is still the current one, so
// the answer can be a 304 without a body.

/** The validators of the current representation. */
export interface Validators {
  /** A strong entity tag, quoted. */
  etag: string;
  /** When it last changed, ms since the epoch (sent as Last-Modified). */
  lastModified?: number;
}

/**
 * True when the request's `If-None-Match` (weak comparison, lists, `*`) or, without one,
 * `If-Modified-Since` (to the second) says the client's copy is current.
 */
export function notModified(header: (name: string) => string | undefined, current: Validators): boolean {
  const match = header('if-none-match');
  if (match !== undefined)
    return match.trim() === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === current.etag);
  const since = header('if-modified-since');
  if (since === undefined || current.lastModified === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(current.lastModified / 1000) * 1000 <= time;
}
