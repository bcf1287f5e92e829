// Reads `Set-Cookie` response headers (RFC 6265 §5.2), for the cookies a response tried to set that
// the browser refused: current Chromium, like Safari and Firefox, refuses unpartitioned third-party
// cookies, so an embed's tracker never reaches the jar, yet a visitor of a browser that accepts them
// would carry it. The scan reports them as attempted (`stored: false`).

/** One cookie a response asked for, as the browser would store it. */
export interface OfferedCookie {
  name: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

const SAME_SITE: Record<string, OfferedCookie['sameSite']> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/** The cookie one `Set-Cookie` header value sets for a response of `url` at `now`; null for a deletion or garbage. */
export function parseSetCookie(header: string, url: string, now = Date.now()): OfferedCookie | null {
  const [pair, ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  if (!name) return null;
  const { hostname, pathname } = new URL(url);
  const cookie: OfferedCookie = {
    name,
    domain: hostname,
    // The default path: the request path up to its last slash.
    path: pathname.lastIndexOf('/') > 0 ? pathname.slice(0, pathname.lastIndexOf('/')) : '/',
    expires: -1,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
  };
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'domain':
        if (value) cookie.domain = `.${value.replace(/^\./, '').toLowerCase()}`;
        break;
      case 'path':
        if (value.startsWith('/')) cookie.path = value;
        break;
      case 'max-age':
        if (/^-?\d+$/.test(value)) maxAge = Number(value);
        break;
      case 'expires': {
        const at = Date.parse(value);
        if (!Number.isNaN(at) && maxAge === undefined) cookie.expires = Math.floor(at / 1000);
        break;
      }
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite':
        cookie.sameSite = SAME_SITE[value.toLowerCase()] ?? 'Lax';
        break;
    }
  }
  if (maxAge !== undefined) {
    if (maxAge <= 0) return null;
    cookie.expires = Math.floor(now / 1000) + maxAge;
  } else if (cookie.expires !== -1 && cookie.expires * 1000 <= now) return null;
  return cookie;
}
