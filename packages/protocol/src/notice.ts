import { catalogs } from './catalogs';
import { verifyCollectorJws } from './collector-jws';
import type { BuiltinPurpose, Localized, SiteConfig } from './config';
import { utf8 } from './encoding';
import { canonicalize } from './jcs';
import type { Jwks } from './jwk';
import { type Language, languageOfTag } from './languages';
import { fail, ok, type Result } from './result';
import { sha256b64u } from './sha256';
import { TEXT_KEYS, type TextKey } from './texts';

/** What one visitor reads: a site config resolved for one language (docs/design.md, Notice). */
export interface Notice {
  v: 1;
  site: string;
  revision: number;
  language: Language;
  policyUrl: string;
  texts: Record<TextKey, string>;
  /** Asked purposes in config order, `necessary` first. */
  purposes: Array<{ id: string; title: string; description: string }>;
  /** Services with `retention` resolved to this language; absent optional fields omitted. */
  services: NoticeService[];
}

/** A service as the dialog shows it. */
export interface NoticeService {
  id: string;
  name: string;
  provider: string;
  purpose: string;
  transfer: string;
  hosts?: string[];
  cookies: string[];
  retention?: string;
  /** What protects a transfer outside the EU, in this language. */
  safeguard?: string;
  privacyUrl?: string;
}

export const NOTICE_TYP = 'consent-notice+jws';

/**
 * Resolves a config (already validated) for one of its languages: the default catalog (or the site's
 * own wording of a banner text, `texts`) with `{site}`
 * replaced by the site's name (site-specific, so it is part of what is hashed; the other placeholders
 * are the UI's), `necessary` then the asked purposes with the site's overrides, and the services.
 * Deterministic: the same config and language always give the same notice, hence the same textHash.
 * Throws when the language is not one of the site's: callers negotiate it first.
 */
export function resolveNotice(config: SiteConfig, language: Language): Notice {
  if (!config.languages.includes(language))
    throw new Error(`site "${config.site}" is not offered in "${language}" (${config.languages.join(', ')})`);
  const catalog = catalogs[language];
  const texts = {} as Record<TextKey, string>;
  // split/join rather than replaceAll, which would read `$&` in a site name as a pattern.
  const own: Partial<Record<TextKey, Partial<Record<Language, string>>>> = config.texts ?? {};
  for (const key of TEXT_KEYS)
    texts[key] = (own[key]?.[language] ?? catalog.texts[key]).split('{site}').join(config.name);
  const purposes = [{ id: 'necessary', ...catalog.purposes.necessary }];
  for (const [id, overrides] of Object.entries(config.purposes)) {
    const defaults = Object.hasOwn(catalog.purposes, id) ? catalog.purposes[id as BuiltinPurpose] : undefined;
    const title = overrides.title?.[language] ?? defaults?.title;
    const description = overrides.description?.[language] ?? defaults?.description;
    // Validation makes a custom purpose give both texts in every site language.
    if (title === undefined || description === undefined)
      throw new Error(`purpose "${id}" has no ${title === undefined ? 'title' : 'description'} in "${language}"`);
    purposes.push({ id, title, description });
  }
  const services = config.services.map((service): NoticeService => {
    const out: NoticeService = {
      id: service.id,
      name: service.name,
      provider: service.provider,
      purpose: service.purpose,
      transfer: service.transfer,
      cookies: [...(service.cookies ?? [])],
    };
    if (service.hosts) out.hosts = [...service.hosts];
    const retention = localize(service.retention, language, config.languages[0]);
    if (retention !== undefined) out.retention = retention;
    const safeguard = localize(service.safeguard, language, config.languages[0]);
    if (safeguard !== undefined) out.safeguard = safeguard;
    if (service.privacyUrl !== undefined) out.privacyUrl = service.privacyUrl;
    return out;
  });
  return {
    v: 1,
    site: config.site,
    revision: config.revision,
    language,
    policyUrl: config.policyUrl,
    texts,
    purposes,
    services,
  };
}

/** A service text in `language`, else in the site's first language (a free text need not be translated). */
function localize(text: Localized | undefined, language: Language, first: Language): string | undefined {
  return typeof text === 'string' ? text : (text?.[language] ?? text?.[first]);
}

/** The exact bytes of a notice as signed into the log: UTF-8 of JCS(notice). */
export function noticeBytes(notice: Notice): Uint8Array {
  return utf8(canonicalize(notice));
}

/** textHash = base64url(SHA-256(JCS(notice))). */
export function noticeHash(notice: Notice): string {
  return sha256b64u(noticeBytes(notice));
}

/**
 * A validated config as one of its languages' visitors get it (throws for another, as resolveNotice):
 * what `GET /v1/sites/:site/config` answers (`ConfigAnswer`) and what a page, or the console's preview, inlines.
 */
export function configDocument(
  config: SiteConfig,
  language: Language,
): { config: SiteConfig; language: Language; notice: Notice; textHash: string } {
  const notice = resolveNotice(config, language);
  return { config, language, notice, textHash: noticeHash(notice) };
}

/** Picks the site language for a list of preferred tags (`fr-BE` matches `fr`, `pt-BR` matches `pt`), else the site's first. */
export function negotiateLanguage(config: Pick<SiteConfig, 'languages'>, preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOfTag(tag);
    if (language && config.languages.includes(language)) return language;
  }
  return config.languages[0];
}

/** A notice entry checked: its hash (what receipts name as textHash) and its content. */
export interface VerifiedNotice {
  textHash: string;
  notice: Notice;
}

/**
 * Verifies a notice entry: typ, EdDSA, signature by the key of `kid` in `keys`, an I-JSON payload
 * naming a site. Its textHash is SHA-256 of the payload bytes. Never throws.
 */
export async function verifyNotice(jws: string, keys: Jwks): Promise<Result<VerifiedNotice>> {
  const verified = await verifyCollectorJws(jws, NOTICE_TYP, keys, 'notice');
  if (!verified.ok) return verified;
  const notice = verified.value.payload as Notice;
  if (typeof notice !== 'object' || notice === null || typeof notice.site !== 'string')
    return fail('malformed', 'notice: payload is not a notice');
  return ok({ textHash: sha256b64u(verified.value.decoded.payload), notice });
}
