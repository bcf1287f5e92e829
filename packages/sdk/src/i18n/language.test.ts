import { afterEach, describe, expect, it } from 'vitest';
import { preferredLanguages } from './language';

const nav = (languages: string[]) => ({ languages, language: languages[0] }) as unknown as Navigator;

afterEach(() => document.documentElement.removeAttribute('lang'));

describe('preferredLanguages', () => {
  it('puts data-lang first, then <html lang>, then the browser languages', () => {
    document.documentElement.lang = 'nl-BE';
    expect(preferredLanguages('de', document, nav(['fr-FR', 'en']))).toEqual(['de', 'nl-be', 'fr-fr', 'en']);
  });

  it('uses <html lang> without data-lang', () => {
    document.documentElement.lang = 'fr';
    expect(preferredLanguages(null, document, nav(['en-US']))[0]).toBe('fr');
  });

  it('falls back to the browser languages, in order, without duplicates or blanks', () => {
    expect(preferredLanguages('', document, nav(['en-GB', 'EN-gb', ' ', 'nl']))).toEqual(['en-gb', 'nl']);
  });

  it('reads navigator.language when languages is missing', () => {
    expect(preferredLanguages(undefined, document, { language: 'de-AT' } as Navigator)).toEqual(['de-at']);
  });
});
