// kill -9 under load at CI size (bench/reliability runs more rounds).
import { describe, expect, it } from 'vitest';
import { KILL_ROUNDS, runKillLoop } from './crash';

describe('kill -9 of serve under load, restarted', () => {
  it('loses and alters no acknowledged receipt, stores none twice, and the export verifies', async () => {
    const outcome = await runKillLoop({ rounds: KILL_ROUNDS.ci });
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.lost).toEqual([]);
    expect(outcome.altered).toEqual([]);
    expect([outcome.duplicated, outcome.unacknowledged]).toEqual([0, 0]);
    expect(outcome.verifyExit).toBe(0);
    // The loop must have had something to lose.
    expect(outcome.acknowledged).toBeGreaterThan(KILL_ROUNDS.ci * 5);
  }, 180_000);
});
