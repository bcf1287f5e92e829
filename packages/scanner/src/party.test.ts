import { describe, expect, it } from 'vitest';
import { cookieParty, hostParty, ownHosts } from './party';

describe('first or third party', () => {
  it('reads cookies per host, as browsers keep them', () => {
    expect(cookieParty('www.example.com', 'www.example.com')).toBe('first');
    expect(cookieParty('.example.com', 'www.example.com')).toBe('first');
    expect(cookieParty('.google.com', 'www.example.com')).toBe('third');
    expect(cookieParty('shop.example.com', 'www.example.com')).toBe('third');
    expect(cookieParty('127.0.0.1', '127.0.0.1')).toBe('first');
  });

  it('reads requests per host and port: a second loopback port is a third party, the site origins are not', () => {
    const own = ownHosts('http://127.0.0.1:8080/page', ['http://localhost:8080', 'https://www.example.com']);
    expect(hostParty('127.0.0.1:8080', own)).toBe('first');
    expect(hostParty('localhost:8080', own)).toBe('first');
    expect(hostParty('www.example.com', own)).toBe('first');
    expect(hostParty('127.0.0.1:9090', own)).toBe('third');
    expect(hostParty('cdn.example.com', own)).toBe('third');
  });
});
