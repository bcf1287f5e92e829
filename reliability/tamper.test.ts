// The verify tamper corpus at CI size (issue 14, "Keep them fixed"): `pnpm bench` runs it at full
// size (bench/reliability). Every tamper of every family must be detected.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTamperLedger, CI_SIZE, detected, runTamperCorpus, type TamperTargets } from './tamper';

describe('verify tamper corpus', () => {
  let targets: TamperTargets;
  beforeAll(async () => {
    targets = await buildTamperLedger({ subjects: 8, days: 6 });
  }, 60_000);

  it('starts from files that verify', async () => {
    for (const target of ['full export', 'partial export', 'proof file'] as const) {
      const bytes = Buffer.from(
        target === 'full export' ? targets.full : target === 'partial export' ? targets.partial : targets.proof,
      );
      expect(await detected(targets, { family: 'none', target, description: 'as exported', bytes }), target).toBe(
        false,
      );
    }
    expect(targets.lines.partial.length).toBeLessThan(targets.lines.full.length);
    expect(targets.lines.partial.length).toBeGreaterThan(6);
  });

  it('detects every tamper: bit flips anywhere, deleted, added, swapped, forged and cut-off lines, forged redactions, changed ranges', async () => {
    const outcomes = await runTamperCorpus(targets, CI_SIZE);
    const tried = outcomes.reduce((n, o) => n + o.tried, 0);
    const caught = outcomes.reduce((n, o) => n + o.detected, 0);
    console.log(`tamper corpus (CI size): ${caught} of ${tried} tampers detected`);
    expect(outcomes.filter((o) => o.detected < o.tried)).toEqual([]);
    const families = new Set(outcomes.map((o) => o.family));
    for (const family of [
      'bit flip',
      'deleted line',
      'added line',
      'swapped lines',
      'forged line',
      'forged redaction',
      'cut off',
      'changed range',
    ])
      expect(families).toContain(family);
    expect(tried).toBeGreaterThan(500);
  }, 240_000);
});
