// The hostile-request corpus at CI size (bench/reliability runs it at full size).
import { describe, expect, it } from 'vitest';
import { HOSTILE_RUNS, runHostileCorpus } from './hostile';

describe('hostile requests against the real collector', () => {
  it('answers every one with its 4xx and a JSON error, never a 5xx, and stores nothing but the valid receipts', async () => {
    const outcome = await runHostileCorpus(HOSTILE_RUNS.ci);
    expect(outcome.broken).toEqual([]);
    expect(outcome.wrong).toEqual([]);
    expect(outcome.strayEntries).toEqual([]);
    expect(outcome.tried).toBeGreaterThan(3 * HOSTILE_RUNS.ci);
  }, 180_000);
});
