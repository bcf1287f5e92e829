import { describe, expect, it } from 'vitest';
import { rateKey, storedIp } from './ip';

describe('storedIp', () => {
  it('truncates IPv4 to /24 and IPv6 to /48, host bits zeroed', () => {
    expect(storedIp('203.0.113.77', 'truncate')).toBe('203.0.113.0');
    expect(storedIp('2001:db8:1:2:3:4:5:6', 'truncate')).toBe('2001:db8:1::');
    expect(storedIp('2001:0DB8:00ab:ffff::1', 'truncate')).toBe('2001:db8:ab::');
    expect(storedIp('::ffff:198.51.100.9', 'truncate')).toBe('198.51.100.0');
    expect(storedIp('fe80::1%eth0', 'truncate')).toBe('fe80::');
  });

  it('keeps the whole address with "full", in canonical form', () => {
    expect(storedIp('2001:0db8:0000:0000:0001:0000:0000:0001', 'full')).toBe('2001:db8::1:0:0:1');
    expect(storedIp('::1', 'full')).toBe('::1');
    expect(storedIp('::ffff:127.0.0.1', 'full')).toBe('127.0.0.1');
    expect(storedIp('1:2:3:4:5:6:7:8', 'full')).toBe('1:2:3:4:5:6:7:8');
  });

  it('stores nothing with "none", or for what is not an address', () => {
    expect(storedIp('203.0.113.77', 'none')).toBeNull();
    expect(storedIp(null, 'full')).toBeNull();
    for (const bad of ['', 'localhost', '1.2.3', '1.2.3.256', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::'])
      expect(storedIp(bad, 'full'), bad).toBeNull();
  });
});

describe('rateKey', () => {
  it('is the IPv4 address, or the IPv6 /64', () => {
    expect(rateKey('192.0.2.1')).toBe('192.0.2.1');
    expect(rateKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::');
    expect(rateKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::');
    expect(rateKey(null)).toBeNull();
  });
});
