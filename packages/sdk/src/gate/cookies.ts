import { cookieMatcher } from '@consent-ledger/protocol';

const EXPIRED = '=; expires=Thu, 01 Jan 1970 00:00:00 GMT';

/** The domains a cookie of this page may live on: host-only, the host, then each parent domain. */
export function cookieDomains(hostname: string): string[] {
  const parts = hostname.split('.');
  const out = [''];
  for (let i = 0; i < parts.length - 1; i++) out.push(`; domain=.${parts.slice(i).join('.')}`);
  return out;
}

/** The paths a cookie visible here may have: `/` and every prefix of the path, with and without its slash. */
export function cookiePaths(pathname: string): string[] {
  const out = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    prefix += `/${segment}`;
    out.add(prefix).add(`${prefix}/`);
  }
  return [...out];
}

/** Deletes every cookie visible to the page whose name matches one of `patterns`; returns the names deleted. */
export function clearCookies(patterns: string[], doc: Document = document): string[] {
  const matchers = patterns.map(cookieMatcher);
  const names = doc.cookie
    .split(';')
    .map((c) => c.split('=')[0].trim())
    .filter((name) => name && matchers.some((m) => m(name)));
  const { hostname, pathname } = doc.location;
  for (const name of names)
    for (const domain of cookieDomains(hostname))
      for (const path of cookiePaths(pathname)) doc.cookie = `${name}${EXPIRED}; path=${path}${domain}`;
  return names;
}
