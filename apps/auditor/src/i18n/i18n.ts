// Language choice and formatting for the auditor UI. Texts come from this app's catalogs; purpose
// titles of built-in purposes come from protocol's catalogs (the same words the visitor read).
// The UI speaks four languages; visitors' notices may be in any of protocol's 24.

import {
  BUILTIN_PURPOSES,
  type BuiltinPurpose,
  type Catalog,
  LANGUAGE_NAMES,
  languageOfTag,
} from '@consent-ledger/protocol';
// The UI's four languages only: the 24 are the console's, loaded with it.
import { de as deCatalog, en as enCatalog, fr as frCatalog, nl as nlCatalog } from '@consent-ledger/protocol/catalogs';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';
import { nl } from './nl';

/** The languages this UI is written in, in the order of its language menu. */
export const UI_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const MESSAGES: Record<UiLanguage, Messages> = { fr, nl, en, de };
/** The visitor's words (protocol's catalogs) in the UI's languages: built-in purpose titles, the banner's button names. */
export const VISITOR_TEXTS: Record<UiLanguage, Catalog> = {
  fr: frCatalog,
  nl: nlCatalog,
  en: enCatalog,
  de: deCatalog,
};
/** What each UI language is called in its own language, for the language menu. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  fr: LANGUAGE_NAMES.fr,
  nl: LANGUAGE_NAMES.nl,
  en: LANGUAGE_NAMES.en,
  de: LANGUAGE_NAMES.de,
};

/** Is `value` (read back from storage, say) one of the UI's languages? */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** Everything a component needs to speak the auditor's language. */
export interface I18n {
  lang: UiLanguage;
  /** What goes between a label and its value. */
  colon: string;
  /** The text of `key` with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A date-time in the auditor's time zone, with the zone named (an audit trail must be unambiguous). */
  dateTime(iso: string): string;
  /** A `YYYY-MM-DD` bucket start, as a calendar date. */
  day(date: string): string;
  number(n: number): string;
  /** A ratio 0..1 as a percentage. */
  percent(ratio: number): string;
  bytes(n: number): string;
  /** The title of a purpose: the built-in one in this language, else the site's, else its id. */
  purpose(id: string, siteTitles?: Record<string, string>): string;
}

/** The first of the browser's preferred languages the UI speaks, else English. */
export function negotiate(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const found = languageOfTag(tag);
    if (isUiLanguage(found)) return found;
  }
  return 'en';
}

/** How instants are written: to the second, with the time zone named (dateStyle cannot be combined with timeZoneName). */
export const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};

/** Builds the helpers for one language (Intl formatters are made once). */
export function createI18n(lang: UiLanguage): I18n {
  const messages = MESSAGES[lang];
  const dateTime = new Intl.DateTimeFormat(lang, DATE_TIME);
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const units = ['B', 'kB', 'MB', 'GB'];
  return {
    lang,
    colon: messages['app.colon'],
    t: (key, values) =>
      messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        values && name in values ? String(values[name]) : whole,
      ),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    number: (n) => number.format(n),
    percent: (ratio) => percent.format(ratio),
    bytes: (n) => {
      let unit = 0;
      while (n >= 1000 && unit < units.length - 1) {
        n /= 1000;
        unit += 1;
      }
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(n)} ${units[unit]}`;
    },
    purpose: (id, siteTitles) =>
      (BUILTIN_PURPOSES as readonly string[]).includes(id)
        ? VISITOR_TEXTS[lang].purposes[id as BuiltinPurpose].title
        : (siteTitles?.[id] ?? id),
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));

/** The current language's helpers. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
