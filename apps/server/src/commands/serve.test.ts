import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';

describe('consent-ledger serve flags', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [['--trust-proxy', '10.0.0.1/8'], '--trust-proxy: "10.0.0.1/8" has bits set after /8 (the block is 10.0.0.0/8)'],
    [['--trust-proxy', 'lb.internal'], '--trust-proxy: "lb.internal" is not an IP address or a CIDR block'],
    [['--trust-proxy', ''], '--trust-proxy: the list of trusted proxies is empty'],
    [['--trust-proxy', '10.0.0.0/8', '--proxy-header', 'x-real-ip'], '--proxy-header must be one of x-forwarded-for, forwarded, not "x-real-ip"'],
    [['--proxy-header', 'forwarded'], '--proxy-header needs --trust-proxy'],
  ])('refuses %j before starting, as a usage error', async (args, message) => {
    expect(await main(['serve', ...args])).toBe(2);
    expect(err.join('\n')).toContain(`consent-ledger: ${message}`);
    expect(err.join('\n')).toContain('[--trust-proxy CIDR,...]');
  });
});
