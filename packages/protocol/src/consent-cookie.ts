// The `cl_consent` cookie: the decision in force on a device, in a form the site's own server can
// read on every request (server-rendered pages, server-side tagging). The SDK writes it after each
// decision; servers parse it. The device's IndexedDB stays the record and the signed receipts the
// proof: the cookie is a convenience copy, which is why it carries no identifier and no signature.
//
// Format (URL-safe, no quoting or escaping needed in a Cookie header):
//   v1.<revision>.<granted purposes joined by "+", in the notice's order; empty when none>.<decided at, Unix seconds>
//   e.g. cl_consent=v1.7.analytics+maps.1764950400   or   cl_consent=v1.7..1764950400 (nothing granted)

/** The cookie's name. */
export const CONSENT_COOKIE = 'cl_consent';

/** What a `cl_consent` cookie says: the decision's config revision, its granted purposes, and when it was made. */
export interface ConsentCookie {
  revision: number;
  granted: string[];
  /** ISO 8601, to the second (the cookie keeps whole seconds). */
  decidedAt: string;
}

const VALUE = /^v1\.([1-9]\d{0,15})\.((?:[a-z][a-z0-9-]{0,63})(?:\+[a-z][a-z0-9-]{0,63})*)?\.(\d{1,12})$/;

/** The cookie value of a decision (`v1.7.analytics+maps.1764950400`). */
export function formatConsentCookie({ revision, granted, decidedAt }: ConsentCookie): string {
  return `v1.${revision}.${granted.join('+')}.${Math.floor(Date.parse(decidedAt) / 1000)}`;
}

/** Reads one cookie value; null when it is not a well-formed `v1` value. */
export function parseConsentCookieValue(value: string): ConsentCookie | null {
  const match = VALUE.exec(value.trim());
  if (!match) return null;
  const revision = Number(match[1]);
  if (!Number.isSafeInteger(revision)) return null;
  return {
    revision,
    granted: match[2] ? match[2].split('+') : [],
    decidedAt: new Date(Number(match[3]) * 1000).toISOString(),
  };
}

/**
 * Reads the decision from a request's `Cookie` header; null when there is no valid `cl_consent`
 * (no decision known: grant nothing). When a browser sends several (one per domain or path after a
 * change of `data-cookie-domain`), the latest decision wins.
 */
export function parseConsentCookie(header: string | null | undefined): ConsentCookie | null {
  let latest: ConsentCookie | null = null;
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== CONSENT_COOKIE) continue;
    const parsed = parseConsentCookieValue(pair.slice(at + 1));
    if (parsed && (!latest || parsed.decidedAt > latest.decidedAt)) latest = parsed;
  }
  return latest;
}
