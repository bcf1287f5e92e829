import { describe, expect, it } from 'vitest';
import { PROOF_BYTES, ReplayCache } from './replay-cache';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const s = (ms: number) => Math.floor(ms / 1000);

describe('ReplayCache', () => {
  it('refuses a proof seen while it is within the window, and forgets it after', () => {
    const cache = new ReplayCache({ skewSeconds: 60, maxBytes: 10 * PROOF_BYTES });
    expect(cache.remember('sub', 'j1', s(T0), T0)).toBeNull();
    expect(cache.remember('sub', 'j1', s(T0), T0 + 59_000)).toBe('replayed');
    expect(cache.remember('other', 'j1', s(T0), T0)).toBeNull();
    expect(cache.size).toBe(2);
    // The proof is no longer acceptable after iat + 60 s (the verifier refuses it), so it is forgotten.
    expect(cache.remember('sub', 'j2', s(T0) + 61, T0 + 61_000)).toBeNull();
    expect(cache.size).toBe(1);
  });

  it('never refuses a fresh proof when full: it forgets the oldest and refuses anything as old', () => {
    const cache = new ReplayCache({ skewSeconds: 60, maxBytes: 100 * PROOF_BYTES });
    for (let i = 0; i < 100; i++) expect(cache.remember('flood', `f${i}`, s(T0) - 30, T0)).toBeNull();
    // Visitors at 20 proofs a second, five times the cache's size: each is accepted, made now.
    let now = T0;
    for (let i = 0; i < 500; i++, now += 50) expect(cache.remember(`visitor${i}`, 'j', s(now), now)).toBeNull();
    expect(cache.size).toBe(100);
    // What was forgotten cannot be told from a replay: refused, with the reason.
    expect(cache.remember('flood', 'f0', s(T0) - 30, now)).toBe('too-old');
    expect(cache.remember('visitor0', 'j', s(T0), now)).toBe('too-old');
    expect(cache.remember('visitor499', 'j', s(now - 50), now)).toBe('replayed');
    expect(cache.remember('late', 'j', s(now), now)).toBeNull();
  });

  it('keeps proofs dated ahead of the clock to half the cache, so a flood of them cannot lock out a correct clock', () => {
    const cache = new ReplayCache({ skewSeconds: 60, maxBytes: 100 * PROOF_BYTES });
    const refusals = [];
    for (let i = 0; i < 100; i++) refusals.push(cache.remember(`ahead${i}`, 'j', s(T0) + 60, T0));
    expect(refusals.filter((r) => r === null)).toHaveLength(50);
    expect(refusals.filter((r) => r === 'too-many-ahead')).toHaveLength(50);
    let now = T0;
    for (let i = 0; i < 500; i++, now += 50) expect(cache.remember(`visitor${i}`, 'j', s(now), now)).toBeNull();
    expect(cache.remember('visitor499', 'j', s(now - 50), now)).toBe('replayed');
  });

  it('keeps memory per proof fixed, whatever the jti length', () => {
    const cache = new ReplayCache({ skewSeconds: 60, maxBytes: 3 * PROOF_BYTES });
    for (let i = 0; i < 3; i++) expect(cache.remember('sub', `${'x'.repeat(256)}${i}`, s(T0), T0)).toBeNull();
    expect(cache.remember('sub', `${'x'.repeat(256)}2`, s(T0), T0)).toBe('replayed');
  });
});
