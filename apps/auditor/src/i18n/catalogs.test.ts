import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createI18n, MESSAGES, negotiate, UI_LANGUAGES } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the auditor catalogs', () => {
  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every English key, with the same placeholders, and is translated',
    (lang) => {
      const messages = MESSAGES[lang];
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect(placeholders(messages[key as keyof typeof en]), `${lang} ${key}`).toEqual(placeholders(text));
      }
      // Words like "Export" or "Token" are the same in several languages; a catalog mostly copied from English is not translated.
      const same = Object.keys(en).filter((k) => messages[k as keyof typeof en] === en[k as keyof typeof en]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(Object.keys(en).length / 10);
    },
  );

  it('picks the first browser language it speaks, else English', () => {
    expect(negotiate(['nl-BE', 'fr'])).toBe('nl');
    expect(negotiate(['es-ES', 'de-AT'])).toBe('de');
    expect(negotiate(['es'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const fr = createI18n('fr');
    expect(fr.t('subject.notFound', { site: 'clikodoc' })).toBe(
      'Aucun reçu de cette personne dans le journal de clikodoc.',
    );
    expect(fr.t('bars.from', { method: 'Tout accepter' })).toBe('accordé le {date} (Tout accepter)');
  });

  it('titles built-in purposes in the auditor language, custom ones from the site', () => {
    expect(createI18n('de').purpose('analytics')).not.toBe(createI18n('fr').purpose('analytics'));
    expect(createI18n('nl').purpose('support', { support: 'Live support' })).toBe('Live support');
    expect(createI18n('en').purpose('unknown-one')).toBe('unknown-one');
  });
});
