// The auditor UI's shell: sign-in, then a header (site, language, sign out), the sections' nav and
// the current view. Views are in the address fragment so the browser's back button works.

import type { AuditSite } from '@consent-ledger/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApi, listAdminSites } from './api';
import { ExportView } from './export/export-view';
import {
  createI18n,
  I18nContext,
  negotiate,
  UI_LANGUAGE_NAMES,
  UI_LANGUAGES,
  type UiLanguage,
  useI18n,
} from './i18n/i18n';
import { LogView, RewriteWarning } from './log/log-view';
import { useLogHealth } from './log/use-log-health';
import { parseRoute, type Route, routeHash, VIEWS } from './route';
import { EMPTY_SEARCH, type SearchState, SearchView } from './search/search-view';
import {
  clearSession,
  loadSession,
  recentSites,
  type Session,
  savedLanguage,
  saveLanguage,
  saveSession,
} from './session';
import { checkAccess, SignIn, SitePicker, siteLabel, tokenSites } from './sign-in';
import { LazyConsole } from './sites/load-console';
import { StatsView } from './stats/stats-view';
import { SubjectView } from './subject/subject-view';

/** The whole UI; `base` is the collector's origin ('' when it serves this page). */
export function App({ base = '' }: { base?: string }) {
  const [lang, setLang] = useState<UiLanguage>(
    () => savedLanguage() ?? negotiate(navigator.languages ?? [navigator.language]),
  );
  const i18n = useMemo(() => createI18n(lang), [lang]);
  const [session, setSession] = useState<Session | null>(loadSession);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('app.title');
  }, [lang]);
  const chooseLang = (l: UiLanguage) => {
    saveLanguage(l);
    setLang(l);
  };
  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
  };
  return (
    <I18nContext.Provider value={i18n}>
      {/* A button, not a link to #main: the hash holds the route, so focus moves without touching it. */}
      <button class="skip" type="button" onClick={() => document.getElementById('main')?.focus()}>
        {i18n.t('app.skip')}
      </button>
      <header class="top">
        <h1>{i18n.t('app.title')}</h1>
        <LanguagePicker lang={lang} onLang={chooseLang} />
        {session && <SiteSwitcher base={base} session={session} onSession={signIn} />}
        {session && (
          <button
            class="btn"
            type="button"
            onClick={() => {
              clearSession();
              setSession(null);
            }}
          >
            {i18n.t('header.signOut')}
          </button>
        )}
      </header>
      {session ? (
        <SignedIn key={session.site + session.token} base={base} session={session} />
      ) : (
        <SignIn base={base} onSignedIn={signIn} />
      )}
    </I18nContext.Provider>
  );
}

function LanguagePicker({ lang, onLang }: { lang: UiLanguage; onLang(l: UiLanguage): void }) {
  const { t } = useI18n();
  return (
    <label class="inline">
      {t('header.language')}
      <select value={lang} onChange={(e) => onLang(e.currentTarget.value as UiLanguage)}>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {UI_LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The site being read, and a switch to the token's other sites (typed when the token lists none). */
function SiteSwitcher({ base, session, onSession }: { base: string; session: Session; onSession(s: Session): void }) {
  const i18n = useI18n();
  const [site, setSite] = useState(session.site);
  const [sites, setSites] = useState<AuditSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSite(session.site), [session.site]);
  useEffect(() => {
    let live = true;
    void tokenSites(base, session.token, i18n).then(
      (listed) => live && setSites('sites' in listed ? listed.sites : []),
    );
    return () => {
      live = false;
    };
  }, [base, session.token]);
  if (sites === null) return null;
  const current = sites.find((s) => s.site === session.site);
  if (sites.length === 1 && current) {
    return (
      <p class="inline site-switch">
        {i18n.t('header.site')}
        <span class="site-name">{siteLabel(current, i18n)}</span>
      </p>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    const next = { token: session.token, site: site.trim() };
    // A listed site needs no probe; a typed one is checked first.
    const problem = sites.length > 0 ? null : await checkAccess(base, next, i18n);
    setError(problem);
    if (!problem) onSession(next);
  };
  return (
    <form class="site-switch" onSubmit={submit}>
      <label class="inline" for="site-switch">
        {i18n.t('header.site')}
        {sites.length > 0 ? (
          <SitePicker id="site-switch" sites={sites} value={site} onValue={setSite} />
        ) : (
          <input
            id="site-switch"
            value={site}
            list="known-sites"
            onInput={(e) => setSite(e.currentTarget.value)}
            size={14}
            autoComplete="off"
            spellcheck={false}
            aria-describedby={error ? 'site-error' : undefined}
          />
        )}
      </label>
      {sites.length === 0 && (
        <datalist id="known-sites">
          {recentSites().map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button class="btn" type="submit">
        {i18n.t('header.open')}
      </button>
      {error && (
        <p id="site-error" class="alert" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function SignedIn({ base, session }: { base: string; session: Session }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useMemo(() => createApi({ base, token: session.token, site: session.site }), [base, session]);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [search, setSearch] = useState<SearchState>(EMPTY_SEARCH);
  const [site, setSite] = useState<{ titles: Record<string, string>; purposes: string[] }>({
    titles: {},
    purposes: [],
  });
  const caller = useMemo(() => ({ base, token: session.token }), [base, session.token]);
  // Only an admin token gets Sites: the tab appears when the admin route answers.
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    let live = true;
    void listAdminSites(caller).then((answer) => live && setAdmin(answer.ok));
    return () => {
      live = false;
    };
  }, [caller]);
  const log = useLogHealth(api, base || location.origin);
  const first = useRef(true);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // A new view moves focus to its heading, as a page load would for a screen reader; not on the first render.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('view-title')?.focus();
  }, [route.view, route.site]);
  useEffect(() => {
    let live = true;
    void api.config(i18n.lang).then((answer) => {
      if (!live || !answer.ok) return;
      const purposes = answer.value.notice.purposes.filter((p) => p.id !== 'necessary');
      setSite({
        titles: Object.fromEntries(purposes.map((p) => [p.id, p.title])),
        purposes: purposes.map((p) => p.id),
      });
    });
    return () => {
      live = false;
    };
  }, [api, i18n.lang]);

  const go = (next: Route) => {
    location.hash = routeHash(next);
    setRoute(next);
  };
  return (
    <>
      <nav class="tabs" aria-label={t('nav.label')}>
        <ul>
          {VIEWS.filter((view) => view !== 'sites' || admin).map((view) => (
            <li key={view}>
              <a
                href={routeHash({ view, subject: null })}
                aria-current={route.view === view ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go({ view, subject: view === 'subject' ? route.subject : null });
                }}
              >
                {t(`nav.${view}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <RewriteWarning log={log} />
        {route.view === 'subject' && (
          <SubjectView
            api={api}
            subject={route.subject}
            onSubject={(subject) => go({ view: 'subject', subject })}
            siteTitles={site.titles}
            witnesses={log.pinned}
          />
        )}
        {route.view === 'search' && (
          <SearchView
            api={api}
            purposes={site.purposes}
            siteTitles={site.titles}
            state={search}
            onState={setSearch}
            onSubject={(subject) => go({ view: 'subject', subject })}
          />
        )}
        {route.view === 'stats' && <StatsView api={api} siteTitles={site.titles} />}
        {route.view === 'export' && <ExportView api={api} />}
        {route.view === 'log' && <LogView log={log} />}
        {route.view === 'sites' && (
          <LazyConsole
            caller={caller}
            site={route.site ?? null}
            onSite={(site) => go({ view: 'sites', subject: null, site })}
            onBack={() => go({ view: 'sites', subject: null })}
          />
        )}
      </main>
    </>
  );
}
