// Scan facts in a reader's language: durations, dates, countries, purpose titles, service names and
// one plain sentence per finding. Shared by the HTML report and the cookie declaration.
import { askedPurposes, catalogs, type Language, type ServiceConfig, type SiteConfig } from '@consent-ledger/protocol';
import { CONSENT_LEDGER } from './attribute';
import type { Finding } from './report';
import { fill, type ReportLanguage, type ReportTexts } from './texts';

const DAY_MS = 86_400_000;

/** How long a cookie lives from `at`: "13 mois", "2 years", "end of session" for a session cookie. */
export function duration(expires: string | null, at: Date, lang: ReportLanguage, t: ReportTexts): string {
  if (expires === null) return t.session;
  const days = (Date.parse(expires) - at.getTime()) / DAY_MS;
  const [value, unit] =
    days < 1
      ? [Math.max(1, Math.round(days * 24)), 'hour']
      : days < 60
        ? [Math.round(days), 'day']
        : days < 730
          ? [Math.round(days / 30.44), 'month']
          : [Math.round(days / 365.25), 'year'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A date and time (UTC) as the reader writes them. */
export function dateTime(iso: string, lang: ReportLanguage): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** Where a service processes data: the EU, or a country named in the reader's language. */
export function transfer(service: ServiceConfig, lang: ReportLanguage, t: ReportTexts): string {
  if (service.transfer === 'EU') return t.declaration.transferEu;
  const country = new Intl.DisplayNames([lang], { type: 'region' }).of(service.transfer) ?? service.transfer;
  return fill(t.declaration.transferOutside, { country });
}

/** Title and description of `necessary` and each asked purpose, in `lang` (the site's own texts first). */
export function purposeTexts(
  config: SiteConfig,
  lang: ReportLanguage,
): Map<string, { title: string; description: string }> {
  const catalog = catalogs[lang as Language] ?? catalogs[config.languages[0]];
  const fallback = config.languages[0];
  const out = new Map([['necessary', catalog.purposes.necessary]]);
  for (const id of askedPurposes(config)) {
    const own = config.purposes[id];
    const builtin = Object.hasOwn(catalog.purposes, id) ? catalog.purposes[id as keyof typeof catalog.purposes] : null;
    out.set(id, {
      title: own.title?.[lang as Language] ?? builtin?.title ?? own.title?.[fallback] ?? id,
      description: own.description?.[lang as Language] ?? builtin?.description ?? own.description?.[fallback] ?? '',
    });
  }
  return out;
}

/** A service's retention in `lang`, falling back to the site's first language. */
export function retention(service: ServiceConfig, config: SiteConfig, lang: ReportLanguage): string | undefined {
  const value = service.retention;
  if (value === undefined || typeof value === 'string') return value;
  return value[lang as Language] ?? value[config.languages[0]];
}

/** The display name of a service id (Consent Ledger's own included). */
export function serviceName(id: string, config: SiteConfig, t: ReportTexts): string {
  if (id === CONSENT_LEDGER) return t.declaration.ownName;
  return config.services.find((s) => s.id === id)?.name ?? id;
}

/** One finding as a plain sentence, ending with who declares what it is about. */
export function findingSentence(
  f: Finding,
  config: SiteConfig,
  titles: Map<string, { title: string }>,
  t: ReportTexts,
): string {
  const values = {
    page: f.page ?? '',
    name: f.cookie ?? f.storage?.replace(/^\w+:/, '') ?? '',
    host: f.host ?? '',
    service: f.service ? serviceName(f.service, config, t) : '',
    purpose: f.purpose ? (titles.get(f.purpose)?.title ?? f.purpose) : '',
  };
  const subject = f.cookie ? 'Cookie' : f.storage ? 'Storage' : 'Host';
  const s = t.sentence;
  const template = {
    'before-consent': s[`beforeConsent${subject}`],
    'after-reject': s[`afterReject${subject}`],
    'undeclared-host': s.undeclaredHost,
    'undeclared-cookie': s.undeclaredCookie,
    'declared-unused': s.declaredUnused,
  }[f.kind];
  const who =
    f.kind === 'before-consent' || f.kind === 'after-reject'
      ? ` (${f.service ? fill(t.declaredBy, values) : t.declaredByNobody})`
      : '';
  return `${fill(template, values)}${who}.`;
}
