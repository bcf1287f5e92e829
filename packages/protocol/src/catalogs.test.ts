import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { BUILTIN_PURPOSES, LANGUAGES } from './config';
import { TEXT_KEYS, type TextKey } from './texts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();
const withoutPlaceholders = (text: string): string => text.replace(/\{[^}]*\}/g, '');
const others = LANGUAGES.filter((language) => language !== 'en');

// Keys whose English wording would stand out if copied untranslated (short labels like "Date" or
// "Cookies" are legitimately the same in several languages, so they are not sampled).
const SAMPLE: TextKey[] = [
  'banner.title',
  'banner.text',
  'banner.acceptAll',
  'banner.rejectAll',
  'banner.customize',
  'banner.close',
  'dialog.intro',
  'dialog.save',
  'dialog.gpc',
  'placeholder.text',
  'placeholder.alwaysAllow',
  'history.empty',
  'withdraw.button',
  'withdraw.confirm',
  'announce.saved',
];
const ENGLISH_WORDS =
  /\b(the|your|you|and|with|without|all|save|show|allow|always|withdraw|withdrawn|choices|settings|purposes?|provided)\b/i;

describe('catalogs', () => {
  it('has the four languages', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const catalog = catalogs[language];

      it('has every text key and no other, each non-empty and trimmed', () => {
        expect(Object.keys(catalog.texts).sort()).toEqual([...TEXT_KEYS].sort());
        for (const key of TEXT_KEYS) {
          expect(catalog.texts[key].trim(), key).not.toBe('');
          expect(catalog.texts[key], key).toBe(catalog.texts[key].trim());
        }
      });

      it('uses the same placeholders as the English text', () => {
        for (const key of TEXT_KEYS)
          expect(placeholders(catalog.texts[key]), key).toEqual(placeholders(catalogs.en.texts[key]));
      });

      it('gives every built-in purpose a title and a description, without placeholders', () => {
        expect(Object.keys(catalog.purposes).sort()).toEqual([...BUILTIN_PURPOSES].sort());
        for (const id of BUILTIN_PURPOSES) {
          const { title, description } = catalog.purposes[id];
          expect(title.trim(), id).not.toBe('');
          expect(description.trim(), id).not.toBe('');
          expect(placeholders(title + description), id).toEqual([]);
        }
      });

      it('tells the visitor they can change their mind', () => {
        const withdrawal = {
          fr: /changer d’avis à tout moment/,
          nl: /op elk moment/,
          en: /change your mind at any time/,
          de: /jederzeit/,
        }[language];
        expect(catalog.texts['banner.text']).toMatch(withdrawal);
        expect(catalog.texts['dialog.intro']).toMatch(withdrawal);
      });
    });
  }

  it('uses the agreed button wording', () => {
    const expected = {
      fr: ['Tout accepter', 'Tout refuser', 'Personnaliser', 'Continuer sans accepter'],
      nl: ['Alles accepteren', 'Alles weigeren', 'Aanpassen', 'Doorgaan zonder te accepteren'],
      en: ['Accept all', 'Reject all', 'Customize', 'Continue without accepting'],
      de: ['Alle akzeptieren', 'Alle ablehnen', 'Anpassen', 'Ohne Einwilligung fortfahren'],
    };
    for (const language of LANGUAGES) {
      const { texts } = catalogs[language];
      expect([
        texts['banner.acceptAll'],
        texts['banner.rejectAll'],
        texts['banner.customize'],
        texts['banner.close'],
      ]).toEqual(expected[language]);
      // The dialog repeats the banner's two main buttons word for word, so the choice reads the same.
      expect(texts['dialog.acceptAll']).toBe(texts['banner.acceptAll']);
      expect(texts['dialog.rejectAll']).toBe(texts['banner.rejectAll']);
    }
  });

  it('the banner text names its own Customize button', () => {
    for (const language of LANGUAGES)
      expect(catalogs[language].texts['banner.text']).toContain(catalogs[language].texts['banner.customize']);
  });

  it('leaves no English behind in the other catalogs', () => {
    for (const language of others) {
      const catalog = catalogs[language];
      for (const key of SAMPLE) {
        expect(catalog.texts[key], `${language} ${key}`).not.toBe(catalogs.en.texts[key]);
        expect(withoutPlaceholders(catalog.texts[key]), `${language} ${key}`).not.toMatch(ENGLISH_WORDS);
      }
      for (const id of BUILTIN_PURPOSES) {
        expect(catalog.purposes[id].description, `${language} ${id}`).not.toBe(catalogs.en.purposes[id].description);
        expect(catalog.purposes[id].description, `${language} ${id}`).not.toMatch(ENGLISH_WORDS);
      }
    }
  });

  it('sanity-checks the English detector on the English catalog', () => {
    expect(
      SAMPLE.filter((key) => ENGLISH_WORDS.test(withoutPlaceholders(catalogs.en.texts[key]))).length,
    ).toBeGreaterThan(SAMPLE.length / 2);
  });

  it('French spaces before colons and inside guillemets do not break', () => {
    const texts = [
      ...Object.values(catalogs.fr.texts),
      ...Object.values(catalogs.fr.purposes).flatMap((p) => [p.title, p.description]),
    ];
    for (const text of texts) expect(text, text).not.toMatch(/ [:»]|« /);
  });
});
