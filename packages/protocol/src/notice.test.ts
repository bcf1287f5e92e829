import { describe, expect, it } from 'vitest';
import cabinet from '../../../fixtures/sites/cabinet-praticien.json';
import clickcare from '../../../fixtures/sites/clickcare.json';
import clikodoc from '../../../fixtures/sites/clikodoc.json';
import europraxis from '../../../fixtures/sites/europraxis.json';
import { catalogs } from './catalogs';
import { askedPurposes, type SiteConfig, validateSiteConfig } from './config';
import { fromUtf8 } from './encoding';
import { LANGUAGES, type Language } from './languages';
import { type Notice, negotiateLanguage, noticeBytes, noticeHash } from './notice';
import { resolveNotice } from './resolve-notice';
import { TEXT_KEYS } from './texts';

function load(value: unknown): SiteConfig {
  const result = validateSiteConfig(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A validated copy of a fixture with `edit` (which keeps it valid) applied to the raw JSON first. */
function edited(fixture: unknown, edit: (config: SiteConfig) => void): SiteConfig {
  const raw = structuredClone(fixture) as SiteConfig;
  edit(raw);
  return load(raw);
}

const configs = [cabinet, clickcare, clikodoc].map(load);
const clikodocConfig = load(clikodoc);
const clickcareConfig = load(clickcare);
const europraxisConfig = load(europraxis);

describe('resolveNotice', () => {
  for (const config of configs) {
    for (const language of config.languages) {
      it(`resolves ${config.site} in ${language}`, () => {
        const notice = resolveNotice(config, language);
        expect(notice).toMatchObject({
          v: 1,
          site: config.site,
          revision: config.revision,
          language,
          policyUrl: config.policyUrl,
        });
        expect(Object.keys(notice.texts)).toEqual([...TEXT_KEYS]);
        for (const key of TEXT_KEYS)
          expect(notice.texts[key], key).toBe(catalogs[language].texts[key].split('{site}').join(config.name));
        expect(notice.texts['banner.text']).toContain(config.name);
        expect(JSON.stringify(notice)).not.toContain('{site}');
        expect(notice.purposes.map((p) => p.id)).toEqual(['necessary', ...askedPurposes(config)]);
        expect(notice.purposes[0]).toEqual({ id: 'necessary', ...catalogs[language].purposes.necessary });
        for (const purpose of notice.purposes) {
          expect(purpose.title, purpose.id).not.toBe('');
          expect(purpose.description, purpose.id).not.toBe('');
        }
        expect(notice.services.map((s) => s.id)).toEqual(config.services.map((s) => s.id));
        for (const service of notice.services) expect(Array.isArray(service.cookies)).toBe(true);
        // Only JSON values: nothing JCS would refuse or JSON would drop.
        expect(JSON.parse(JSON.stringify(notice))).toEqual(notice);
      });
    }
  }

  it('gives a custom purpose its own texts in each language', () => {
    expect(resolveNotice(clikodocConfig, 'fr').purposes.at(-1)).toEqual({
      id: 'support',
      title: 'Assistance en ligne',
      description: "Messagerie d'assistance et notifications dans l'application.",
    });
    expect(resolveNotice(clikodocConfig, 'en').purposes.at(-1)).toEqual({
      id: 'support',
      title: 'Live support',
      description: 'Support chat and in-app notifications.',
    });
  });

  it('uses the catalog for built-in purposes, and the site override where it gives one', () => {
    const config = edited(clikodoc, (c) => (c.purposes.maps = { title: { fr: 'Plan d’accès' } }));
    const fr = resolveNotice(config, 'fr').purposes.find((p) => p.id === 'maps');
    const en = resolveNotice(config, 'en').purposes.find((p) => p.id === 'maps');
    expect(fr).toEqual({ id: 'maps', title: 'Plan d’accès', description: catalogs.fr.purposes.maps.description });
    expect(en).toEqual({ id: 'maps', ...catalogs.en.purposes.maps });
  });

  it('resolves retention for the language, falling back to the site’s first language', () => {
    const ga = (language: 'fr' | 'nl' | 'en') => resolveNotice(clickcareConfig, language).services[0];
    expect([ga('nl').retention, ga('fr').retention, ga('en').retention]).toEqual([
      '14 maanden',
      '14 mois',
      '14 months',
    ]);
    const fallback = edited(clikodoc, (c) => (c.services[4].retention = { fr: '13 mois' }));
    expect(resolveNotice(fallback, 'en').services[4].retention).toBe('13 mois');
    const elsewhere = edited(clickcare, (c) => (c.services[0].retention = { en: '14 months' }));
    expect(resolveNotice(elsewhere, 'fr').services[0]).not.toHaveProperty('retention');
    const plain = edited(clikodoc, (c) => (c.services[4].retention = '13 mois / 13 months'));
    expect(resolveNotice(plain, 'en').services[4].retention).toBe('13 mois / 13 months');
  });

  it('omits absent optional fields and defaults cookies to none', () => {
    const beacons = resolveNotice(clickcareConfig, 'fr').services[1];
    expect(beacons).toEqual({
      id: 'newsletter-beacons',
      name: 'E-mail web beacons',
      provider: 'ClickCare',
      purpose: 'marketing',
      transfer: 'EU',
      cookies: ['cc_mkt'],
    });
    const noCookies = edited(clickcare, (c) => delete c.services[1].cookies);
    expect(resolveNotice(noCookies, 'fr').services[1].cookies).toEqual([]);
    expect(resolveNotice(clikodocConfig, 'fr').services[0]).toEqual({
      id: 'google-maps',
      name: 'Google Maps',
      provider: 'Google',
      purpose: 'maps',
      transfer: 'US',
      hosts: ['www.google.com', 'maps.googleapis.com'],
      cookies: ['NID', '1P_JAR'],
      privacyUrl: 'https://business.safety.google/controller_terms/',
    });
  });

  it('resolves a service safeguard for the language, like retention', () => {
    const config = edited(clikodoc, (c) => {
      c.services[0].safeguard = { fr: 'Clauses contractuelles types', en: 'Standard contractual clauses' };
      c.services[1].safeguard = { fr: 'Décision d’adéquation' };
    });
    expect(resolveNotice(config, 'en').services[0].safeguard).toBe('Standard contractual clauses');
    expect(resolveNotice(config, 'en').services[1].safeguard).toBe('Décision d’adéquation');
    expect(resolveNotice(clikodocConfig, 'en').services[0]).not.toHaveProperty('safeguard');
  });

  it('uses the site’s own banner texts where it gives them, with {site} filled in', () => {
    const config = edited(clikodoc, (c) => {
      c.texts = {
        'banner.title': { fr: 'Vos données de santé, votre choix' },
        'banner.text': { en: '{site} asks before anything leaves your browser.' },
      };
    });
    const fr = resolveNotice(config, 'fr').texts;
    const en = resolveNotice(config, 'en').texts;
    expect(fr['banner.title']).toBe('Vos données de santé, votre choix');
    expect(fr['banner.text']).toBe(catalogs.fr.texts['banner.text'].split('{site}').join('clikOdoc'));
    expect(en['banner.title']).toBe(catalogs.en.texts['banner.title']);
    expect(en['banner.text']).toBe('clikOdoc asks before anything leaves your browser.');
    expect(noticeHash(resolveNotice(config, 'fr'))).not.toBe(noticeHash(resolveNotice(clikodocConfig, 'fr')));
  });

  it('puts the site name in literally, whatever it contains', () => {
    const config = edited(clikodoc, (c) => (c.name = 'A$&B $1'));
    expect(resolveNotice(config, 'en').texts['banner.text']).toMatch(/^With your consent, A\$&B \$1 and its partners/);
  });

  it('refuses a language the site does not offer', () => {
    expect(() => resolveNotice(clikodocConfig, 'de')).toThrow(/not offered in "de"/);
  });
});

describe('noticeBytes and noticeHash', () => {
  it('are the UTF-8 bytes of the canonical JSON, keys sorted', () => {
    const notice = resolveNotice(clikodocConfig, 'fr');
    const text = fromUtf8(noticeBytes(notice));
    expect(JSON.parse(text)).toEqual(notice);
    expect(text.startsWith('{"language":"fr","policyUrl":')).toBe(true);
  });

  it('is deterministic, whatever the order of the config fields', () => {
    const reordered = reverseKeys(clikodoc) as typeof clikodoc;
    expect(Object.keys(reordered)[0]).toBe('honorGpc');
    expect(Object.keys(reordered.services[0])[0]).toBe('privacyUrl');
    const a = resolveNotice(clikodocConfig, 'fr');
    const b = resolveNotice(load(reordered), 'fr');
    expect(noticeHash(b)).toBe(noticeHash(a));
    expect(noticeHash(resolveNotice(clikodocConfig, 'fr'))).toBe(noticeHash(a));
  });

  it('differs between languages and sites', () => {
    const hashes = configs.flatMap((config) =>
      config.languages.map((language) => noticeHash(resolveNotice(config, language))),
    );
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('changes when any displayed text changes', () => {
    const base = resolveNotice(clikodocConfig, 'fr');
    const hash = noticeHash(base);
    const changed = (edit: (notice: Notice) => void): string => {
      const copy = structuredClone(base);
      edit(copy);
      return noticeHash(copy);
    };
    for (const key of TEXT_KEYS)
      expect(
        changed((n) => (n.texts[key] += ' ')),
        key,
      ).not.toBe(hash);
    base.purposes.forEach((_, i) => {
      expect(changed((n) => (n.purposes[i].title += '.'))).not.toBe(hash);
      expect(changed((n) => (n.purposes[i].description += '.'))).not.toBe(hash);
    });
    base.services.forEach((service, i) => {
      for (const field of Object.keys(service) as Array<keyof typeof service>) {
        expect(
          changed((n) =>
            Object.assign(n.services[i], { [field]: field === 'hosts' || field === 'cookies' ? ['x'] : 'x' }),
          ),
          `${service.id}.${field}`,
        ).not.toBe(hash);
      }
    });
    expect(changed((n) => (n.policyUrl += '#x'))).not.toBe(hash);
    expect(changed((n) => (n.revision += 1))).not.toBe(hash);
    expect(changed((n) => n.purposes.reverse())).not.toBe(hash);
  });

  it('changes when the site name or an override changes', () => {
    const hash = noticeHash(resolveNotice(clikodocConfig, 'fr'));
    expect(
      noticeHash(
        resolveNotice(
          edited(clikodoc, (c) => (c.name = 'ClikOdoc')),
          'fr',
        ),
      ),
    ).not.toBe(hash);
    expect(
      noticeHash(
        resolveNotice(
          edited(clikodoc, (c) => (c.purposes.support.title.fr = 'Assistance')),
          'fr',
        ),
      ),
    ).not.toBe(hash);
    // An English-only change leaves the French notice, hence its hash, untouched.
    expect(
      noticeHash(
        resolveNotice(
          edited(clikodoc, (c) => (c.purposes.support.title.en = 'Help')),
          'fr',
        ),
      ),
    ).toBe(hash);
  });

  it('matches the pinned hash of clikodoc in French', () => {
    // Pinned on purpose: any change to the French catalog, to resolution or to JCS changes every
    // visitor's textHash. If the change is intended, re-pin this value (and expect sites to re-publish).
    expect(noticeHash(resolveNotice(clikodocConfig, 'fr'))).toBe('QFPGLyeCK-vjL_o4zQ-KSw9ukC8E1AdpndCuRxptvBE');
  });
});

// The textHash of EuroPraxis's notice in each language. Pinned like clikodoc's French one: a change
// to a catalog, to resolution or to JCS changes what visitors sign. If the change is intended (a
// new key, a reworded text), re-pin from the diff this test prints.
const EUROPRAXIS_HASHES: Record<Language, string> = {
  bg: '6eyIdokUjL1FY_MU-RGyqRmeB4YxMuLBAnWU-fq22M8',
  cs: 'qkGz-8JC3-FapLdHyrA-KmkrNjlC050GfKFlt0nF0xY',
  da: 'ufHxeTHOWvU5inBoJ1pw7Mi03e7-OGhtBoYuo2-ebmQ',
  de: 'NEukyjYEARuHSyTQGmvl4-3JOUPaJhUEjg9LVpkwais',
  el: 'BkfQ32FVtACNrVdkEVIRN9Xh9R6Dkv4ih49LG0rTKRE',
  en: 'm2TfNWyG_ExiwFP3R4olgvfEAHha1FxS5oPa82DRBI0',
  es: 'hfRVMimNxiCqjSo_gI-zmAo9746wTA-HTbsC3iHw2sw',
  et: 'VhfjLsZLALK_zvLiDPc9AF_CCkS8qSaFJH2lLibahZo',
  fi: 'qTptFnB_FZr33bf-XuXqYZnPJlQvJxciqQb2iCQmRvQ',
  fr: 'riywM2RI4uDAcK14YlTY86oXcO7UstFSCjaKDwJBHE4',
  ga: 'QtlTmz0H_8GcNmkDv5pLL07QNkPfBNBUQF9D5cjNwLg',
  hr: 'Opj7_MJZvkNg22ICGZdrpR8cOszV9TuIsVzCtHDXkvM',
  hu: 'qNAyEuu0xR-_Ng4Jz8G8MmY-GZMifYTkpau_xO29pPE',
  it: '8BiuOj59tW27noFBVBWnwKrzmz6yFQZeLPgJn6vr-Ak',
  lt: 'ifBDu_VLOdN5johyiQThiHYIE39z4nv4XzdvmhMMOa0',
  lv: 'AE4d4EgFEzkPAtQru8ffz2yY8CkNrEWLSVaYcqMvPmI',
  mt: 'OBrY4dZuDX1_ib2MHP0O8-j8kxuQnQvujLILploZXU0',
  nl: 'NjFghBDWl83wnvNVM9bixCOrmmXrQ9vfoN0TCMAhGAU',
  pl: 'WZl3pZTlorJDnEayPMd1PIeQGAx_Nlmw547zcTSC4ok',
  pt: '9lbhh0Ka6yn1BbxQRawnBFjkbOYMD0BnHmj2m3yM8Fg',
  ro: 'Hdi3GBqLliIcM9SimURkjJgLQCA_vAxcyPzDboa0NWc',
  sk: 'IWueiuuIQkbQjf5yukHT0ENr_WVn2wJdzzsqA-4k3Qc',
  sl: 'TWiOJCbS6PAEQ576A-wCbJpMskhiRjgo0FE_m_8OBlw',
  sv: 'Xw00nV1DWgTyZ7U7b3HFDalpmdanNMCjPrlMlqwOIIg',
};

describe('the notice in each of the 24 languages (fixture europraxis)', () => {
  const reordered = load(reverseKeys(europraxis));
  const hashes = Object.fromEntries(
    LANGUAGES.map((language) => [language, noticeHash(resolveNotice(europraxisConfig, language))]),
  );

  for (const language of LANGUAGES) {
    it(`${language}: every text of the ${language} catalog, the services in ${language}, a stable textHash`, () => {
      const notice = resolveNotice(europraxisConfig, language);
      const catalog = catalogs[language];
      expect(notice.language).toBe(language);
      expect(Object.keys(notice.texts)).toEqual([...TEXT_KEYS]);
      for (const key of TEXT_KEYS)
        expect(notice.texts[key], key).toBe(catalog.texts[key].split('{site}').join('EuroPraxis'));
      expect(notice.purposes).toEqual([
        { id: 'necessary', ...catalog.purposes.necessary },
        ...(['analytics', 'marketing', 'maps', 'audiovideo'] as const).map((id) => ({ id, ...catalog.purposes[id] })),
      ]);
      expect(notice.services.map((s) => s.retention)).toEqual(
        europraxis.services.map((s) => (s.retention as Record<string, string>)[language]),
      );
      // Stable: the same bytes whatever the config's key order, after a JSON round trip, and in NFC
      // (a decomposed "é" would look the same on screen and hash differently).
      const json = JSON.stringify(notice);
      expect(json).toBe(json.normalize('NFC'));
      expect(noticeHash(JSON.parse(json))).toBe(hashes[language]);
      expect(noticeHash(resolveNotice(reordered, language))).toBe(hashes[language]);
    });
  }

  it('gives each language its own textHash, as pinned', () => {
    expect(new Set(Object.values(hashes)).size).toBe(24);
    expect(hashes).toEqual(EUROPRAXIS_HASHES);
  });
});

describe('negotiateLanguage', () => {
  it('matches exact tags and primary subtags, case-insensitively, in preference order', () => {
    expect(negotiateLanguage(clikodocConfig, ['fr-BE'])).toBe('fr');
    expect(negotiateLanguage(clikodocConfig, ['EN-gb', 'fr'])).toBe('en');
    expect(negotiateLanguage(clikodocConfig, ['fr_BE'])).toBe('fr');
    expect(negotiateLanguage(clickcareConfig, ['de-DE', 'nl-BE', 'fr'])).toBe('nl');
    expect(negotiateLanguage(clickcareConfig, ['en'])).toBe('en');
  });

  it('finds each of the 24 languages by its primary subtag', () => {
    expect(europraxisConfig.languages).toHaveLength(24);
    for (const language of LANGUAGES) {
      expect(negotiateLanguage(europraxisConfig, [`${language}-XX`])).toBe(language);
      expect(negotiateLanguage(europraxisConfig, [language.toUpperCase()])).toBe(language);
    }
    expect(negotiateLanguage(europraxisConfig, ['pt-BR'])).toBe('pt');
    expect(negotiateLanguage(europraxisConfig, ['ga-IE', 'en-IE'])).toBe('ga');
    expect(negotiateLanguage(europraxisConfig, ['mt-MT', 'en'])).toBe('mt');
    expect(negotiateLanguage(europraxisConfig, ['sv-FI', 'fi'])).toBe('sv');
    expect(negotiateLanguage(europraxisConfig, ['el-CY'])).toBe('el');
    expect(negotiateLanguage(europraxisConfig, ['sr-Latn-RS', 'hr-HR'])).toBe('hr');
  });

  it('reads the country codes pages write for Czech, Danish and Greek as those languages', () => {
    expect(negotiateLanguage(europraxisConfig, ['cz'])).toBe('cs');
    expect(negotiateLanguage(europraxisConfig, ['CZ-cz'])).toBe('cs');
    expect(negotiateLanguage(europraxisConfig, ['dk'])).toBe('da');
    expect(negotiateLanguage(europraxisConfig, ['gr'])).toBe('el');
    // "se" is Northern Sami, not Swedish, and "no" is Norwegian: not offered, so the first language.
    expect(negotiateLanguage(europraxisConfig, ['se', 'no', 'zh-Hant'])).toBe('en');
  });

  it('falls back to the site’s first language', () => {
    expect(negotiateLanguage(clickcareConfig, [])).toBe('nl');
    expect(negotiateLanguage(clickcareConfig, ['es', '*', 'de'])).toBe('nl');
    expect(negotiateLanguage(clikodocConfig, ['nl-BE'])).toBe('fr');
  });
});

/** A copy with every object's keys in reverse order, except the purposes' own (their order is meaningful). */
function reverseKeys(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((item) => reverseKeys(item));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, reverseKeys(item, key === 'purposes')] as const);
  return Object.fromEntries(keepOrder ? entries : entries.reverse());
}
