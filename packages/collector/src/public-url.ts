// The URL clients reach the collector at, when a proxy in front of it (TLS termination, another
// host or port, a path prefix it strips) makes the URL the app sees differ from it. A visitor's
// DPoP proof is bound to the URL the browser called (RFC 9449 `htu`), so behind such a proxy it is
// checked against this base plus the path the app received.
import { fail, ok, type Result } from '@consent-ledger/protocol';

/** Parses a public base URL (`https://consent.example.org`, or with the path prefix a proxy strips); the base without a trailing slash. */
export function parsePublicUrl(text: string): Result<string, 'malformed'> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('malformed', `"${text}" is not an absolute URL (such as https://consent.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail('malformed', `"${text}" is not an http:// or https:// URL`);
  if (url.username !== '' || url.password !== '') return fail('malformed', `"${text}" holds a user name or password`);
  // A query or fragment would never be part of a request path: refuse rather than drop what the operator wrote.
  if (/[?#]/.test(text)) return fail('malformed', `"${text}" has a query or a fragment; give the base URL only`);
  return ok(url.origin + url.pathname.replace(/\/+$/, ''));
}

/** The URL of a request as its client called it: the public base, then the path the app received (no query, as DPoP binds it). */
export function publicRequestUrl(base: string, requestUrl: string): string {
  return base + new URL(requestUrl).pathname;
}
