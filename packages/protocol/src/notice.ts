import { verifyCollectorJws } from './collector-jws';
import type { SiteConfig } from './config';
import { utf8 } from './encoding';
import { canonicalize } from './jcs';
import type { Jwks } from './jwk';
import { type Language, languageOfTag } from './languages';
import { fail, ok, type Result } from './result';
import { sha256b64u } from './sha256';
import type { TextKey } from './texts';

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

/** The exact bytes of a notice as signed into the log: UTF-8 of JCS(notice). */
export function noticeBytes(notice: Notice): Uint8Array {
  return utf8(canonicalize(notice));
}

/** textHash = base64url(SHA-256(JCS(notice))). */
export function noticeHash(notice: Notice): string {
  return sha256b64u(noticeBytes(notice));
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
