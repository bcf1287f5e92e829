// Shared by this package's tests: a small valid site config and pass records built by hand.
import { type SiteConfig, validateSiteConfig } from '@consent-ledger/protocol';
import type { PageRecord, PassName, PassRecord, ScanReport, SeenCookie } from './report';

export const HOME = 'https://www.praticien.example/';

/** A site with a necessary service, an analytics service on its own host and a marketing pixel. */
export function testConfig(): SiteConfig {
  const result = validateSiteConfig({
    site: 'praticien',
    name: 'Cabinet <Test>',
    origins: ['https://www.praticien.example'],
    revision: 2,
    policyUrl: 'https://www.praticien.example/confidentialite',
    languages: ['fr', 'en'],
    purposes: { analytics: {}, marketing: {}, maps: {} },
    services: [
      {
        id: 'session',
        name: 'Session',
        provider: 'Cabinet',
        purpose: 'necessary',
        transfer: 'EU',
        cookies: ['SESSID'],
      },
      {
        id: 'stats',
        name: 'Stats',
        provider: 'Stats SAS',
        purpose: 'analytics',
        transfer: 'EU',
        hosts: ['stats.example'],
        cookies: ['_st', '_st_*'],
        retention: { fr: '13 mois', en: '13 months' },
      },
      {
        id: 'pixel',
        name: 'Pixel',
        provider: 'Ads Inc.',
        purpose: 'marketing',
        transfer: 'US',
        hosts: ['ads.example'],
        cookies: ['_px'],
        privacyUrl: 'https://ads.example/privacy',
      },
      { id: 'maps', name: 'Maps', provider: 'Maps Ltd', purpose: 'maps', transfer: 'GB', hosts: ['maps.example'] },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A first-party session cookie of the test site named `name`, with `more` on top. */
export function seenCookie(name: string, more: Partial<SeenCookie> = {}): SeenCookie {
  return {
    name,
    domain: 'www.praticien.example',
    path: '/',
    expires: null,
    party: 'first',
    stored: true,
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
    ...more,
  };
}

/** An empty pass record with `decision`, to fill in. */
export function emptyPass(decision: PassRecord['decision'] = 'none'): PassRecord {
  return { decision, cookies: [], requests: [], storage: [], frames: [], durationMs: 1000 };
}

/** A page with the given passes (missing ones empty). */
export function page(url: string, passes: Partial<Record<PassName, PassRecord>> = {}): PageRecord {
  return {
    url,
    depth: 0,
    status: 200,
    title: 'Accueil',
    lang: 'fr',
    site: 'praticien',
    passes: {
      'first-visit': emptyPass(),
      'after-reject': emptyPass('banner'),
      'after-accept': emptyPass('banner'),
      ...passes,
    },
  };
}

/** A report of two pages (one skipped) with a finding of three kinds. */
export function sampleReport(): ScanReport {
  const first = emptyPass();
  first.cookies = [seenCookie('_st"><img src=x>', { service: 'stats', purpose: 'analytics' })];
  return {
    site: 'praticien',
    url: HOME,
    startedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: '2026-03-01T10:01:00.000Z',
    config: { source: 'https://consent.example.org/v1/sites/praticien/config', revision: 2 },
    complete: true,
    pages: [
      page(HOME, { 'first-visit': first }),
      { ...page(`${HOME}autre`), passes: {}, skipped: 'carries the Consent Ledger tag of another site ("x")' },
    ],
    findings: [
      {
        kind: 'before-consent',
        page: HOME,
        phase: 'first-visit',
        cookie: '_st"><img src=x>',
        service: 'stats',
        purpose: 'analytics',
      },
      {
        kind: 'undeclared-host',
        page: HOME,
        phase: 'after-accept',
        host: 'cdn.unknown.example',
        url: 'https://cdn.unknown.example/a.js',
      },
      { kind: 'declared-unused', page: null, phase: 'after-accept', service: 'maps', purpose: 'maps' },
    ],
  };
}
