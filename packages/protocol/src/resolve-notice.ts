// A site config resolved for one of its languages: the notice its visitors read, apart from notice.ts
// (the notice's format, hash and verification) because it needs the 24 catalogs, which a bundle that
// only verifies notices (the auditor UI's first load) should not carry.
import { catalogs } from './catalogs';
import type { Localized, SiteConfig } from './config';
import type { BuiltinPurpose } from './ids';
import type { Language } from './languages';
import { type Notice, type NoticeService, noticeHash } from './notice';
import { TEXT_KEYS, type TextKey } from './texts';

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
