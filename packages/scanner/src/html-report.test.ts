import { describe, expect, it } from 'vitest';
import { htmlReport } from './html-report';
import { HOME, sampleReport as report, testConfig } from './test-data';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

describe('HTML report', () => {
  const screenshots = new Map([[`${HOME} first-visit`, JPEG]]);

  it('is one self-contained page in the site’s language, findings in plain words', () => {
    const out = htmlReport(report(), testConfig(), screenshots, 'fr');
    expect(out).toContain('<html lang="fr">');
    expect(out).toContain('<title>Rapport d’analyse des cookies — Cabinet &#60;Test&#62;</title>');
    expect(out).toContain('3 constats ci-dessous.');
    expect(out).toContain('Avant tout consentement (1)');
    expect(out).toContain(
      'le navigateur contacte cdn.unknown.example, qu’aucun service de la configuration ne déclare.',
    );
    expect(out).toContain(`src="data:image/jpeg;base64,${JPEG.toString('base64')}" alt="Première visite, sans choix"`);
    expect(out).toContain('Page non analysée\u00a0: carries the Consent Ledger tag');
    // Nothing is fetched when the file is opened, and no name becomes markup.
    expect(out.match(/(?:src|href)="(?!data:)[^"]*"/g)).toBeNull();
    expect(out).not.toContain('<img src=x>');
  });

  it('says when the scan stopped early, and when nothing was found', () => {
    const stopped = {
      ...report(),
      complete: false,
      error: { code: 'timeout' as const, message: 'https://x/ did not load' },
    };
    expect(htmlReport(stopped, testConfig(), new Map(), 'en')).toContain(
      'Scan stopped early: https://x/ did not load.',
    );
    const clean = { ...report(), findings: [] };
    expect(htmlReport(clean, testConfig(), new Map(), 'de')).toContain('Kein Problem gefunden');
    expect(htmlReport(clean, null, new Map(), 'nl')).toContain('Cookiescan — praticien');
  });
});
