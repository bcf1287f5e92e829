// The words of the HTML report and of the cookie declaration, per language. Placeholders in braces
// are filled by `fill`. Purpose titles and descriptions are not here: they come from protocol's
// catalogs and the site's config, exactly as the banner shows them.
import type { Decision, FindingKind, PassName } from './report';
import { de } from './texts/de';
import { en } from './texts/en';
import { fr } from './texts/fr';
import { nl } from './texts/nl';

export interface ReportTexts {
  report: {
    title: string; // {site}
    scanned: string; // {url} {date} {pages}
    clean: string;
    findings: { one: string; other: string }; // {count}
    incomplete: string; // {message}
    config: string; // {source} {revision}
    generatedBy: string;
    page: string; // heading of one page: {url}
    skipped: string; // {reason}
    decision: Record<Decision, string>;
    nothing: string; // an empty table
  };
  pass: Record<PassName, string>;
  kind: Record<FindingKind, string>;
  /** One sentence per finding, in plain words: {page} {name} {host} {service} {purpose}. */
  sentence: {
    beforeConsentCookie: string;
    beforeConsentStorage: string;
    beforeConsentHost: string;
    afterRejectCookie: string;
    afterRejectStorage: string;
    afterRejectHost: string;
    undeclaredHost: string;
    undeclaredCookie: string;
    declaredUnused: string;
  };
  /** Appended to a sentence: who declares the thing. */
  declaredBy: string; // {service} {purpose}
  declaredByNobody: string;
  heading: { findings: string; cookies: string; requests: string; storage: string; frames: string };
  column: {
    name: string;
    domain: string;
    expires: string;
    party: string;
    service: string;
    purpose: string;
    host: string;
    url: string;
    type: string;
    count: string;
    origin: string;
    kind: string;
    duration: string;
    provider: string;
    transfer: string;
    retention: string;
  };
  party: { first: string; third: string };
  session: string;
  /** Between a label and its value: ": ", or "\u00a0: " in French. */
  colon: string;
  declaration: {
    title: string; // {site}
    intro: string; // {date} {url} {pages}
    ownName: string;
    ownDescription: string;
    transferEu: string;
    transferOutside: string; // {country}
    privacy: string;
    hosts: string;
    alsoDeclared: string; // {names}
    noneSeen: string;
    undeclared: string;
    undeclaredIntro: string;
  };
}

/** The languages reports and declarations are written in. */
export const REPORT_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const TEXTS: Record<ReportLanguage, ReportTexts> = { fr, nl, en, de };

/** True when reports can be written in `lang`. */
export const isReportLanguage = (lang: string): lang is ReportLanguage =>
  (REPORT_LANGUAGES as readonly string[]).includes(lang);

/** Replaces each `{name}` of `template` by `values[name]` (unknown names are left as they are). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
