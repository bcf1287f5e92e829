import { describe, expect, it } from 'vitest';
import { createI18n, UI_LANGUAGES } from '../i18n/i18n';
import type { RewriteReason } from './log-health';
import { rewriteReason } from './rewrite-reason';

const REASONS: RewriteReason[] = [
  { code: 'origin', from: 'a.test/sites/x', to: 'b.test/sites/x' },
  { code: 'shrank', from: 12345, to: 4 },
  { code: 'root' },
  { code: 'no-proof', detail: 'HTTP 400' },
  { code: 'malformed-proof' },
  { code: 'bad-proof' },
];

describe('rewriteReason', () => {
  it('says every reason in every UI language, each value in place, numbers as that language writes them', () => {
    for (const lang of UI_LANGUAGES) {
      const i18n = createI18n(lang);
      const said = REASONS.map((reason) => rewriteReason(reason, i18n));
      expect(new Set(said).size, lang).toBe(REASONS.length);
      for (const text of said) expect(text, lang).not.toMatch(/[{}]/);
      expect(said[0]).toContain('b.test/sites/x');
      expect(said[1]).toContain(i18n.number(12345));
      expect(said[3]).toContain('HTTP 400');
    }
    expect(rewriteReason(REASONS[1], createI18n('fr'))).toBe('le journal est passé de 12\u202f345 à 4 entrées');
  });
});
