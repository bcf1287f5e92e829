// The cookie declaration for a site's privacy page, drawn from what the scan saw: per purpose, per
// service, each cookie and storage key with its duration and party, the hosts contacted, where the
// data goes, how long it is kept; then whatever no service declares, so the owner sees it.
import { cookieMatcher, type SiteConfig } from '@consent-ledger/protocol';
import { CONSENT_LEDGER } from './attribute';
import type { ScanReport, SeenCookie, SeenStorage } from './report';
import { type ReportLanguage, type ReportTexts, TEXTS } from './texts';
import { duration, purposeTexts, retention, transfer } from './words';

/** One cookie or storage key as the declaration lists it. */
export interface DeclaredItem {
  name: string;
  /** "cookie", or the storage kind (localStorage, sessionStorage, IndexedDB). */
  kind: string;
  /** The cookie's domain, or the storage's origin. */
  where: string;
  party: 'first' | 'third';
  /** The longest lifetime seen, in words ("13 mois"); storage keys have none. */
  duration: string | null;
}

export interface DeclaredService {
  id: string;
  purpose: string;
  name: string;
  /** What it does, for services the site does not describe itself (Consent Ledger's own). */
  description: string | null;
  provider: string;
  transfer: string | null;
  retention: string | null;
  privacyUrl: string | null;
  items: DeclaredItem[];
  hosts: string[];
  /** Declared cookie names and patterns no item matched. */
  unseen: string[];
}

export interface Declaration {
  lang: ReportLanguage;
  texts: ReportTexts;
  site: string;
  url: string;
  date: string;
  pages: number;
  purposes: Array<{ id: string; title: string; description: string; services: DeclaredService[] }>;
  undeclared: { items: DeclaredItem[]; hosts: string[] };
}

const KIND_NAMES: Record<SeenStorage['kind'], string> = {
  localStorage: 'localStorage',
  sessionStorage: 'sessionStorage',
  indexedDB: 'IndexedDB',
};

/** Everything every pass of every page saw, once each: cookies by name and domain, storage by kind, origin and name. */
function observations(report: ScanReport) {
  const cookies = new Map<string, SeenCookie>();
  const storage = new Map<string, SeenStorage>();
  const hosts = new Map<string, string | undefined>();
  for (const page of report.pages)
    for (const pass of Object.values(page.passes)) {
      for (const c of pass.cookies) {
        const key = `${c.name} ${c.domain}`;
        const known = cookies.get(key);
        // The longest lifetime seen is the one to declare.
        if (!known || (known.expires !== null && (c.expires === null ? false : c.expires > known.expires)))
          cookies.set(key, c);
      }
      for (const s of pass.storage) storage.set(`${s.kind} ${s.origin} ${s.name}`, s);
      for (const r of pass.requests) if (!hosts.has(r.host)) hosts.set(r.host, r.service);
    }
  return { cookies: [...cookies.values()], storage: [...storage.values()], hosts };
}

/** Builds the declaration of `report` against `config`, in `lang`. */
export function declaration(report: ScanReport, config: SiteConfig, lang: ReportLanguage): Declaration {
  const t = TEXTS[lang];
  const at = new Date(report.startedAt);
  const seen = observations(report);
  const cookieItem = (c: SeenCookie): DeclaredItem => ({
    name: c.name,
    kind: 'cookie',
    where: c.domain,
    party: c.party,
    duration: duration(c.expires, at, lang, t),
  });
  const storageItem = (s: SeenStorage): DeclaredItem => ({
    name: s.name,
    kind: KIND_NAMES[s.kind],
    where: s.origin,
    party: s.party,
    duration: null,
  });
  const itemsOf = (id: string) => [
    ...seen.cookies.filter((c) => c.service === id).map(cookieItem),
    ...seen.storage.filter((s) => s.service === id).map(storageItem),
  ];
  const hostsOf = (id: string | undefined) =>
    [...seen.hosts].filter(([, service]) => service === id).map(([host]) => host);
  const own: DeclaredService = {
    id: CONSENT_LEDGER,
    purpose: 'necessary',
    name: t.declaration.ownName,
    description: t.declaration.ownDescription,
    provider: config.name,
    transfer: null,
    retention: null,
    privacyUrl: config.policyUrl,
    items: itemsOf(CONSENT_LEDGER),
    hosts: hostsOf(CONSENT_LEDGER),
    unseen: [],
  };
  const services = config.services.map((service): DeclaredService => {
    const items = itemsOf(service.id);
    return {
      id: service.id,
      purpose: service.purpose,
      name: service.name,
      description: null,
      provider: service.provider,
      transfer: transfer(service, lang, t),
      retention: retention(service, config, lang) ?? null,
      privacyUrl: service.privacyUrl ?? null,
      items,
      hosts: hostsOf(service.id),
      unseen: (service.cookies ?? []).filter((pattern) => !items.some((i) => cookieMatcher(pattern)(i.name))),
    };
  });
  const titles = purposeTexts(config, lang);
  return {
    lang,
    texts: t,
    site: config.name,
    url: report.url,
    date: report.startedAt,
    pages: report.pages.filter((p) => !p.skipped).length,
    purposes: [...titles].map(([id, text]) => ({
      id,
      ...text,
      services: [own, ...services].filter((s) => s.purpose === id),
    })),
    undeclared: {
      items: [
        ...seen.cookies.filter((c) => !c.service).map(cookieItem),
        ...seen.storage.filter((s) => !s.service).map(storageItem),
      ],
      hosts: hostsOf(undefined),
    },
  };
}
