import { describe, expect, it, vi } from 'vitest';
import { isUuidV7, uuidv7 } from './uuid';

describe('uuidv7', () => {
  it('is lowercase, version 7, RFC variant, and carries the millisecond timestamp', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0, 123);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
    expect(isUuidV7(id)).toBe(true);
    expect(isUuidV7(uuidv7())).toBe(true);
  });

  it('is strictly increasing within one millisecond', () => {
    const now = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 2000 }, () => uuidv7(now));
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1], ids[i]).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith(now.toString(16).padStart(12, '0').slice(0, 8)))).toBe(true);
  });

  it('carries the increment from the low random bits into the higher ones, and still sorts', () => {
    // Random bits at their top: the next ids of that millisecond wrap the low 32 bits, then the next 30.
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T) => {
      (array as unknown as Uint32Array).set([0x7ff, 0x3fffffff, 0xfffffffe]);
      return array;
    });
    try {
      const now = Date.UTC(2026, 0, 2);
      const ids = [uuidv7(now), uuidv7(now), uuidv7(now)];
      expect(ids.map((id) => id.slice(14))).toEqual([
        '77ff-bfff-fffffffffffe',
        '77ff-bfff-ffffffffffff',
        '7800-8000-000000000000',
      ]);
      expect(ids.every(isUuidV7)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('sorts by time across milliseconds, and draws fresh random bits in each', () => {
    const a = uuidv7(1000);
    const b = uuidv7(1001);
    const c = uuidv7(1002);
    expect(a < b && b < c).toBe(true);
    expect(b.slice(15)).not.toBe(a.slice(15));
  });

  it('refuses timestamps that do not fit 48 bits', () => {
    expect(() => uuidv7(-1)).toThrow();
    expect(() => uuidv7(2 ** 48)).toThrow();
    expect(() => uuidv7(Number.NaN)).toThrow();
  });
});

describe('isUuidV7', () => {
  it('refuses other versions, other variants, uppercase and bad shapes', () => {
    const id = uuidv7();
    expect(isUuidV7(id.toUpperCase())).toBe(false);
    expect(isUuidV7(`${id.slice(0, 14)}4${id.slice(15)}`)).toBe(false);
    expect(isUuidV7(`${id.slice(0, 19)}c${id.slice(20)}`)).toBe(false);
    expect(isUuidV7(id.replaceAll('-', ''))).toBe(false);
    expect(isUuidV7(`${id} `)).toBe(false);
    expect(isUuidV7('')).toBe(false);
    expect(isUuidV7(null)).toBe(false);
    expect(isUuidV7('018f3c1e-9a2b-7c4d-8e5f-0123456789ab')).toBe(true);
  });
});
