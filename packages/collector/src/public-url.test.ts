import { describe, expect, it } from 'vitest';
import { parsePublicUrl, publicRequestUrl } from './public-url';

describe('the public base URL', () => {
  it.each([
    ['https://consent.example.org', 'https://consent.example.org'],
    ['https://consent.example.org/', 'https://consent.example.org'],
    ['HTTPS://Consent.Example.ORG:443/', 'https://consent.example.org'],
    ['https://example.org:8443/consent/', 'https://example.org:8443/consent'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://[2001:db8::1]/ledger', 'https://[2001:db8::1]/ledger'],
  ])('takes %s as %s', (text, base) => {
    expect(parsePublicUrl(text)).toEqual({ ok: true, value: base });
  });

  it.each([
    ['consent.example.org', 'is not an absolute URL'],
    ['/consent', 'is not an absolute URL'],
    ['', 'is not an absolute URL'],
    ['ftp://consent.example.org', 'is not an http:// or https:// URL'],
    ['https://user:secret@consent.example.org', 'holds a user name or password'],
    ['https://consent.example.org/?site=a', 'has a query or a fragment'],
    ['https://consent.example.org/#top', 'has a query or a fragment'],
  ])('refuses %j (%s)', (text, message) => {
    const parsed = parsePublicUrl(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect([parsed.error.code, parsed.error.message]).toEqual(['malformed', expect.stringContaining(message)]);
  });

  it('rebuilds a request URL from the public base and the path seen behind the proxy, without the query', () => {
    expect(publicRequestUrl('https://consent.example.org', 'http://internal:8080/v1/subjects/abc/receipts?x=1')).toBe(
      'https://consent.example.org/v1/subjects/abc/receipts',
    );
    expect(publicRequestUrl('https://example.org/consent', 'http://10.0.0.5:8080/v1/subjects/abc')).toBe(
      'https://example.org/consent/v1/subjects/abc',
    );
  });
});
