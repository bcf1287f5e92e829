import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { BUILTIN_PURPOSES } from './ids';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages';
import { TEXT_KEYS, type TextKey } from './texts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();
const withoutPlaceholders = (text: string): string => text.replace(/\{[^}]*\}/g, '');
/** Every string of a catalog with where it is: the texts, then each purpose's title and description. */
const entries = (language: Language): Array<[string, string]> => [
  ...Object.entries(catalogs[language].texts),
  ...Object.entries(catalogs[language].purposes).flatMap(
    ([id, p]): Array<[string, string]> => [
      [`${id}.title`, p.title],
      [`${id}.description`, p.description],
    ],
  ),
];
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
  'ask.text',
  'ask.allow',
];
// Whole words only: \b would find "all" in the Maltese "għall" (ħ is not a \w character).
const ENGLISH_WORDS =
  /(?<!\p{L})(the|your|you|and|with|without|all|save|show|allow|always|withdraw|withdrawn|choices|settings|purposes?|provided)(?!\p{L})/iu;

// "At any time": the banner and the dialog both say that consent can be withdrawn whenever the
// visitor likes (GDPR art. 7(3)), in the words each language uses for it.
const AT_ANY_TIME: Record<Language, RegExp> = {
  bg: /по всяко време/,
  cs: /kdykoli/,
  da: /til enhver tid/,
  de: /jederzeit/,
  el: /ανά πάσα στιγμή/,
  en: /change your mind at any time/,
  es: /en cualquier momento/,
  et: /igal ajal/,
  fi: /milloin tahansa/,
  fr: /changer d’avis à tout moment/,
  ga: /am ar bith/,
  hr: /u bilo kojem trenutku/,
  hu: /bármikor/,
  it: /in qualsiasi momento/,
  lt: /bet kada/,
  lv: /jebkurā laikā/,
  mt: /fi kwalunkwe ħin/,
  nl: /op elk moment/,
  pl: /w każdej chwili/,
  pt: /a qualquer momento/,
  ro: /oricând/,
  sk: /kedykoľvek/,
  sl: /kadar koli/,
  sv: /när som helst/,
};

// The banner's four answers, as reviewed: accept all, reject all, customize, and the close button's
// "continue without accepting". Kept side by side so a change to one of them is a visible decision.
const BUTTONS: Record<Language, [string, string, string, string]> = {
  bg: ['Приемам всички', 'Отказвам всички', 'Настройки', 'Продължавам без приемане'],
  cs: ['Přijmout vše', 'Odmítnout vše', 'Přizpůsobit', 'Pokračovat bez souhlasu'],
  da: ['Accepter alle', 'Afvis alle', 'Tilpas', 'Fortsæt uden at acceptere'],
  de: ['Alle akzeptieren', 'Alle ablehnen', 'Anpassen', 'Ohne Einwilligung fortfahren'],
  el: ['Αποδοχή όλων', 'Απόρριψη όλων', 'Προσαρμογή', 'Συνέχεια χωρίς αποδοχή'],
  en: ['Accept all', 'Reject all', 'Customize', 'Continue without accepting'],
  es: ['Aceptar todo', 'Rechazar todo', 'Personalizar', 'Continuar sin aceptar'],
  et: ['Nõustu kõigiga', 'Keeldu kõigist', 'Kohanda', 'Jätka nõustumata'],
  fi: ['Hyväksy kaikki', 'Hylkää kaikki', 'Mukauta', 'Jatka hyväksymättä'],
  fr: ['Tout accepter', 'Tout refuser', 'Personnaliser', 'Continuer sans accepter'],
  ga: ['Glac leo uile', 'Diúltaigh dóibh uile', 'Saincheap', 'Lean ar aghaidh gan glacadh leo'],
  hr: ['Prihvati sve', 'Odbij sve', 'Prilagodi', 'Nastavi bez prihvaćanja'],
  hu: ['Összes elfogadása', 'Összes elutasítása', 'Testreszabás', 'Folytatás elfogadás nélkül'],
  it: ['Accetta tutto', 'Rifiuta tutto', 'Personalizza', 'Continua senza accettare'],
  lt: ['Priimti visus', 'Atmesti visus', 'Tinkinti', 'Tęsti be sutikimo'],
  lv: ['Pieņemt visas', 'Noraidīt visas', 'Pielāgot', 'Turpināt bez piekrišanas'],
  mt: ['Aċċetta kollox', 'Irrifjuta kollox', 'Ippersonalizza', 'Kompli mingħajr ma taċċetta'],
  nl: ['Alles accepteren', 'Alles weigeren', 'Aanpassen', 'Doorgaan zonder te accepteren'],
  pl: ['Akceptuj wszystkie', 'Odrzuć wszystkie', 'Dostosuj', 'Kontynuuj bez akceptacji'],
  pt: ['Aceitar tudo', 'Rejeitar tudo', 'Personalizar', 'Continuar sem aceitar'],
  ro: ['Acceptați tot', 'Respingeți tot', 'Personalizați', 'Continuați fără a accepta'],
  sk: ['Prijať všetko', 'Odmietnuť všetko', 'Prispôsobiť', 'Pokračovať bez súhlasu'],
  sl: ['Sprejmi vse', 'Zavrni vse', 'Prilagodi', 'Nadaljuj brez privolitve'],
  sv: ['Godkänn alla', 'Avvisa alla', 'Anpassa', 'Fortsätt utan att godkänna'],
};

describe('catalogs', () => {
  it('has the 24 official EU languages, each with its own name', () => {
    expect(LANGUAGES).toHaveLength(24);
    expect(Object.keys(catalogs).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(new Set(Object.values(LANGUAGE_NAMES)).size).toBe(24);
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const catalog = catalogs[language];

      it('has every text key and no other, each non-empty and trimmed, without doubled spaces', () => {
        expect(Object.keys(catalog.texts).sort()).toEqual([...TEXT_KEYS].sort());
        for (const [key, text] of entries(language)) {
          expect(text.trim(), key).not.toBe('');
          expect(text, key).toBe(text.trim());
          expect(text, key).not.toMatch(/\s\s/);
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

      it('tells the visitor they can change their mind at any time', () => {
        expect(catalog.texts['banner.text']).toMatch(AT_ANY_TIME[language]);
        expect(catalog.texts['dialog.intro']).toMatch(AT_ANY_TIME[language]);
      });

      it('uses the agreed button wording, repeated word for word in the dialog', () => {
        const { texts } = catalog;
        expect([
          texts['banner.acceptAll'],
          texts['banner.rejectAll'],
          texts['banner.customize'],
          texts['banner.close'],
        ]).toEqual(BUTTONS[language]);
        // The dialog repeats the banner's two main buttons, so the choice reads the same.
        expect(texts['dialog.acceptAll']).toBe(texts['banner.acceptAll']);
        expect(texts['dialog.rejectAll']).toBe(texts['banner.rejectAll']);
      });

      it('writes apostrophes and quotation marks typographically, never as straight " or \'', () => {
        for (const [key, text] of entries(language)) expect(text, key).not.toMatch(/["']/);
      });
    });
  }

  it('the banner text names its own Customize button', () => {
    for (const language of LANGUAGES)
      expect(catalogs[language].texts['banner.text'], language).toContain(catalogs[language].texts['banner.customize']);
  });

  it('no catalog copies another: two languages share only a few short labels', () => {
    for (const a of LANGUAGES) {
      const texts = new Map(entries(a));
      for (const b of LANGUAGES) {
        if (a >= b) continue;
        const same = entries(b).filter(([key, text]) => texts.get(key) === text);
        // "Marketing", "Cookies", "Status", "Datum": words two languages really share.
        expect(same.length, `${a} and ${b} share ${same.map(([, t]) => t).join(' | ')}`).toBeLessThanOrEqual(6);
        for (const [key, text] of same) expect(text.length, `${a} and ${b}: ${key} "${text}"`).toBeLessThan(25);
      }
    }
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
});
