import { describe, expect, it } from 'vitest';
import { type ForwardingOptions, forwardedClient, parseTrustedProxies } from './trusted-proxies';

function proxies(list: string) {
  const parsed = parseTrustedProxies(list);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const LB = '10.0.0.5';
const trusted = proxies('10.0.0.0/8, 2001:db8:ffff::/48 192.0.2.7');
const xff: ForwardingOptions = { proxies: trusted, header: 'x-forwarded-for' };
const fwd: ForwardingOptions = { proxies: trusted, header: 'forwarded' };

describe('parseTrustedProxies', () => {
  it('takes addresses and CIDR blocks, IPv4 and IPv6, separated by commas or spaces', () => {
    // A trusted peer is the one whose header is read.
    const has = (address: string) => forwardedClient(address, '198.51.100.1', xff) === '198.51.100.1';
    expect(has('10.200.3.4')).toBe(true);
    expect(has('::ffff:10.1.2.3')).toBe(true);
    expect(has('192.0.2.7')).toBe(true);
    expect(has('192.0.2.8')).toBe(false);
    expect(has('2001:db8:ffff:1::9')).toBe(true);
    expect(has('2001:db8:fffe::9')).toBe(false);
    expect(has('11.0.0.1')).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['10.0.0.0/33', 'prefix length'],
    ['10.0.0.1/8', 'bits set after /8 (the block is 10.0.0.0/8)'],
    ['2001:db8::1/32', 'the block is 2001:db8::/32'],
    ['lb.internal', 'not an IP address'],
    ['10.0.0.0/8/8', 'not an IP address'],
    ['10.0.0.0/x', 'prefix length'],
  ])('refuses %j', (list, message) => {
    const parsed = parseTrustedProxies(list);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(message);
  });
});

describe('forwardedClient', () => {
  it('takes the right-most address that is not a trusted proxy', () => {
    expect(forwardedClient(LB, '198.51.100.9', xff)).toBe('198.51.100.9');
    // Two balancers in a row, both trusted.
    expect(forwardedClient(LB, '198.51.100.9, 10.9.9.9', xff)).toBe('198.51.100.9');
    expect(forwardedClient('::ffff:10.0.0.5', '2001:db8:1::42', xff)).toBe('2001:db8:1::42');
    // Ports and brackets, as some proxies write them.
    expect(forwardedClient(LB, '198.51.100.9:51234', xff)).toBe('198.51.100.9');
    expect(forwardedClient(LB, '[2001:db8:1::42]:443', xff)).toBe('2001:db8:1::42');
  });

  it('ignores the header when the peer is not a trusted proxy: a visitor cannot choose its address', () => {
    expect(forwardedClient('203.0.113.50', '198.51.100.9', xff)).toBe('203.0.113.50');
    expect(forwardedClient('203.0.113.50', 'for=198.51.100.9', fwd)).toBe('203.0.113.50');
    expect(forwardedClient('203.0.113.50', '10.0.0.1', xff)).toBe('203.0.113.50');
    expect(forwardedClient(null, '198.51.100.9', xff)).toBeNull();
    expect(forwardedClient('not-an-ip', '198.51.100.9', xff)).toBe('not-an-ip');
  });

  it('ignores what a visitor wrote to the left of the address the balancer appended', () => {
    // The visitor sends "X-Forwarded-For: 1.2.3.4"; the balancer appends the address it saw.
    expect(forwardedClient(LB, '1.2.3.4, 203.0.113.50', xff)).toBe('203.0.113.50');
    // Pretending to be a trusted proxy with a client behind it does not help either.
    expect(forwardedClient(LB, '1.2.3.4, 10.0.0.9, 203.0.113.50', xff)).toBe('203.0.113.50');
    expect(forwardedClient(LB, 'for=1.2.3.4, for=203.0.113.50', fwd)).toBe('203.0.113.50');
  });

  it('falls back to the nearest trusted proxy when a hop it reported is unusable', () => {
    expect(forwardedClient(LB, 'garbage', xff)).toBe(LB);
    expect(forwardedClient(LB, '', xff)).toBe(LB);
    expect(forwardedClient(LB, '198.51.100.9, unknown, 10.9.9.9', xff)).toBe('10.9.9.9');
    expect(forwardedClient(LB, 'for=unknown', fwd)).toBe(LB);
    expect(forwardedClient(LB, 'for=_hidden', fwd)).toBe(LB);
    expect(forwardedClient(LB, 'by=10.0.0.5', fwd)).toBe(LB);
    expect(forwardedClient(LB, undefined, xff)).toBe(LB);
  });

  it('takes the left-most hop when every hop is a trusted proxy', () => {
    expect(forwardedClient(LB, '10.1.1.1, 10.2.2.2', xff)).toBe('10.1.1.1');
  });

  it('parses RFC 7239 elements: quoted IPv6 with port, other parameters, case, quoted commas', () => {
    expect(forwardedClient(LB, 'for="[2001:db8:cafe::17]:4711";proto=https;by=10.0.0.5', fwd)).toBe(
      '2001:db8:cafe::17',
    );
    expect(forwardedClient(LB, 'proto=http;For=198.51.100.9', fwd)).toBe('198.51.100.9');
    expect(forwardedClient(LB, 'for=192.0.2.60;proto=http;by=203.0.113.43, for="198.51.100.17"', fwd)).toBe(
      '198.51.100.17',
    );
    // A comma inside a quoted value is not an element boundary.
    expect(forwardedClient(LB, 'for=198.51.100.9;host="a,b", for=10.3.3.3', fwd)).toBe('198.51.100.9');
  });
});
