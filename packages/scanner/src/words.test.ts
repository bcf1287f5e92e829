import { describe, expect, it } from 'vitest';
import { testConfig } from './test-data';
import { TEXTS } from './texts';
import { duration, findingSentence, purposeTexts, transfer } from './words';

const at = new Date('2026-01-01T00:00:00Z');
const later = (days: number) => new Date(at.getTime() + days * 86_400_000).toISOString();

describe('words', () => {
  it('says how long a cookie lives in the reader’s language', () => {
    expect(duration(later(400), at, 'fr', TEXTS.fr)).toBe('13\u00a0mois'); // French puts a no-break space there
    expect(duration(later(400), at, 'en', TEXTS.en)).toBe('13 months');
    expect(duration(later(90), at, 'nl', TEXTS.nl)).toBe('3 maanden');
    expect(duration(later(730), at, 'de', TEXTS.de)).toBe('2 Jahre');
    expect(duration(later(1), at, 'en', TEXTS.en)).toBe('1 day');
    expect(duration(later(0.25), at, 'en', TEXTS.en)).toBe('6 hours');
    expect(duration(null, at, 'fr', TEXTS.fr)).toBe('fin de session');
  });

  it('names the country data goes to, or the EU', () => {
    const [, stats, pixel] = testConfig().services;
    expect(transfer(stats, 'de', TEXTS.de)).toBe('Europäische Union');
    expect(transfer(pixel, 'fr', TEXTS.fr)).toBe('États-Unis (hors Union européenne)');
    expect(transfer(pixel, 'nl', TEXTS.nl)).toBe('Verenigde Staten (buiten de Europese Unie)');
  });

  it('takes purpose titles from the site, then the catalog, then the site’s first language', () => {
    const config = testConfig();
    config.purposes.maps = { title: { fr: 'Plans du cabinet' } };
    expect(purposeTexts(config, 'fr').get('maps')?.title).toBe('Plans du cabinet');
    expect(purposeTexts(config, 'de').get('maps')?.title).toBe('Interaktive Karten');
    expect(purposeTexts(config, 'en').get('necessary')?.title).toBe('Strictly necessary');
  });

  it('writes one plain sentence per finding, naming the service and purpose', () => {
    const config = testConfig();
    const titles = purposeTexts(config, 'en');
    const page = 'https://www.praticien.example/';
    expect(
      findingSentence(
        { kind: 'before-consent', page, phase: 'first-visit', cookie: '_st', service: 'stats', purpose: 'analytics' },
        config,
        titles,
        TEXTS.en,
      ),
    ).toBe(`On ${page}, the cookie “_st” is set before the visitor has made any choice (Stats, purpose “Analytics”).`);
    expect(
      findingSentence(
        { kind: 'after-reject', page, phase: 'after-reject', storage: 'localStorage:tracker' },
        config,
        titles,
        TEXTS.en,
      ),
    ).toBe(
      `On ${page}, “tracker” is stored in the browser although the visitor rejected everything (declared by no service).`,
    );
    expect(
      findingSentence(
        { kind: 'declared-unused', page: null, phase: 'after-accept', service: 'maps', purpose: 'maps' },
        config,
        purposeTexts(config, 'fr'),
        TEXTS.fr,
      ),
    ).toMatch(/^Le service «\u00a0Maps\u00a0» \(finalité «\u00a0Cartes interactives\u00a0»\) est déclaré/);
  });
});
