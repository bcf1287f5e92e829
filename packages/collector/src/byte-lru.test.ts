import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru';

describe('ByteLru', () => {
  it('forgets the least recently used entries once their bytes pass the budget', () => {
    const lru = new ByteLru<string, number>(100);
    lru.set('a', 1, 40);
    lru.set('b', 2, 40);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3, 40);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c')]).toEqual([1, 3]);
    expect(lru.bytes).toBe(80);
    // One large entry pushes out as many as it needs.
    lru.set('d', 4, 90);
    expect(lru.size).toBe(1);
    expect(lru.bytes).toBe(90);
  });

  it('counts a replaced entry once, and keeps nothing larger than the budget', () => {
    const lru = new ByteLru<string, number>(100);
    lru.set('a', 1, 60);
    lru.set('a', 2, 30);
    expect(lru.bytes).toBe(30);
    lru.set('huge', 3, 101);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe(2);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
