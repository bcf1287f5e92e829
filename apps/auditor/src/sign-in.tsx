// Sign-in: a token and a site id. The token is checked against an audit route of that site before
// it is kept (sessionStorage, this tab only).
import { useState } from 'preact/hooks';
import { createApi } from './api';
import { errorText } from './error-message';
import { useI18n } from './i18n/i18n';
import { recentSites, type Session } from './session';

const SITE = /^[a-z0-9-]{2,64}$/;

/** Checks that `token` may read `site`'s audit routes; null when it may, else the sentence saying why not. */
export async function checkAccess(base: string, session: Session, i18n: ReturnType<typeof useI18n>): Promise<string | null> {
  const probe = await createApi({ base, ...session }).search({}, 1);
  return probe.ok ? null : errorText(probe, session.site, i18n);
}

/** The sign-in form. */
export function SignIn({ base, onSignedIn }: { base: string; onSignedIn(session: Session): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sites = recentSites();
  const [token, setToken] = useState('');
  const [site, setSite] = useState(sites[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const session = { token: token.trim(), site: site.trim() };
    if (!session.token || !SITE.test(session.site)) {
      setError(!session.token ? t('error.unauthorized') : t('error.unknownSite', { site: session.site }));
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await checkAccess(base, session, i18n);
    setBusy(false);
    if (problem) setError(problem);
    else onSignedIn(session);
  };

  return (
    <main id="main" class="signin">
      <h2>{t('signin.title')}</h2>
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit}>
        <label for="token">{t('signin.token')}</label>
        <input id="token" type="password" class="mono" value={token} onInput={(e) => setToken(e.currentTarget.value)} autoComplete="off" spellcheck={false} required />
        <label for="site">{t('signin.site')}</label>
        <input id="site" list="recent-sites" value={site} onInput={(e) => setSite(e.currentTarget.value)} autoComplete="off" spellcheck={false} required />
        <datalist id="recent-sites">
          {sites.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button class="btn primary" type="submit" disabled={busy}>{t('signin.submit')}</button>
        <div role="status">{busy && <p>{t('signin.checking')}</p>}</div>
        {error && <p class="alert" role="alert">{error}</p>}
      </form>
    </main>
  );
}
