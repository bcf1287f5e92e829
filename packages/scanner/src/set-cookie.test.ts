import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './set-cookie';

const now = Date.parse('2026-03-01T00:00:00Z');
const at = (iso: string) => Date.parse(iso) / 1000;

describe('Set-Cookie headers', () => {
  it('reads a cookie as the browser would store it', () => {
    expect(
      parseSetCookie(
        'NID=511=abc; expires=Sun, 30-Aug-2026 00:00:00 GMT; path=/; domain=.google.com; Secure; HttpOnly; SameSite=none',
        'https://www.google.com/maps/embed',
        now,
      ),
    ).toEqual({
      name: 'NID',
      domain: '.google.com',
      path: '/',
      expires: at('2026-08-30T00:00:00Z'),
      httpOnly: true,
      secure: true,
      sameSite: 'None',
    });
  });

  it('defaults to the host, the request’s folder and a session; Max-Age wins over Expires', () => {
    expect(parseSetCookie('sid=1', 'https://cdn.example/a/b/c.js', now)).toEqual({
      name: 'sid',
      domain: 'cdn.example',
      path: '/a/b',
      expires: -1,
      httpOnly: false,
      secure: false,
      sameSite: 'Lax',
    });
    expect(
      parseSetCookie('x=1; Max-Age=3600; Expires=Thu, 01 Jan 2099 00:00:00 GMT', 'https://a.example/', now)?.expires,
    ).toBe(now / 1000 + 3600);
  });

  it('ignores deletions and garbage', () => {
    expect(parseSetCookie('x=; Max-Age=0', 'https://a.example/', now)).toBeNull();
    expect(parseSetCookie('x=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'https://a.example/', now)).toBeNull();
    expect(parseSetCookie('=nameless', 'https://a.example/', now)).toBeNull();
    expect(parseSetCookie('no-equals-sign', 'https://a.example/', now)).toBeNull();
  });
});
