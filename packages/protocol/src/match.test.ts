import { describe, expect, it } from 'vitest';
import { cookieMatcher, hostMatches } from './match';

describe('cookieMatcher', () => {
  it('matches exact names and * patterns, nothing else', () => {
    expect(cookieMatcher('_ga')('_ga')).toBe(true);
    expect(cookieMatcher('_ga')('_ga_ABC')).toBe(false);
    expect(cookieMatcher('_ga_*')('_ga_ABC123')).toBe(true);
    expect(cookieMatcher('_ga_*')('_gat')).toBe(false);
    expect(cookieMatcher('intercom-*-id')('intercom-x.y-id')).toBe(true);
    expect(cookieMatcher('a.b*')('aXb')).toBe(false);
  });
});

describe('hostMatches', () => {
  it('covers the host and its subdomains, never a look-alike', () => {
    expect(hostMatches('google.com', 'google.com')).toBe(true);
    expect(hostMatches('google.com', 'www.google.com')).toBe(true);
    expect(hostMatches('google.com', 'notgoogle.com')).toBe(false);
    expect(hostMatches('www.google.com', 'google.com')).toBe(false);
  });

  it('reads *.example.com as any subdomain but not the apex', () => {
    expect(hostMatches('*.example.com', 'cdn.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'badexample.com')).toBe(false);
  });
});
