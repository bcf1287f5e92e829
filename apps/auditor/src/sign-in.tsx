// Sign-in: a token, then one of the sites it may read (`GET /v1/audit/sites`; a token of one site
// opens it at once). Only when the token lists no site (none created yet) is a site id typed, and
// then checked against an audit route. The token is kept in sessionStorage (this tab only).

import type { AuditSite } from '@consent-ledger/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createApi, listSites } from './api';
import { errorText } from './error-message';
import { type I18n, useI18n } from './i18n/i18n';
import { recentSites, type Session } from './session';

const SITE = /^[a-z0-9-]{2,64}$/;

/** Checks that `token` may read `site`'s audit routes; null when it may, else the sentence saying why not. */
export async function checkAccess(base: string, session: Session, i18n: I18n): Promise<string | null> {
  const probe = await createApi({ base, ...session }).search({}, 1);
  return probe.ok ? null : errorText(probe, session.site, i18n);
}

/** The token's sites, or the sentence saying why they cannot be listed. */
export async function tokenSites(
  base: string,
  token: string,
  i18n: I18n,
): Promise<{ sites: AuditSite[] } | { problem: string }> {
  const listed = await listSites({ base, token });
  if (listed.ok) return { sites: listed.value };
  // The list has no site in its path: a 403 there can only mean a role that reads no audit route.
  return { problem: listed.status === 403 ? i18n.t('error.noAuditAccess') : errorText(listed, '', i18n) };
}

/** The site offered first: the most recently used one the token lists, else the first listed. */
function preferredSite(sites: AuditSite[], recent: string[]): string {
  return recent.find((id) => sites.some((s) => s.site === id)) ?? sites[0]?.site ?? '';
}

/** A site as the pickers show it: name and id, and whether it was deleted. */
export function siteLabel(site: AuditSite, { t }: I18n): string {
  return t(site.deletedAt ? 'signin.optionDeleted' : 'signin.option', { name: site.name, site: site.site });
}

/** A `<select>` of the token's sites. */
export function SitePicker({
  id,
  sites,
  value,
  onValue,
}: {
  id: string;
  sites: AuditSite[];
  value: string;
  onValue(site: string): void;
}) {
  const i18n = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
      {sites.map((s) => (
        <option key={s.site} value={s.site}>
          {siteLabel(s, i18n)}
        </option>
      ))}
    </select>
  );
}

/** The sign-in form: the token, then the site. */
export function SignIn({ base, onSignedIn }: { base: string; onSignedIn(session: Session): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [token, setToken] = useState('');
  /** Null until the token is checked. */
  const [sites, setSites] = useState<AuditSite[] | null>(null);
  const [site, setSite] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The second step replaces the first (and back): focus follows, as on a new page; not on the first render.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(sites ? 'site' : 'token')?.focus();
  }, [sites === null]);

  const submitToken = async (e: Event) => {
    e.preventDefault();
    const secret = token.trim();
    if (!secret) return setError(t('error.unauthorized'));
    setBusy(true);
    setError(null);
    const listed = await tokenSites(base, secret, i18n);
    setBusy(false);
    if ('problem' in listed) return setError(listed.problem);
    if (listed.sites.length === 1) return onSignedIn({ token: secret, site: listed.sites[0].site });
    const recent = recentSites();
    setSite(listed.sites.length > 0 ? preferredSite(listed.sites, recent) : (recent[0] ?? ''));
    setSites(listed.sites);
  };

  const submitSite = async (e: Event) => {
    e.preventDefault();
    const session = { token: token.trim(), site: site.trim() };
    // A listed site needs no probe: the collector itself said the token reads it.
    if (sites && sites.length > 0) return onSignedIn(session);
    if (!SITE.test(session.site)) return setError(t('error.unknownSite', { site: session.site }));
    setBusy(true);
    setError(null);
    const problem = await checkAccess(base, session, i18n);
    setBusy(false);
    if (problem) setError(problem);
    else onSignedIn(session);
  };

  const status = (
    <>
      <div role="status">{busy && <p>{t('signin.checking')}</p>}</div>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </>
  );
  if (sites === null) {
    return (
      <main id="main" class="signin">
        <h2>{t('signin.title')}</h2>
        <p>{t('signin.intro')}</p>
        <form onSubmit={submitToken}>
          <label for="token">{t('signin.token')}</label>
          <input
            id="token"
            type="password"
            class="mono"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            autoComplete="off"
            spellcheck={false}
            required
          />
          <button class="btn primary" type="submit" disabled={busy}>
            {t('signin.submit')}
          </button>
          {status}
        </form>
      </main>
    );
  }
  return (
    <main id="main" class="signin">
      <h2>{t('signin.choose')}</h2>
      <form onSubmit={submitSite}>
        {sites.length > 0 ? (
          <>
            <label for="site">{t('signin.pick')}</label>
            <SitePicker id="site" sites={sites} value={site} onValue={setSite} />
          </>
        ) : (
          <>
            <label for="site">{t('signin.site')}</label>
            <p id="site-hint">{t('signin.noSites')}</p>
            <input
              id="site"
              list="recent-sites"
              value={site}
              onInput={(e) => setSite(e.currentTarget.value)}
              autoComplete="off"
              spellcheck={false}
              required
              aria-describedby="site-hint"
            />
            <datalist id="recent-sites">
              {recentSites().map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        )}
        <button class="btn primary" type="submit" disabled={busy}>
          {t('header.open')}
        </button>
        <button
          class="btn"
          type="button"
          onClick={() => {
            setSites(null);
            setError(null);
          }}
        >
          {t('signin.otherToken')}
        </button>
        {status}
      </form>
    </main>
  );
}
