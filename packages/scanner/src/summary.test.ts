import { describe, expect, it } from 'vitest';
import { summary } from './summary';
import { HOME, sampleReport as report } from './test-data';

describe('terminal summary', () => {
  it('prints one table per kind, paths for the scanned origin, and which kinds fail', () => {
    const lines = summary(report(), ['before-consent']);
    expect(lines[0]).toBe(`site praticien: 1 page(s) scanned from ${HOME}, 1 skipped`);
    expect(lines).toContain('before-consent (1) — fails the scan');
    expect(lines).toContain('undeclared-host (1)');
    expect(lines.join('\n')).toMatch(/ {2}\/ +first-visit +cookie _st"><img src=x> +stats +analytics/);
    expect(lines.join('\n')).toMatch(/\(site\) +after-accept +service maps +maps +maps/);
    expect(lines.at(-1)).toBe('3 finding(s), 1 of kinds before-consent (--fail-on)');
  });
});
