// How a service's declared `cookies` and `hosts` are matched against what a browser holds or fetches.
// One definition for the SDK (clearing cookies on withdrawal, naming an embed's service) and the
// scanner (attributing what it saw on a site to services), so the two can never disagree.

/** Turns a cookie pattern (exact name, or `*` for any run of characters) into a matcher. */
export function cookieMatcher(pattern: string): (name: string) => boolean {
  // Every non-word character is escaped, then the escaped `*` becomes "any run".
  const re = new RegExp(`^${pattern.replace(/\W/g, '\\$&').replace(/\\\*/g, '.*')}$`);
  return (name) => re.test(name);
}

/**
 * True when `host` is covered by a declared host: the host itself or any subdomain of it
 * (`google.com` covers `www.google.com`), or with `*.example.com` any subdomain but not the apex.
 */
export function hostMatches(declared: string, host: string): boolean {
  if (declared.startsWith('*.')) return host.endsWith(declared.slice(1));
  return host === declared || host.endsWith(`.${declared}`);
}
