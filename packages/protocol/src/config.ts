import type { Result } from './result';

export const BUILTIN_PURPOSES = ['necessary', 'analytics', 'marketing', 'maps', 'audiovideo'] as const;
export const LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Text given per language, or one string for all. */
export type Localized = string | Partial<Record<Language, string>>;

export interface PurposeConfig { title?: Partial<Record<Language, string>>; description?: Partial<Record<Language, string>> }
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
  privacyUrl?: string;
}
/** Theme custom properties applied to the banner (CSS colours, lengths, font stack, position). */
export interface ThemeConfig { accent?: string; background?: string; text?: string; radius?: string; font?: string; position?: 'bottom' | 'top' | 'center' }

/** A site's configuration, written by its owner (DESIGN.md, Site config). Defaults are applied by validation. */
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
}

export const SITE_ID = /^[a-z0-9-]{2,64}$/;

/**
 * Validates a site config, applying defaults (expiresAfterDays 182, retentionDays 1825, ip "truncate",
 * consentMode false, honorGpc true). Unknown fields are refused with their path; every problem found
 * is listed in `error.issues` (`services[2].purpose: unknown purpose "maps2"`).
 */
export function validateSiteConfig(value: unknown): Result<SiteConfig> { throw new Error('TODO'); }
/** The purpose ids a site asks about, in config order (never `necessary`). */
export function askedPurposes(config: SiteConfig): string[] { throw new Error('TODO'); }
