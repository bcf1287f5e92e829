import { describe, expect, it } from 'vitest';
import cabinet from '../../../fixtures/sites/cabinet-praticien.json';
import clickcare from '../../../fixtures/sites/clickcare.json';
import clikodoc from '../../../fixtures/sites/clikodoc.json';
import { catalogs } from './catalogs';
import { askedPurposes, type SiteConfig, validateSiteConfig } from './config';
import { resolveNotice } from './resolve-notice';

const fixtures = { 'cabinet-praticien': cabinet, clickcare, clikodoc } as Record<string, unknown>;

/** A config's raw JSON, edited below into malformed shapes: any member may be given any value or removed. */
// biome-ignore lint/suspicious/noExplicitAny: the malformed variants are writes that SiteConfig's types forbid
type RawConfig = any;

/** A deep copy of clikodoc with `edit` applied: each malformed variant starts from a valid config. */
function variant(edit: (config: RawConfig) => void): unknown {
  const config: RawConfig = structuredClone(clikodoc);
  edit(config);
  return config;
}

/** The issues of an invalid config as `path: message` lines (fails the test if it validates). */
function issues(value: unknown): string[] {
  const result = validateSiteConfig(value);
  if (result.ok) throw new Error('expected the config to be refused');
  expect(result.error.code).toBe('invalid-config');
  return result.error.issues!.map((issue) => `${issue.path}: ${issue.message}`);
}

function valid(value: unknown): SiteConfig {
  const result = validateSiteConfig(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('validateSiteConfig: the fixtures', () => {
  for (const [name, config] of Object.entries(fixtures)) {
    it(`accepts ${name}`, () => {
      const value = valid(config);
      expect(value.site).toBe(name);
      expect(value).toEqual({ retentionDays: 1825, ip: 'truncate', ...(config as object) });
    });
  }

  it('keeps the purposes in config order', () => {
    expect(askedPurposes(valid(clikodoc))).toEqual(['analytics', 'maps', 'audiovideo', 'support']);
    expect(askedPurposes(valid(cabinet))).toEqual(['maps', 'audiovideo']);
  });

  it('applies the defaults', () => {
    const value = valid(
      variant((c) => {
        delete c.expiresAfterDays;
        delete c.consentMode;
        delete c.honorGpc;
      }),
    );
    expect(value).toMatchObject({
      expiresAfterDays: 182,
      retentionDays: 1825,
      ip: 'truncate',
      consentMode: false,
      honorGpc: true,
    });
    expect(
      valid(variant((c) => Object.assign(c, { retentionDays: 30, ip: 'none', honorGpc: false, consentMode: true }))),
    ).toMatchObject({
      retentionDays: 30,
      ip: 'none',
      honorGpc: false,
      consentMode: true,
    });
  });

  it('returns a copy that later edits of the input do not reach', () => {
    const input = structuredClone(clikodoc);
    const value = valid(input);
    input.services[0].cookies.push('x');
    input.purposes.support.title.fr = 'changed';
    expect(value.services[0].cookies).toEqual(['NID', '1P_JAR']);
    expect(value.purposes.support.title!.fr).toBe('Assistance en ligne');
  });

  it('accepts a theme with its known fields, and necessary services', () => {
    const theme = {
      accent: '#0a7c6f',
      background: 'white',
      text: 'rgb(20 20 20)',
      radius: '8px',
      font: 'system-ui, sans-serif',
      position: 'bottom',
      reopen: 'right',
    };
    const value = valid(
      variant((c) => {
        c.theme = theme;
        c.services.push({
          id: 'session',
          name: 'Session',
          provider: 'clikOdoc',
          purpose: 'necessary',
          transfer: 'EU',
          cookies: ['PHPSESSID'],
          retention: 'session',
        });
      }),
    );
    expect(value.theme).toEqual(theme);
    expect(value.services.at(-1)!.retention).toBe('session');
  });
});

describe('validateSiteConfig: malformed configs are refused with their path and rule', () => {
  const cases: Array<[string, (c: RawConfig) => void, string | RegExp]> = [
    [
      'an unknown purpose on a service',
      (c) => (c.services[2].purpose = 'maps2'),
      'services[2].purpose: unknown purpose "maps2"',
    ],
    [
      'an unknown purpose in purposes',
      (c) => (c.purposes.maps2 = {}),
      /^purposes\.maps2: unknown purpose "maps2": not built in/,
    ],
    ['a bad site id', (c) => (c.site = 'Clik_Odoc'), 'site: "Clik_Odoc" is not a site id'],
    ['a one-letter site id', (c) => (c.site = 'c'), 'site: "c" is not a site id'],
    ['empty origins', (c) => (c.origins = []), 'origins: must list at least one item'],
    [
      'an origin with a path',
      (c) => (c.origins[0] = 'https://a.example/x'),
      'origins[0]: "https://a.example/x" has a path ("/x"); an origin is only scheme://host[:port]: write "https://a.example"',
    ],
    [
      'an origin with a trailing slash',
      (c) => (c.origins[1] = 'https://a.example/'),
      'origins[1]: "https://a.example/" ends with a slash; write "https://a.example"',
    ],
    [
      'an origin with a query',
      (c) => (c.origins[0] = 'https://a.example?x=1'),
      'origins[0]: "https://a.example?x=1" has a query',
    ],
    [
      'an origin with a fragment',
      (c) => (c.origins[0] = 'https://a.example#top'),
      'origins[0]: "https://a.example#top" has a fragment',
    ],
    [
      'an origin with its default port',
      (c) => (c.origins[0] = 'https://a.example:443'),
      'origins[0]: "https://a.example:443" is not written as browsers send it; write "https://a.example"',
    ],
    [
      'an origin in upper case',
      (c) => (c.origins[0] = 'https://WWW.A.example'),
      'origins[0]: "https://WWW.A.example" is not written as browsers send it; write "https://www.a.example"',
    ],
    [
      'an origin that is not http',
      (c) => (c.origins[0] = 'ftp://a.example'),
      'origins[0]: "ftp://a.example" must use http or https',
    ],
    [
      'an origin that is not a URL',
      (c) => (c.origins[0] = 'www.clikodoc.com'),
      'origins[0]: "www.clikodoc.com" is not an origin',
    ],
    ['a duplicate origin', (c) => c.origins.push(c.origins[0]), 'origins[2]: duplicate "https://www.clikodoc.com"'],
    [
      'a duplicate service id',
      (c) => (c.services[3].id = 'intercom'),
      'services[3].id: duplicate service id "intercom"',
    ],
    [
      'a bad service id',
      (c) => (c.services[0].id = 'Google Maps'),
      'services[0].id: "Google Maps" is not a service id',
    ],
    ['a revision of 0', (c) => (c.revision = 0), 'revision: must be a positive integer, got number 0'],
    ['a fractional revision', (c) => (c.revision = 1.5), 'revision: must be a positive integer, got number 1.5'],
    [
      'a revision written as a string',
      (c) => (c.revision = '3'),
      'revision: must be a positive integer, got string "3"',
    ],
    [
      'an unknown language',
      (c) => (c.languages = ['fr', 'no']),
      'languages[1]: unknown language "no" (supported: bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv)',
    ],
    [
      'a language with its region',
      (c) => (c.languages = ['fr-BE', 'en']),
      'languages[0]: unknown language "fr-BE": write "fr" (a lower-case ISO 639-1 code, no region)',
    ],
    ['a language in capitals', (c) => (c.languages = ['fr', 'EN']), 'languages[1]: unknown language "EN": write "en"'],
    [
      'a country code for a language',
      (c) => (c.languages = ['cz', 'en']),
      'languages[0]: unknown language "cz": write "cs"',
    ],
    ['a duplicate language', (c) => (c.languages = ['fr', 'en', 'fr']), 'languages[2]: duplicate "fr"'],
    ['no language', (c) => (c.languages = []), 'languages: must list at least one item'],
    [
      'expiresAfterDays of 0',
      (c) => (c.expiresAfterDays = 0),
      'expiresAfterDays: must be an integer from 1 to 395, got number 0',
    ],
    [
      'expiresAfterDays over 13 months',
      (c) => (c.expiresAfterDays = 396),
      'expiresAfterDays: must be an integer from 1 to 395, got number 396',
    ],
    [
      'origins of the wrong type',
      (c) => (c.origins = 'https://www.clikodoc.com'),
      'origins: must be an array, got string "https://www.clikodoc.com"',
    ],
    ['a boolean of the wrong type', (c) => (c.honorGpc = 'yes'), 'honorGpc: must be true or false, got string "yes"'],
    ['services of the wrong type', (c) => (c.services = {}), 'services: must be an array, got an object'],
    ['a null name', (c) => (c.name = null), 'name: must be a string, got null'],
    ['a blank name', (c) => (c.name = '  '), 'name: must not be empty'],
    ['an extra top-level key', (c) => (c.colour = 'blue'), /^colour: unknown field \(known: site, name, origins/],
    [
      'a misspelt top-level key',
      (c) => (c.policyURL = c.policyUrl),
      'policyURL: unknown field (did you mean "policyUrl"?)',
    ],
    [
      'an unknown service field',
      (c) => (c.services[1].cookie = []),
      'services[1].cookie: unknown field (did you mean "cookies"?)',
    ],
    ['an unknown purpose field', (c) => (c.purposes.maps.label = {}), 'purposes.maps.label: unknown field'],
    ['a missing required field', (c) => delete c.policyUrl, 'policyUrl: is required'],
    ['a relative policyUrl', (c) => (c.policyUrl = '/privacy'), 'policyUrl: "/privacy" is not an absolute URL'],
    [
      'a policyUrl that is not http',
      (c) => (c.policyUrl = 'javascript:alert(1)'),
      'policyUrl: must be an http or https URL, got scheme "javascript"',
    ],
    [
      'necessary asked',
      (c) => (c.purposes.necessary = {}),
      /^purposes\.necessary: "necessary" is always on and never asked/,
    ],
    [
      'a purpose id that is not valid',
      (c) => (c.purposes['Live Chat'] = {}),
      /^purposes\["Live Chat"\]: "Live Chat" is neither a built-in purpose/,
    ],
    [
      'a custom purpose missing a language',
      (c) => delete c.purposes.support.description.en,
      'purposes.support.description: a custom purpose needs a description in every site language: missing en',
    ],
    [
      'a custom purpose without a title',
      (c) => delete c.purposes.support.title,
      'purposes.support.title: a custom purpose needs a title in every site language (fr, en)',
    ],
    [
      'an override in a language the site does not offer',
      (c) => (c.purposes.maps = { title: { nl: 'Kaarten' } }),
      'purposes.maps.title.nl: "nl" is not one of the site\'s languages (fr, en)',
    ],
    [
      'an override given as a plain string',
      (c) => (c.purposes.maps = { title: 'Cartes' }),
      /^purposes\.maps\.title: must be an object of texts per language/,
    ],
    [
      'an empty override text',
      (c) => (c.purposes.maps = { description: { fr: '' } }),
      'purposes.maps.description.fr: must not be empty',
    ],
    [
      'a service purpose not asked',
      (c) => (c.services[0].purpose = 'marketing'),
      'services[0].purpose: purpose "marketing" is not asked by this site: add it to "purposes"',
    ],
    [
      'a lower-case transfer',
      (c) => (c.services[0].transfer = 'us'),
      'services[0].transfer: must be "EU" or an upper-case ISO 3166 alpha-2 country code like "US", got string "us"',
    ],
    [
      'a country name as transfer',
      (c) => (c.services[0].transfer = 'USA'),
      'services[0].transfer: must be "EU" or an upper-case ISO 3166 alpha-2',
    ],
    [
      'a host given as a URL',
      (c) => (c.services[0].hosts[0] = 'https://www.google.com/maps'),
      'services[0].hosts[0]: "https://www.google.com/maps" is not a host name; write "www.google.com"',
    ],
    [
      'a host in upper case',
      (c) => (c.services[0].hosts[1] = 'Maps.GoogleAPIs.com'),
      'services[0].hosts[1]: "Maps.GoogleAPIs.com": write host names in lower case ("maps.googleapis.com")',
    ],
    [
      'a host with a port',
      (c) => (c.services[0].hosts[1] = 'maps.googleapis.com:443'),
      'services[0].hosts[1]: "maps.googleapis.com:443" is not a host name',
    ],
    [
      'a cookie pattern matching everything',
      (c) => (c.services[2].cookies = ['*']),
      'services[2].cookies[0]: "*" would match every cookie',
    ],
    [
      'a cookie name with a separator',
      (c) => (c.services[2].cookies[1] = 'a=b'),
      'services[2].cookies[1]: must be a cookie name or a pattern with *, got string "a=b"',
    ],
    [
      'a retention in an unknown language',
      (c) => (c.services[4].retention = { fr: '13 mois', no: '13 måneder' }),
      'services[4].retention.no: unknown language "no"',
    ],
    [
      'a retention in a language the site does not offer',
      (c) => (c.services[4].retention = { fr: '13 mois', es: '13 meses' }),
      'services[4].retention.es: "es" is not one of the site\'s languages (fr, en)',
    ],
    [
      'an empty retention map',
      (c) => (c.services[4].retention = {}),
      'services[4].retention: must give a text for at least one language',
    ],
    [
      'a retention of the wrong type',
      (c) => (c.services[4].retention = 13),
      /^services\[4\]\.retention: must be an object of texts per language/,
    ],
    [
      'a bad privacyUrl',
      (c) => (c.services[0].privacyUrl = 'policies.google.com'),
      'services[0].privacyUrl: "policies.google.com" is not an absolute URL',
    ],
    [
      'a service that is not an object',
      (c) => (c.services[1] = 'twilio'),
      'services[1]: must be an object, got string "twilio"',
    ],
    [
      'a service without a provider',
      (c) => delete c.services[1].provider,
      'services[1].provider: must be a string, got nothing',
    ],
    [
      'a safeguard for data kept in the EU',
      (c) => {
        c.services[0].transfer = 'EU';
        c.services[0].safeguard = 'Clauses contractuelles types';
      },
      'services[0].safeguard: a safeguard is for a transfer outside the EU',
    ],
    ['an empty safeguard', (c) => (c.services[0].safeguard = ' '), 'services[0].safeguard: must not be empty'],
    [
      'a safeguard in a language the site does not offer',
      (c) => (c.services[0].safeguard = { de: 'Standardvertragsklauseln' }),
      'services[0].safeguard.de: "de" is not one of the site\'s languages (fr, en)',
    ],
    [
      'a text the site may not reword',
      (c) => (c.texts = { 'dialog.save': { fr: 'OK' } }),
      'texts["dialog.save"]: unknown field (known: banner.title, banner.text, banner.acceptAll, banner.rejectAll, banner.customize, ask.text, ask.allow, ask.decline)',
    ],
    [
      'a banner text in a language the site does not offer',
      (c) => (c.texts = { 'banner.title': { nl: 'Uw keuze' } }),
      'texts["banner.title"].nl: "nl" is not one of the site\'s languages (fr, en)',
    ],
    [
      'a button label too long for one line',
      (c) => (c.texts = { 'banner.rejectAll': { fr: 'Refuser'.padEnd(41, '!') } }),
      'texts["banner.rejectAll"].fr: must be at most 40 characters, got 41',
    ],
    [
      'a title on two lines',
      (c) => (c.texts = { 'banner.title': { en: 'Your data,\nyour choice' } }),
      'texts["banner.title"].en: must be one line',
    ],
    [
      'a reject label worded as the catalog’s accept label',
      (c) => (c.texts = { 'banner.rejectAll': { fr: 'tout accepter' } }),
      'texts["banner.rejectAll"].fr: accepting and rejecting must be worded differently',
    ],
    [
      'an in-context answer worded as the other',
      (c) => (c.texts = { 'ask.decline': { en: 'allow' } }),
      'texts["ask.decline"].en: accepting and rejecting must be worded differently',
    ],
    [
      'an in-context answer on two lines',
      (c) => (c.texts = { 'ask.allow': { fr: 'Autoriser\nla vidéo' } }),
      'texts["ask.allow"].fr: must be one line',
    ],
    ['texts that are not an object', (c) => (c.texts = 'Bienvenue'), /^texts: must be an object of texts/],
    [
      'retentionDays out of range',
      (c) => (c.retentionDays = 36501),
      'retentionDays: must be an integer from 1 to 36500, got number 36501',
    ],
    [
      'an unknown ip mode',
      (c) => (c.ip = 'anonymize'),
      'ip: must be one of "truncate", "none", "full", got string "anonymize"',
    ],
    ['an unknown theme field', (c) => (c.theme = { color: 'red' }), 'theme.color: unknown field'],
    [
      'a theme value that escapes its declaration',
      (c) => (c.theme = { accent: 'red; } body { display: none' }),
      /^theme\.accent: must be a plain CSS value/,
    ],
    [
      'an unknown theme position',
      (c) => (c.theme = { position: 'left' }),
      'theme.position: must be one of "bottom", "top", "center", got string "left"',
    ],
    [
      'an unknown corner for the re-open button',
      (c) => (c.theme = { reopen: 'top' }),
      'theme.reopen: must be one of "left", "right", got string "top"',
    ],
  ];

  for (const [name, edit, expected] of cases) {
    it(`refuses ${name}`, () => {
      const found = issues(variant(edit));
      if (typeof expected === 'string')
        expect(
          found.some((line) => line.startsWith(expected)),
          `${expected}\nnot in\n${found.join('\n')}`,
        ).toBe(true);
      else
        expect(
          found.some((line) => expected.test(line)),
          `${expected}\nnot in\n${found.join('\n')}`,
        ).toBe(true);
      // Each variant breaks one rule: it must not drag unrelated complaints along.
      expect(found).toHaveLength(1);
    });
  }

  it('takes a safeguard per language or for all, and the banner texts a site rewords', () => {
    const value = valid(
      variant((c) => {
        c.services[0].safeguard = { fr: 'Clauses contractuelles types', en: 'Standard contractual clauses' };
        c.services[1].safeguard = 'EU-US Data Privacy Framework';
        c.texts = {
          'banner.title': { fr: 'Vos données de santé, votre choix' },
          'banner.acceptAll': { en: 'Allow all' },
          'banner.rejectAll': { en: 'Refuse all' },
          'ask.text': {
            fr: 'La téléconsultation passe par notre prestataire vidéo.\nRien n’est chargé sans votre accord.',
          },
          'ask.allow': { fr: 'Démarrer la vidéo' },
        };
      }),
    );
    expect(value.services[0].safeguard).toEqual({
      fr: 'Clauses contractuelles types',
      en: 'Standard contractual clauses',
    });
    expect(value.texts).toEqual({
      'banner.title': { fr: 'Vos données de santé, votre choix' },
      'banner.acceptAll': { en: 'Allow all' },
      'banner.rejectAll': { en: 'Refuse all' },
      'ask.text': {
        fr: 'La téléconsultation passe par notre prestataire vidéo.\nRien n’est chargé sans votre accord.',
      },
      'ask.allow': { fr: 'Démarrer la vidéo' },
    });
    // The prompt reads the site's words in French, the catalog's in English.
    expect(resolveNotice(value, 'fr').texts['ask.allow']).toBe('Démarrer la vidéo');
    expect(resolveNotice(value, 'en').texts['ask.allow']).toBe(catalogs.en.texts['ask.allow']);
  });

  it('refuses a value that is not an object', () => {
    expect(issues(null)).toEqual(['(root): a site config must be a JSON object, got null']);
    expect(issues([clikodoc])).toEqual(['(root): a site config must be a JSON object, got an array']);
  });

  it('lists every problem at once, and sums them up in the message', () => {
    const config = variant((c) => {
      c.site = 'X';
      c.revision = -1;
      c.services[2].purpose = 'maps2';
      c.extra = true;
    });
    expect(issues(config)).toEqual([
      'extra: unknown field (known: site, name, origins, revision, policyUrl, languages, expiresAfterDays, purposes, services, consentMode, honorGpc, retentionDays, ip, theme, texts)',
      'site: "X" is not a site id (2 to 64 of a-z, 0-9, -)',
      'revision: must be a positive integer, got number -1',
      'services[2].purpose: unknown purpose "maps2" (asked: analytics, maps, audiovideo, support, necessary)',
    ]);
    const result = validateSiteConfig(config);
    expect(!result.ok && result.error.message).toMatch(
      /^invalid site config \(4 problems\): extra: unknown field .*; services\[2\]\.purpose: unknown purpose "maps2"/,
    );
  });

  it('reports every missing required field of an empty object', () => {
    expect(issues({})).toEqual(
      ['site', 'name', 'origins', 'revision', 'policyUrl', 'languages', 'purposes', 'services'].map(
        (field) => `${field}: is required`,
      ),
    );
  });
});
