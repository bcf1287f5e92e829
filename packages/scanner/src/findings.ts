// What the scan found wrong, from what it saw and the site's config (docs/design.md, "Scan"):
// - before-consent / after-reject: anything not strictly necessary (a cookie, a storage key, a
//   third-party request) on the first visit / after "reject all". Something no service declares is
//   not known to be necessary, so it counts too: declaring it as a `necessary` service is the fix;
// - undeclared-host / undeclared-cookie: a third-party host / a cookie no service declares (any pass);
// - declared-unused: a service seen nowhere after "accept all" (information: the scanner may not
//   have reached the page that uses it).
import type { SiteConfig } from '@consent-ledger/protocol';
import {
  type Attribution,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  PASSES,
  type PageRecord,
  type PassName,
  type PassRecord,
} from './report';

const necessary = (a: Attribution) => a.purpose === 'necessary';
const attribution = (a: Attribution): Attribution => (a.service ? { service: a.service, purpose: a.purpose } : {});

/** The findings of one page's passes, in a stable order. */
function pageFindings(page: PageRecord): Finding[] {
  const out: Finding[] = [];
  const undeclared = new Set<string>();
  for (const phase of PASSES) {
    const pass = page.passes[phase];
    if (!pass) continue;
    // A pass whose decision could not be made has nothing to say about consent, only about declarations.
    const consentKind: FindingKind | undefined =
      pass.decision === 'unavailable'
        ? undefined
        : phase === 'first-visit'
          ? 'before-consent'
          : phase === 'after-reject'
            ? 'after-reject'
            : undefined;
    const base = { page: page.url, phase };
    if (consentKind) {
      for (const c of pass.cookies)
        if (!necessary(c)) out.push({ kind: consentKind, ...base, cookie: c.name, ...attribution(c) });
      for (const s of pass.storage)
        if (!necessary(s)) out.push({ kind: consentKind, ...base, storage: `${s.kind}:${s.name}`, ...attribution(s) });
      for (const r of pass.requests)
        if (!necessary(r)) out.push({ kind: consentKind, ...base, host: r.host, url: r.url, ...attribution(r) });
    }
    // Reported once per page, at the first pass that saw it.
    for (const r of pass.requests) {
      if (r.service || undeclared.has(`host ${r.host}`)) continue;
      undeclared.add(`host ${r.host}`);
      out.push({ kind: 'undeclared-host', ...base, host: r.host, url: r.url });
    }
    for (const c of pass.cookies) {
      if (c.service || undeclared.has(`cookie ${c.name}`)) continue;
      undeclared.add(`cookie ${c.name}`);
      out.push({ kind: 'undeclared-cookie', ...base, cookie: c.name });
    }
  }
  return out;
}

/** The services something was attributed to during the after-accept passes. */
function servicesSeenAfterAccept(pages: readonly PageRecord[]): Set<string> {
  const seen = new Set<string>();
  for (const page of pages) {
    const pass: PassRecord | undefined = page.passes['after-accept'];
    if (!pass) continue;
    for (const thing of [...pass.cookies, ...pass.storage, ...pass.requests, ...pass.frames])
      if (thing.service) seen.add(thing.service);
  }
  return seen;
}

const order = <T extends string>(list: readonly T[], value: T | undefined) =>
  value === undefined ? -1 : list.indexOf(value);

/**
 * Every finding of a scan, sorted by kind, page (crawl order), phase, then what it is about.
 * `declaredUnused` is false when the scan stopped early: pages it never reached may use the service.
 */
export function findings(pages: readonly PageRecord[], config: SiteConfig, declaredUnused = true): Finding[] {
  // One finding per kind, page, phase and subject (a cookie on two paths, a host at two URLs: one thing to fix),
  // keeping the first URL seen.
  const unique = new Map<string, Finding>();
  for (const f of pages.flatMap(pageFindings)) {
    const key = [f.kind, f.page, f.phase, f.cookie, f.storage, f.host].join('\u0000');
    if (!unique.has(key)) unique.set(key, f);
  }
  const out = [...unique.values()];
  if (declaredUnused) {
    const seen = servicesSeenAfterAccept(pages);
    for (const service of config.services)
      if (!seen.has(service.id))
        out.push({
          kind: 'declared-unused',
          page: null,
          phase: 'after-accept',
          service: service.id,
          purpose: service.purpose,
        });
  }
  const pageIndex = new Map(pages.map((p, i) => [p.url, i]));
  const subject = (f: Finding) => f.cookie ?? f.storage ?? f.host ?? f.service ?? '';
  return out.sort(
    (a, b) =>
      order(FINDING_KINDS, a.kind) - order(FINDING_KINDS, b.kind) ||
      (pageIndex.get(a.page ?? '') ?? -1) - (pageIndex.get(b.page ?? '') ?? -1) ||
      order<PassName>(PASSES, a.phase) - order<PassName>(PASSES, b.phase) ||
      subject(a).localeCompare(subject(b)),
  );
}

/** The findings whose kind is in `failOn`: any of them makes the scan exit 1. */
export function failing(all: readonly Finding[], failOn: readonly FindingKind[]): Finding[] {
  return all.filter((f) => failOn.includes(f.kind));
}
