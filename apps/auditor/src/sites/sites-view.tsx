// The console's Sites (admin tokens only): every site the token administers, with what it asks and
// how much it is used; one opens in the site view (edit, review, publish, history).
import { type AdminSite, SITE_ID } from '@consent-ledger/protocol';
import { useEffect, useState } from 'preact/hooks';
import { type ApiResult, type Caller, listAdminSites } from '../api';
import { ErrorMessage } from '../error-message';
import { useI18n } from '../i18n/i18n';

/** The list of the token's sites; `onSite` opens one. */
export function SitesView({ caller, onSite }: { caller: Caller; onSite(site: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, setAnswer] = useState<ApiResult<AdminSite[]> | null>(null);
  useEffect(() => {
    let live = true;
    void listAdminSites(caller).then((a) => live && setAnswer(a));
    return () => {
      live = false;
    };
  }, [caller.base, caller.token]);
  // Not a region of its own: its one region is the table, named by the same heading.
  return (
    <section>
      <h2 id="view-title" tabIndex={-1}>
        {t('sites.title')}
      </h2>
      {answer === null && <p role="status">{t('app.loading')}</p>}
      {answer && !answer.ok && <ErrorMessage error={answer} site="" />}
      {answer?.ok && answer.value.length === 0 && <p>{t('sites.none')}</p>}
      {answer?.ok && <NewSite taken={answer.value.map((s) => s.site)} onSite={onSite} />}
      {answer?.ok && answer.value.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so a keyboard can scroll it (WCAG 2.1.1)
        <section class="table-scroll" tabIndex={0} aria-labelledby="view-title">
          <table class="sites">
            <thead>
              <tr>
                <th scope="col">{t('sites.name')}</th>
                <th scope="col">{t('sites.revision')}</th>
                <th scope="col">{t('sites.languages')}</th>
                <th scope="col">{t('sites.purposes')}</th>
                <th scope="col">{t('sites.services')}</th>
                <th scope="col">{t('sites.published')}</th>
                <th scope="col">{t('sites.receipts30')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.value.map((s) => (
                <tr key={s.site} data-site={s.site}>
                  <th scope="row">
                    <a
                      href={`#/sites/${encodeURIComponent(s.site)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onSite(s.site);
                      }}
                    >
                      {s.name}
                    </a>{' '}
                    <span class="site-id mono">{s.site}</span>
                    {s.deletedAt && <span class="tag">{t('sites.deleted')}</span>}
                  </th>
                  <td class="num">{s.revision}</td>
                  <td>{s.languages.join(', ')}</td>
                  <td>{s.purposes.map((p) => i18n.purpose(p, s.purposeTitles)).join(', ')}</td>
                  <td>{s.services.join(', ')}</td>
                  <td>
                    <time dateTime={s.publishedAt}>{i18n.dateTime(s.publishedAt)}</time>
                  </td>
                  <td class="num">{s.receipts30Days}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** A new site's id, checked as the collector checks it; the site view then starts from a blank form. */
function NewSite({ taken, onSite }: { taken: string[]; onSite(site: string): void }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      class="new-site"
      onSubmit={(e) => {
        e.preventDefault();
        const site = id.trim();
        if (!SITE_ID.test(site)) return setProblem(t('sites.badId'));
        if (taken.includes(site)) return setProblem(t('sites.taken', { site }));
        onSite(site);
      }}
    >
      <h3>{t('sites.new')}</h3>
      <div class="form-field">
        <label for="new-site-id">{t('sites.newId')}</label>
        <p class="hint" id="new-site-hint">
          {t('sites.newIdHint')}
        </p>
        <input
          id="new-site-id"
          class="short"
          value={id}
          spellcheck={false}
          autoComplete="off"
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'new-site-hint new-site-problem' : 'new-site-hint'}
          onInput={(e) => {
            setId(e.currentTarget.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p class="field-issues" id="new-site-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <button class="btn primary" type="submit">
        {t('sites.create')}
      </button>
    </form>
  );
}
