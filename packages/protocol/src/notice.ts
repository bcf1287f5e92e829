import type { Language, SiteConfig } from './config';
import type { TextKey } from './texts';

/** What one visitor reads: a site config resolved for one language (DESIGN.md, Notice). */
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
  services: Array<{ id: string; name: string; provider: string; purpose: string; transfer: string; hosts?: string[]; cookies: string[]; retention?: string; privacyUrl?: string }>;
}

export const NOTICE_TYP = 'consent-notice+jws';

/** Resolves a config for one of its languages: the default catalog, the site's overrides, its services. */
export function resolveNotice(config: SiteConfig, language: Language): Notice { throw new Error('TODO'); }
/** The exact bytes of a notice as signed into the log: UTF-8 of JCS(notice). */
export function noticeBytes(notice: Notice): Uint8Array { throw new Error('TODO'); }
/** textHash = base64url(SHA-256(JCS(notice))). */
export function noticeHash(notice: Notice): string { throw new Error('TODO'); }
/** Picks the site language for a list of preferred tags (`fr-BE` matches `fr`), else the site's first. */
export function negotiateLanguage(config: Pick<SiteConfig, 'languages'>, preferred: readonly string[]): Language { throw new Error('TODO'); }
