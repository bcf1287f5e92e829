// The `cl_consent` cookie (format in protocol's consent-cookie.ts): the decision in force, for the
// site's own server. Strictly necessary (it only repeats the visitor's choice), so it needs no consent.
import { CONSENT_COOKIE, formatConsentCookie } from '@consent-ledger/protocol';
import { logProblem } from '../core/log';
import { clearCookies } from '../gate/cookies';
import type { ConsentSnapshot } from '../types';

/**
 * Keeps `cl_consent` in step with the snapshot: written for a decision in force (expiring with it),
 * removed when none is (erased, asked again) or when the visitor withdraws everything. A decision that
 * grants nothing is written when it is made (`method`), never recreated later: a withdrawal of
 * everything stays without a cookie. `domain` shares it with subdomains, when the page is under it.
 */
export function syncConsentCookie(snapshot: ConsentSnapshot, method?: string, domain?: string): void {
  const { document: doc, status, choices, decidedAt } = snapshot;
  if (!doc) return;
  const current = document.cookie.match(/(?:^|; )cl_consent=([^;]*)/)?.[1];
  const granted = Object.keys(choices).filter((p) => choices[p] === 'granted');
  const value =
    status === 'decided' &&
    (granted.length || method !== 'withdraw') &&
    formatConsentCookie({ revision: doc.config.revision, granted, decidedAt: decidedAt! });
  if (value === current || (!value && !current) || (!current && !method && !granted.length)) return;
  // A copy on another domain or path (data-cookie-domain changed) would be sent too.
  if (current) clearCookies([CONSENT_COOKIE]);
  if (!value) return;
  const { hostname, protocol } = location;
  const shared = domain?.replace(/^\./, '');
  const under = shared && (hostname === shared || hostname.endsWith(`.${shared}`));
  // A browser silently drops a cookie for a domain the page is not under: fall back to host-only.
  if (shared && !under) logProblem('cookie-domain', shared);
  const expires = new Date(Date.parse(decidedAt!) + doc.config.expiresAfterDays * 864e5).toUTCString();
  document.cookie = `${CONSENT_COOKIE}=${value}; Path=/; Expires=${expires}; SameSite=Lax${under ? `; Domain=${shared}` : ''}${protocol === 'https:' ? '; Secure' : ''}`;
}
