// Which service of the site's config each thing the browser saw belongs to: cookies and storage by
// the services' `cookies` patterns, requests and frames by their `hosts` (protocol's matchers, the
// very ones the SDK uses). Consent Ledger itself is a necessary service of every site: its storage
// and its collector's routes (the script, `/v1/…`) are never a finding.
import {
  CONSENT_COOKIE,
  cookieMatcher,
  hostMatches,
  type ServiceConfig,
  type SiteConfig,
} from '@consent-ledger/protocol';
import type { Attribution } from './report';

/** The id under which Consent Ledger's own storage and requests are attributed. */
export const CONSENT_LEDGER = 'consent-ledger';
/** What the SDK stores: the decision's localStorage mirror (`consent-ledger:decision:<site>`) and its IndexedDB database. */
const OWN_STORAGE = [cookieMatcher('consent-ledger:*'), cookieMatcher('consent-ledger')];
const OWN: Attribution = { service: CONSENT_LEDGER, purpose: 'necessary' };

/** Attributes what a scan saw to the services of one site config. */
export interface Attributor {
  /** A cookie, by name; a name several services declare goes to the one whose hosts cover its domain. */
  cookie(name: string, domain: string): Attribution;
  /** A localStorage / sessionStorage key or an IndexedDB database name, by the services' cookie patterns. */
  storage(name: string): Attribution;
  /** A request (or a frame): one of the collector's routes, else the service with the most specific declared host. */
  request(url: URL, purposeHint?: string): Attribution;
}

const of = (service: ServiceConfig): Attribution => ({ service: service.id, purpose: service.purpose });

/** The longest declared host of `service` covering `hostname` (0 when none does): the most specific claim wins. */
function hostScore(service: ServiceConfig, hostname: string): number {
  let best = 0;
  for (const declared of service.hosts ?? [])
    if (hostMatches(declared, hostname)) best = Math.max(best, declared.length);
  return best;
}

/** The service whose declared host covering `hostname` is the longest (config order breaks ties). */
function mostSpecific(services: Array<{ service: ServiceConfig }>, hostname: string): ServiceConfig | undefined {
  let best: ServiceConfig | undefined;
  let bestScore = 0;
  for (const { service } of services) {
    const score = hostScore(service, hostname);
    if (score > bestScore) [best, bestScore] = [service, score];
  }
  return best;
}

/** True when `url` is one of the collector's routes: its scripts (consent.js and its lazily loaded chunks) and styles, or its API under `/v1/`. */
function collectorRoute(url: URL, collectors: ReadonlySet<string>): boolean {
  for (const base of collectors) {
    if (!url.href.startsWith(base)) continue;
    const path = url.href.slice(base.length).replace(/[?#].*$/, '');
    if (path.startsWith('/v1/') || /^\/consent(-[a-z]+)?(\.[0-9a-f]+)?\.(js|css)$/.test(path)) return true;
  }
  return false;
}

/**
 * Builds the attributor of `config` (null: nothing is declared, so only Consent Ledger's own things are
 * attributed). `collectors` are the base URLs of the collector(s) the pages' tags load from (no trailing slash).
 */
export function attributor(config: SiteConfig | null, collectors: ReadonlySet<string>): Attributor {
  const services = (config?.services ?? []).map((service) => ({
    service,
    cookies: (service.cookies ?? []).map(cookieMatcher),
  }));
  const byCookie = (name: string) => services.filter((s) => s.cookies.some((matches) => matches(name)));
  return {
    cookie(name, domain) {
      // The SDK's own first-party cookie (the decision for the site's server) is necessary, never a finding.
      if (name === CONSENT_COOKIE) return OWN;
      const candidates = byCookie(name);
      const hostname = domain.replace(/^\./, '');
      const owner = candidates.find((s) => hostScore(s.service, hostname) > 0) ?? candidates[0];
      return owner ? of(owner.service) : {};
    },
    storage(name) {
      if (OWN_STORAGE.some((matches) => matches(name))) return OWN;
      const owner = byCookie(name)[0];
      return owner ? of(owner.service) : {};
    },
    request(url, purposeHint) {
      if (collectorRoute(url, collectors)) return OWN;
      const { hostname } = url;
      // A hint (an embed's data-consent) settles a host several purposes declare, as the SDK does.
      const hinted = purposeHint
        ? mostSpecific(
            services.filter((s) => s.service.purpose === purposeHint),
            hostname,
          )
        : undefined;
      const owner = hinted ?? mostSpecific(services, hostname);
      return owner ? of(owner) : {};
    },
  };
}
