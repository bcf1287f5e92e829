import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a minute of tokens at once, then refills at the rate', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, clock: () => now });
    expect(buckets.take('a', 60)).toEqual({ ok: true });
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('b')).toEqual({ ok: true });
    now += 1000;
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a', 5)).toEqual({ ok: false, retryAfterSeconds: 5 });
    now += 120_000;
    expect(buckets.take('a', 61)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('a', 60)).toEqual({ ok: true });
  });

  it('forgets the least recently used buckets beyond maxBytes', () => {
    // Room for two one-character keys' buckets.
    const buckets = new TokenBuckets({ perMinute: 1, clock: () => 0, maxBytes: 2 * 121 });
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('b').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
    // b is now the least recently seen: c pushes it out, and b starts again with a full bucket.
    expect(buckets.take('c').ok).toBe(true);
    expect(buckets.take('b').ok).toBe(true);
  });

  it('gives back what a refused request already paid, and counts it in Retry-After', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, clock: () => now });
    expect(buckets.take('a', 59)).toEqual({ ok: true });
    expect(buckets.take('a')).toEqual({ ok: true });
    now += 2000;
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a', 3, 1)).toEqual({ ok: false, retryAfterSeconds: 2 });
    now += 2000;
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a', 3, 1)).toEqual({ ok: true });
  });
});
