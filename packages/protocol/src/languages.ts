// The languages a site may offer: the 24 official languages of the European Union, each with a
// complete default catalog (catalogs/). Codes are ISO 639-1, lower case, without region: a notice
// in `pt` is read in Lisbon and in São Paulo alike, and negotiation maps `pt-BR` to it.

export const LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** What each language calls itself, for language menus (the visitor looks for their own word). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  bg: 'Български',
  cs: 'Čeština',
  da: 'Dansk',
  de: 'Deutsch',
  el: 'Ελληνικά',
  en: 'English',
  es: 'Español',
  et: 'Eesti',
  fi: 'Suomi',
  fr: 'Français',
  ga: 'Gaeilge',
  hr: 'Hrvatski',
  hu: 'Magyar',
  it: 'Italiano',
  lt: 'Lietuvių',
  lv: 'Latviešu',
  mt: 'Malti',
  nl: 'Nederlands',
  pl: 'Polski',
  pt: 'Português',
  ro: 'Română',
  sk: 'Slovenčina',
  sl: 'Slovenščina',
  sv: 'Svenska',
};

// Country codes that pages often write where a language code belongs (`<html lang="cz">`). None of
// them is an ISO 639-1 code of another language, so reading them as the language meant is safe.
const COUNTRY_AS_LANGUAGE: Record<string, Language> = { cz: 'cs', dk: 'da', gr: 'el' };

/** Is `code` one of the supported language codes (exactly: lower case, no region)? */
export function isLanguage(code: unknown): code is Language {
  return typeof code === 'string' && (LANGUAGES as readonly string[]).includes(code);
}

/**
 * The supported language a tag names, by its primary subtag, case-insensitive (`pt-BR`, `PT_br` ->
 * `pt`; `ga-IE` -> `ga`), or undefined. The country codes `cz`, `dk`, `gr` are read as the
 * language of that country.
 */
export function languageOfTag(tag: string): Language | undefined {
  // `_` too, as some platforms write `fr_BE`.
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : COUNTRY_AS_LANGUAGE[primary];
}
