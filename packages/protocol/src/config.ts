import { catalogs } from './catalogs';
import { BUILTIN_PURPOSES, SITE_ID } from './ids';
import { isLanguage, LANGUAGES, type Language, languageOfTag } from './languages';
import { fail, type Issue, ok, type Result } from './result';

// Language moved to languages.ts with the 24 catalogs; still named here for modules that import it with the config types.
export type { Language } from './languages';

/** Text given per language, or one string for all. */
export type Localized = string | Partial<Record<Language, string>>;

export interface PurposeConfig {
  title?: Partial<Record<Language, string>>;
  description?: Partial<Record<Language, string>>;
}
export interface ServiceConfig {
  id: string;
  name: string;
  provider: string;
  purpose: string;
  /** ISO 3166 alpha-2 country code, or "EU". */
  transfer: string;
  hosts?: string[];
  /** Cookie names, or patterns with `*`. */
  cookies?: string[];
  retention?: Localized;
  /** For a transfer outside the EU: what protects the data there (standard contractual clauses, an adequacy decision...). */
  safeguard?: Localized;
  privacyUrl?: string;
}
/** Theme custom properties applied to the banner (CSS colours, lengths, font stack, position). */
export interface ThemeConfig {
  accent?: string;
  background?: string;
  text?: string;
  radius?: string;
  font?: string;
  position?: 'bottom' | 'top' | 'center';
  /** The corner of the floating re-open button, so it never covers what the site draws in the other one (default `left`). */
  reopen?: 'left' | 'right';
}

/** A site's configuration, written by its owner (docs/design.md, Site config). Defaults are applied by validation. */
export interface SiteConfig {
  site: string;
  name: string;
  origins: string[];
  revision: number;
  policyUrl: string;
  languages: Language[];
  expiresAfterDays: number;
  /** Purposes asked (never `necessary`), with optional text overrides; custom ids allowed. */
  purposes: Record<string, PurposeConfig>;
  services: ServiceConfig[];
  consentMode: boolean;
  honorGpc: boolean;
  retentionDays: number;
  ip: 'truncate' | 'none' | 'full';
  theme?: ThemeConfig;
  /** The site's own wording of the banner's texts, per text then per language (`BANNER_TEXT_KEYS` only). */
  texts?: Partial<Record<BannerTextKey, Partial<Record<Language, string>>>>;
}

/**
 * The texts a site may reword: the first layer's title, body and its three answers, and the in-context
 * prompt's explanation and two answers (ask()). Everything else (the dialog, the equal look of the
 * answers, the history) stays the catalog's.
 */
export const BANNER_TEXT_KEYS = [
  'banner.title',
  'banner.text',
  'banner.acceptAll',
  'banner.rejectAll',
  'banner.customize',
  'ask.text',
  'ask.allow',
  'ask.decline',
] as const;
export type BannerTextKey = (typeof BANNER_TEXT_KEYS)[number];
/** The longest text a site may give for each banner text: a button label stays one short line on a phone. */
export const BANNER_TEXT_MAX: Record<BannerTextKey, number> = {
  'banner.title': 80,
  'banner.text': 1200,
  'banner.acceptAll': 40,
  'banner.rejectAll': 40,
  'banner.customize': 40,
  'ask.text': 600,
  'ask.allow': 40,
  'ask.decline': 40,
};
/** A text that may take several lines; the others are labels or titles, on one line. */
const MULTILINE: readonly BannerTextKey[] = ['banner.text', 'ask.text'];
/** Answers drawn alike, which must therefore be worded differently: the yes, then the no. */
const ANSWER_PAIRS: ReadonlyArray<[BannerTextKey, BannerTextKey]> = [
  ['banner.acceptAll', 'banner.rejectAll'],
  ['ask.allow', 'ask.decline'],
];

export const SERVICE_ID = /^[a-z0-9-]{1,64}$/;
// Starting with a letter also keeps integer-like keys out, so Object.keys(purposes) is config order.
export const CUSTOM_PURPOSE_ID = /^[a-z][a-z0-9-]{1,31}$/;
/** Upper bound of expiresAfterDays: 13 months, the longest a choice may be kept before asking again (CNIL). */
export const MAX_EXPIRES_AFTER_DAYS = 395;
export const CONFIG_DEFAULTS = {
  expiresAfterDays: 182,
  retentionDays: 1825,
  ip: 'truncate',
  consentMode: false,
  honorGpc: true,
} as const;

const IP_MODES = ['truncate', 'none', 'full'] as const;
const POSITIONS = ['bottom', 'top', 'center'] as const;
const CORNERS = ['left', 'right'] as const;
const TOP_FIELDS = [
  'site',
  'name',
  'origins',
  'revision',
  'policyUrl',
  'languages',
  'expiresAfterDays',
  'purposes',
  'services',
  'consentMode',
  'honorGpc',
  'retentionDays',
  'ip',
  'theme',
  'texts',
];
const SERVICE_FIELDS = [
  'id',
  'name',
  'provider',
  'purpose',
  'transfer',
  'hosts',
  'cookies',
  'retention',
  'safeguard',
  'privacyUrl',
];
const PURPOSE_FIELDS = ['title', 'description'];
const THEME_FIELDS = ['accent', 'background', 'text', 'radius', 'font', 'position', 'reopen'];
const ASKABLE_BUILTINS: readonly string[] = BUILTIN_PURPOSES.filter((p) => p !== 'necessary');
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// RFC 6265 cookie-name token characters; `*` is one of them and doubles as the wildcard.
const COOKIE_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Theme values land in CSS custom properties: refuse anything that could close the declaration.
const CSS_UNSAFE = /[;{}<>\\\n\r]/;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** A value as it appears in a message: JSON, cut short. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a value is, for "must be X, got Y" messages. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${show(value)}`;
}

/** A child path: `a.b` for plain keys, `a["odd key"]` otherwise. */
const child = (path: string, key: string): string => {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
};

/** Levenshtein distance, to suggest the field a typo meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Collects issues; one instance per validation. */
class Checker {
  readonly issues: Issue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path: path || '(root)', message });
  }

  /** Refuses every key outside `allowed`, suggesting the closest known one. */
  onlyKnown(obj: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = allowed.find((known) => distance(known.toLowerCase(), key.toLowerCase()) <= 2);
      this.add(
        child(path, key),
        near ? `unknown field (did you mean "${near}"?)` : `unknown field (known: ${allowed.join(', ')})`,
      );
    }
  }

  text(value: unknown, path: string): string | undefined {
    if (isNonEmptyString(value)) return value;
    this.add(path, typeof value === 'string' ? 'must not be empty' : `must be a string, got ${kind(value)}`);
    return undefined;
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (isInteger(value) && value >= min && value <= max) return value;
    const range = max === Number.MAX_SAFE_INTEGER ? `a positive integer` : `an integer from ${min} to ${max}`;
    this.add(path, `must be ${range}, got ${kind(value)}`);
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.add(path, `must be true or false, got ${kind(value)}`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${kind(value)}`);
    return undefined;
  }

  /** An array whose items each pass `item`; duplicates are refused. */
  list<T>(
    value: unknown,
    path: string,
    item: (value: unknown, path: string) => T | undefined,
    nonEmpty: boolean,
  ): T[] | undefined {
    if (!Array.isArray(value)) {
      this.add(path, `must be an array, got ${kind(value)}`);
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.add(path, 'must list at least one item');
    const seen = new Set<unknown>();
    const out: T[] = [];
    value.forEach((entry, i) => {
      const checked = item(entry, `${path}[${i}]`);
      if (checked === undefined) return;
      if (seen.has(checked)) this.add(`${path}[${i}]`, `duplicate ${show(checked)}`);
      seen.add(checked);
      out.push(checked);
    });
    return out;
  }

  /** An absolute http(s) URL. */
  url(value: unknown, path: string): string | undefined {
    const text = this.text(value, path);
    if (text === undefined) return undefined;
    const url = parseUrl(text);
    if (!url || /\s/.test(text)) this.add(path, `${show(text)} is not an absolute URL`);
    else if (url.protocol !== 'https:' && url.protocol !== 'http:')
      this.add(path, `must be an http or https URL, got scheme "${url.protocol.slice(0, -1)}"`);
    else return text;
    return undefined;
  }

  /** Texts per language, limited to the site's languages. */
  perLanguage(
    value: unknown,
    path: string,
    languages: readonly Language[],
  ): Partial<Record<Language, string>> | undefined {
    if (!isRecord(value)) {
      this.add(
        path,
        `must be an object of texts per language, like {"${languages[0] ?? 'fr'}": "..."}, got ${kind(value)}`,
      );
      return undefined;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) this.add(path, 'must give a text for at least one language');
    const out: Partial<Record<Language, string>> = {};
    let valid = keys.length > 0;
    for (const key of keys) {
      const at = child(path, key);
      if (!isLanguage(key)) {
        this.add(at, unknownLanguage(key));
        valid = false;
      } else if (languages.length > 0 && !languages.includes(key as Language)) {
        this.add(at, `"${key}" is not one of the site's languages (${languages.join(', ')})`);
        valid = false;
      } else {
        const text = this.text(value[key], at);
        if (text === undefined) valid = false;
        else out[key as Language] = text;
      }
    }
    return valid ? out : undefined;
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Why a string is not a serialized origin (the exact form browsers send in `Origin`), or undefined when it is one. */
function originProblem(text: string): string | undefined {
  const url = parseUrl(text);
  if (!url || /\s/.test(text)) return `${show(text)} is not an origin (scheme://host[:port])`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${show(text)} must use http or https, not "${url.protocol.slice(0, -1)}"`;
  const origin = url.origin;
  if (url.username || url.password) return `${show(text)} must not carry a user name or password; write "${origin}"`;
  if (url.pathname !== '/')
    return `${show(text)} has a path ("${url.pathname}"); an origin is only scheme://host[:port]: write "${origin}"`;
  if (text.includes('?')) return `${show(text)} has a query; an origin is only scheme://host[:port]: write "${origin}"`;
  if (text.includes('#'))
    return `${show(text)} has a fragment; an origin is only scheme://host[:port]: write "${origin}"`;
  if (text.endsWith('/')) return `${show(text)} ends with a slash; write "${origin}"`;
  // Lower-case host, default port left out, punycode: the Origin header is compared byte for byte.
  if (origin !== text) return `${show(text)} is not written as browsers send it; write "${origin}"`;
  return undefined;
}

/** Why a string is not a lower-case host name, or undefined when it is one. */
function hostProblem(text: string): string | undefined {
  const labels = text.split('.');
  if (text.length <= 253 && labels.every((label) => HOST_LABEL.test(label))) return undefined;
  const url = text.includes('://') ? parseUrl(text) : undefined;
  if (url?.hostname) return `${show(text)} is not a host name; write "${url.hostname}" (no scheme, port or path)`;
  if (text.toLowerCase() !== text && hostProblem(text.toLowerCase()) === undefined)
    return `${show(text)}: write host names in lower case ("${text.toLowerCase()}")`;
  return `${show(text)} is not a host name (like "cdn.example.com": no scheme, port or path)`;
}

/** Names the code meant when there is one (`fr-BE`, `FR`, `cz`), else lists the supported codes. */
function unknownLanguage(code: string): string {
  const meant = languageOfTag(code);
  if (meant) return `unknown language ${show(code)}: write "${meant}" (a lower-case ISO 639-1 code, no region)`;
  return `unknown language ${show(code)} (supported: ${LANGUAGES.join(', ')})`;
}

function checkLanguages(c: Checker, value: unknown): Language[] | undefined {
  return c.list(
    value,
    'languages',
    (entry, path) => {
      if (isLanguage(entry)) return entry;
      c.add(path, typeof entry === 'string' ? unknownLanguage(entry) : `must be a language code, got ${kind(entry)}`);
      return undefined;
    },
    true,
  );
}

function checkPurposes(
  c: Checker,
  value: unknown,
  languages: readonly Language[],
): { purposes?: Record<string, PurposeConfig>; ids: string[] } {
  const ids: string[] = [];
  if (!isRecord(value)) {
    c.add('purposes', `must be an object of purpose ids, like {"analytics": {}}, got ${kind(value)}`);
    return { ids };
  }
  const purposes: Record<string, PurposeConfig> = {};
  let valid = true;
  for (const [id, entry] of Object.entries(value)) {
    const path = child('purposes', id);
    if (id === 'necessary') {
      c.add(path, '"necessary" is always on and never asked: leave it out (give its services purpose "necessary")');
      valid = false;
      continue;
    }
    const builtin = ASKABLE_BUILTINS.includes(id);
    if (!builtin && !CUSTOM_PURPOSE_ID.test(id)) {
      c.add(
        path,
        `"${id}" is neither a built-in purpose (${ASKABLE_BUILTINS.join(', ')}) nor a valid custom id (lower-case letter, then 1 to 31 of a-z, 0-9, -)`,
      );
      valid = false;
      continue;
    }
    ids.push(id);
    if (!isRecord(entry)) {
      c.add(path, `must be an object (use {} to keep the default texts), got ${kind(entry)}`);
      valid = false;
      continue;
    }
    const before = c.issues.length;
    c.onlyKnown(entry, PURPOSE_FIELDS, path);
    const out: PurposeConfig = {};
    if (!builtin && entry.title === undefined && entry.description === undefined) {
      c.add(
        path,
        `unknown purpose "${id}": not built in (${ASKABLE_BUILTINS.join(', ')}), and a custom purpose must give a title and a description in every site language`,
      );
    } else {
      for (const field of ['title', 'description'] as const) {
        const at = child(path, field);
        if (entry[field] === undefined) {
          if (!builtin) c.add(at, `a custom purpose needs a ${field} in every site language (${languages.join(', ')})`);
          continue;
        }
        const texts = c.perLanguage(entry[field], at, languages);
        if (!texts) continue;
        if (!builtin) {
          const missing = languages.filter((language) => texts[language] === undefined);
          if (missing.length > 0)
            c.add(at, `a custom purpose needs a ${field} in every site language: missing ${missing.join(', ')}`);
        }
        out[field] = texts;
      }
    }
    if (c.issues.length > before) valid = false;
    purposes[id] = out;
  }
  return { purposes: valid ? purposes : undefined, ids };
}

function checkService(
  c: Checker,
  value: unknown,
  path: string,
  asked: readonly string[],
  languages: readonly Language[],
): ServiceConfig | undefined {
  if (!isRecord(value)) {
    c.add(path, `must be an object, got ${kind(value)}`);
    return undefined;
  }
  const before = c.issues.length;
  c.onlyKnown(value, SERVICE_FIELDS, path);
  let id: string | undefined;
  if (typeof value.id === 'string' && SERVICE_ID.test(value.id)) id = value.id;
  else
    c.add(
      child(path, 'id'),
      typeof value.id === 'string'
        ? `${show(value.id)} is not a service id (1 to 64 of a-z, 0-9, -)`
        : `must be a string, got ${kind(value.id)}`,
    );
  const name = c.text(value.name, child(path, 'name'));
  const provider = c.text(value.provider, child(path, 'provider'));

  const purposePath = child(path, 'purpose');
  let purpose: string | undefined;
  if (typeof value.purpose !== 'string') c.add(purposePath, `must be a purpose id, got ${kind(value.purpose)}`);
  else if (value.purpose === 'necessary' || asked.includes(value.purpose)) purpose = value.purpose;
  else if (ASKABLE_BUILTINS.includes(value.purpose))
    c.add(
      purposePath,
      `purpose "${value.purpose}" is not asked by this site: add it to "purposes" (asked: ${asked.join(', ') || 'none'})`,
    );
  else c.add(purposePath, `unknown purpose "${value.purpose}" (asked: ${[...asked, 'necessary'].join(', ')})`);

  let transfer: string | undefined;
  if (typeof value.transfer === 'string' && (value.transfer === 'EU' || /^[A-Z]{2}$/.test(value.transfer)))
    transfer = value.transfer;
  else
    c.add(
      child(path, 'transfer'),
      `must be "EU" or an upper-case ISO 3166 alpha-2 country code like "US", got ${kind(value.transfer)}`,
    );

  const service: Partial<ServiceConfig> = { id, name, provider, purpose, transfer };
  if (value.hosts !== undefined) {
    service.hosts = c.list(
      value.hosts,
      child(path, 'hosts'),
      (entry, at) => {
        if (typeof entry !== 'string') return void c.add(at, `must be a host name, got ${kind(entry)}`);
        const problem = hostProblem(entry);
        return problem ? void c.add(at, problem) : entry;
      },
      false,
    );
  }
  if (value.cookies !== undefined) {
    service.cookies = c.list(
      value.cookies,
      child(path, 'cookies'),
      (entry, at) => {
        if (typeof entry !== 'string' || !COOKIE_PATTERN.test(entry))
          return void c.add(at, `must be a cookie name or a pattern with *, got ${kind(entry)}`);
        // A bare wildcard would erase every cookie of the site, necessary ones included.
        if (/^\*+$/.test(entry))
          return void c.add(
            at,
            `${show(entry)} would match every cookie: name the cookies, or use a prefix like "_ga_*"`,
          );
        return entry;
      },
      false,
    );
  }
  for (const field of ['retention', 'safeguard'] as const) {
    if (value[field] === undefined) continue;
    const at = child(path, field);
    service[field] =
      typeof value[field] === 'string' ? c.text(value[field], at) : c.perLanguage(value[field], at, languages);
  }
  if (value.safeguard !== undefined && value.transfer === 'EU')
    c.add(
      child(path, 'safeguard'),
      'a safeguard is for a transfer outside the EU: leave it out, or give the country in "transfer"',
    );
  if (value.privacyUrl !== undefined) service.privacyUrl = c.url(value.privacyUrl, child(path, 'privacyUrl'));
  return c.issues.length === before ? (service as ServiceConfig) : undefined;
}

function checkTheme(c: Checker, value: unknown): ThemeConfig | undefined {
  if (!isRecord(value)) {
    c.add('theme', `must be an object, got ${kind(value)}`);
    return undefined;
  }
  c.onlyKnown(value, THEME_FIELDS, 'theme');
  const theme: ThemeConfig = {};
  for (const field of ['accent', 'background', 'text', 'radius', 'font'] as const) {
    if (value[field] === undefined) continue;
    const text = c.text(value[field], `theme.${field}`);
    if (text !== undefined && CSS_UNSAFE.test(text))
      c.add(`theme.${field}`, `must be a plain CSS value (no ; { } < > \\ or line breaks), got ${show(text)}`);
    else if (text !== undefined) theme[field] = text;
  }
  if (value.position !== undefined) {
    const position = c.oneOf(value.position, POSITIONS, 'theme.position');
    if (position) theme.position = position;
  }
  if (value.reopen !== undefined) {
    const corner = c.oneOf(value.reopen, CORNERS, 'theme.reopen');
    if (corner) theme.reopen = corner;
  }
  return theme;
}

function checkTexts(c: Checker, value: unknown, languages: readonly Language[]): SiteConfig['texts'] | undefined {
  if (!isRecord(value)) {
    c.add('texts', `must be an object of texts, like {"banner.title": {"fr": "..."}}, got ${kind(value)}`);
    return undefined;
  }
  const before = c.issues.length;
  c.onlyKnown(value, BANNER_TEXT_KEYS, 'texts');
  const texts: NonNullable<SiteConfig['texts']> = {};
  for (const key of BANNER_TEXT_KEYS) {
    if (value[key] === undefined) continue;
    const path = child('texts', key);
    const given = c.perLanguage(value[key], path, languages);
    if (!given) continue;
    for (const [language, text] of Object.entries(given)) {
      const at = child(path, language);
      if (text.length > BANNER_TEXT_MAX[key])
        c.add(at, `must be at most ${BANNER_TEXT_MAX[key]} characters, got ${text.length}`);
      else if (!MULTILINE.includes(key) && /[\n\r]/.test(text)) c.add(at, 'must be one line');
    }
    texts[key] = given;
  }
  // Two answers look alike by design; worded alike, a visitor could not tell them apart.
  for (const language of languages)
    for (const [yes, no] of ANSWER_PAIRS) {
      const accept = texts[yes]?.[language];
      const reject = texts[no]?.[language];
      const label = (key: BannerTextKey, given: string | undefined) =>
        (given ?? catalogs[language].texts[key]).trim().toLowerCase();
      if ((accept || reject) && label(yes, accept) === label(no, reject))
        c.add(child(child('texts', reject ? no : yes), language), 'accepting and rejecting must be worded differently');
    }
  return c.issues.length === before ? texts : undefined;
}

/**
 * Validates a site config, applying defaults (expiresAfterDays 182, retentionDays 1825, ip "truncate",
 * consentMode false, honorGpc true). Unknown fields are refused with their path; every problem found
 * is listed in `error.issues` (`services[2].purpose: unknown purpose "maps2"`).
 */
export function validateSiteConfig(value: unknown): Result<SiteConfig> {
  const c = new Checker();
  if (!isRecord(value)) {
    c.add('', `a site config must be a JSON object, got ${kind(value)}`);
    return invalid(c.issues);
  }
  c.onlyKnown(value, TOP_FIELDS, '');
  for (const field of ['site', 'name', 'origins', 'revision', 'policyUrl', 'languages', 'purposes', 'services']) {
    if (value[field] === undefined) c.add(field, 'is required');
  }
  // Absent fields were reported above (or take their default): check only what is there.
  const given = <T>(field: string, check: (v: unknown) => T | undefined): T | undefined =>
    value[field] === undefined ? undefined : check(value[field]);

  const site = given('site', (v) => {
    if (typeof v === 'string' && SITE_ID.test(v)) return v;
    return void c.add(
      'site',
      typeof v === 'string'
        ? `${show(v)} is not a site id (2 to 64 of a-z, 0-9, -)`
        : `must be a string, got ${kind(v)}`,
    );
  });
  const name = given('name', (v) => c.text(v, 'name'));
  const origins = given('origins', (v) =>
    c.list(
      v,
      'origins',
      (entry, path) => {
        if (typeof entry !== 'string') return void c.add(path, `must be an origin string, got ${kind(entry)}`);
        const problem = originProblem(entry);
        return problem ? void c.add(path, problem) : entry;
      },
      true,
    ),
  );
  const revision = given('revision', (v) => c.integer(v, 'revision', 1, Number.MAX_SAFE_INTEGER));
  const policyUrl = given('policyUrl', (v) => c.url(v, 'policyUrl'));
  const before = c.issues.length;
  const checkedLanguages = given('languages', (v) => checkLanguages(c, v));
  // Unknown languages would make every per-language text look wrong: check those only against a sound list.
  const languages = c.issues.length === before && checkedLanguages ? checkedLanguages : [];
  const expiresAfterDays = given('expiresAfterDays', (v) =>
    c.integer(v, 'expiresAfterDays', 1, MAX_EXPIRES_AFTER_DAYS),
  );
  const { purposes, ids: asked } = given('purposes', (v) => checkPurposes(c, v, languages)) ?? { ids: [] };
  const serviceIds = new Set<string>();
  const services = given('services', (v) =>
    c.list(
      v,
      'services',
      (entry, path) => {
        const service = checkService(c, entry, path, asked, languages);
        if (isRecord(entry) && typeof entry.id === 'string') {
          if (serviceIds.has(entry.id)) c.add(`${path}.id`, `duplicate service id "${entry.id}"`);
          serviceIds.add(entry.id);
        }
        return service;
      },
      false,
    ),
  );
  const consentMode = given('consentMode', (v) => c.boolean(v, 'consentMode'));
  const honorGpc = given('honorGpc', (v) => c.boolean(v, 'honorGpc'));
  const retentionDays = given('retentionDays', (v) => c.integer(v, 'retentionDays', 1, 36500));
  const ip = given('ip', (v) => c.oneOf(v, IP_MODES, 'ip'));
  const theme = given('theme', (v) => checkTheme(c, v));
  const texts = given('texts', (v) => checkTexts(c, v, languages));

  if (c.issues.length > 0) return invalid(c.issues);
  // No issue means every required part above was checked and returned.
  const config: SiteConfig = {
    site: site!,
    name: name!,
    origins: origins!,
    revision: revision!,
    policyUrl: policyUrl!,
    languages,
    expiresAfterDays: expiresAfterDays ?? CONFIG_DEFAULTS.expiresAfterDays,
    purposes: purposes!,
    services: services!,
    consentMode: consentMode ?? CONFIG_DEFAULTS.consentMode,
    honorGpc: honorGpc ?? CONFIG_DEFAULTS.honorGpc,
    retentionDays: retentionDays ?? CONFIG_DEFAULTS.retentionDays,
    ip: ip ?? CONFIG_DEFAULTS.ip,
  };
  if (theme) config.theme = theme;
  if (texts) config.texts = texts;
  return ok(config);
}

function invalid(issues: Issue[]): Result<SiteConfig> {
  const lines = issues.map((issue) => `${issue.path}: ${issue.message}`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return fail('invalid-config', `invalid site config (${count}): ${lines.join('; ')}`, issues);
}

/** The purpose ids a site asks about, in config order (never `necessary`). */
export function askedPurposes(config: SiteConfig): string[] {
  return Object.keys(config.purposes);
}
