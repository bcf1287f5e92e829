// First party or third party, as the scanner decides it (docs/design.md, "Scan"). Cookies are per host,
// as browsers keep them: one on the page's host or a parent domain of it is first-party, whatever port
// set it. Requests are per host and port: another port of the page's host is another server, so on
// loopback a second port is a third party; the site's own `origins` count as first-party.

/** `host[:port]` of the site's origins, so a request between two of its own origins is first-party. */
export function ownHosts(pageUrl: string, origins: readonly string[]): Set<string> {
  const hosts = new Set([new URL(pageUrl).host]);
  for (const origin of origins) hosts.add(new URL(origin).host);
  return hosts;
}

/** First-party when the browser would send the cookie to the page's host. */
export function cookieParty(domain: string, pageHostname: string): 'first' | 'third' {
  const bare = domain.replace(/^\./, '');
  return pageHostname === bare || pageHostname.endsWith(`.${bare}`) ? 'first' : 'third';
}

/** First-party when `host` (`hostname[:port]`) is one of the site's own. */
export function hostParty(host: string, own: ReadonlySet<string>): 'first' | 'third' {
  return own.has(host) ? 'first' : 'third';
}
