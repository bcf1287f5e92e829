// One site in the console: its configuration in a form or as JSON (import, export, edit), a review before
// publishing (the collector's validator with each issue at its field, whether visitors are asked
// again, the diff of fields and of each language's notice, a bump proposed when a text changed),
// publication, and the published revisions with their notices as logged.
import type { PublishAnswer, SiteConfig, SiteRevisionsAnswer } from '@consent-ledger/protocol';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AdminApi, ApiResult } from '../api';
import { ErrorMessage } from '../error-message';
import { useI18n } from '../i18n/i18n';
import { routeHash } from '../route';
import { ChangeList, NoticeBody } from '../subject/notice-view';
import type { Draft } from './form/draft';
import { SiteForm } from './form/site-form';
import { previewSources, SitePreview } from './preview/site-preview';
import { isProblem, type Plan, type PlanProblem, planPublication } from './publish-plan';
import { Toggle } from './toggle';

const pretty = (config: Draft) => `${JSON.stringify(config, null, 2)}\n`;

/** The site `api.site`: edit, review, publish, history. */
export function SiteView({ api, onBack }: { api: AdminApi; onBack(): void }) {
  const { t, lang } = useI18n();
  const [published, setPublished] = useState<ApiResult<SiteConfig | null> | null>(null);
  const [revisions, setRevisions] = useState<ApiResult<SiteRevisionsAnswer> | null>(null);
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [draft, setDraft] = useState<Draft>({});
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | PlanProblem | null>(null);
  const [outcome, setOutcome] = useState<ApiResult<PublishAnswer> | null>(null);

  const load = async () => {
    const [site, history] = await Promise.all([api.get(), api.revisions()]);
    // A site the collector does not know yet is a new one: the form starts from a blank template.
    const fresh = !site.ok && site.status === 404 && site.error.code === 'unknown-site';
    setPublished(site.ok ? { ok: true, value: site.value.site.config } : fresh ? { ok: true, value: null } : site);
    if (site.ok) editDraft(site.value.site.config as unknown as Draft);
    else if (fresh) editDraft(newSite(api.site, lang));
    setRevisions(fresh ? null : history);
  };
  useEffect(() => {
    void load();
  }, [api]);

  const text = () => (mode === 'json' ? json : pretty(draft));
  // The preview follows the JSON being typed too, once it parses.
  const previewed = useMemo(() => (mode === 'json' ? parseDraft(json, '') : draft), [mode, json, draft]);
  const sources = useMemo(() => previewSources(api.base, location.href), [api]);
  const review = (draftText = text()) => {
    setOutcome(null);
    setPlan(published?.ok ? planPublication(api.site, published.value, draftText) : null);
  };
  const editDraft = (next: Draft) => {
    setDraft(next);
    setJson(pretty(next));
    setPlan(null);
  };
  const editJson = (next: string) => {
    setJson(next);
    setPlan(null);
  };
  /** To the form only from JSON it can show: an object. */
  const toForm = () => {
    const parsed = parseDraft(json, t('site.notObject'));
    if (typeof parsed === 'string') return setJsonError(parsed);
    setJsonError(null);
    setDraft(parsed);
    setMode('form');
  };
  const toJson = () => {
    setJson(pretty(draft));
    setMode('json');
  };
  const publish = async (config: SiteConfig) => {
    const answer = await api.publish(config);
    setOutcome(answer);
    if (answer.ok) {
      setPlan(null);
      await load();
    }
  };

  return (
    <section aria-labelledby="view-title">
      <p>
        <a
          href={routeHash({ view: 'sites', subject: null })}
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          {t('site.back')}
        </a>
      </p>
      <h2 id="view-title" tabIndex={-1}>
        {t(published?.ok && published.value === null ? 'site.newTitle' : 'site.title', { site: api.site })}
      </h2>
      {published?.ok && published.value === null && <p class="hint">{t('site.newHint')}</p>}
      {published === null && <p role="status">{t('app.loading')}</p>}
      {published && !published.ok && <ErrorMessage error={published} site={api.site} />}
      {published?.ok && (
        <>
          <h3>{t('site.json')}</h3>
          <Toggle
            legend={t('site.editAs')}
            value={mode}
            options={[
              ['form', t('site.asForm')],
              ['json', t('site.asJson')],
            ]}
            onValue={(next) => next !== mode && (next === 'form' ? toForm() : toJson())}
          />
          {jsonError && (
            <p class="alert" role="alert">
              {t('site.notJson')} <code>{jsonError}</code>
            </p>
          )}
          {mode === 'form' ? (
            <SiteForm draft={draft} onDraft={editDraft} />
          ) : (
            <>
              <p class="hint" id="json-hint">
                {t('site.jsonHint')}
              </p>
              <label class="field" for="site-json">
                {t('site.jsonLabel')}
              </label>
              <textarea
                id="site-json"
                class="json"
                rows={18}
                spellcheck={false}
                value={json}
                aria-describedby="json-hint"
                aria-invalid={plan !== null && isProblem(plan)}
                onInput={(e) => editJson(e.currentTarget.value)}
              />
            </>
          )}
          <SitePreview draft={previewed} sources={sources} />
          <div class="actions">
            <button class="btn primary" type="button" onClick={() => review()}>
              {t('site.review')}
            </button>
            <a
              class="btn"
              download={`${api.site}.json`}
              href={`data:application/json;charset=utf-8,${encodeURIComponent(text())}`}
            >
              {t('site.export')}
            </a>
            <label class="btn file">
              {t('site.import')}
              <input
                type="file"
                accept="application/json,.json"
                class="sr"
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  if (!file) return;
                  const imported = await file.text();
                  const parsed = parseDraft(imported, t('site.notObject'));
                  // A file the form cannot show opens in the JSON view, where its error is named.
                  if (typeof parsed === 'string') {
                    editJson(imported);
                    setMode('json');
                  } else editDraft(parsed);
                  review(imported);
                }}
              />
            </label>
          </div>
          {plan && <PlanView plan={plan} onPublish={publish} onDraft={(c) => editDraft(c as unknown as Draft)} />}
          {outcome && !outcome.ok && <ErrorMessage error={outcome} site={api.site} />}
          {outcome?.ok && (
            <p role="status" class="ok-note" data-published={outcome.value.site.config.revision}>
              {t('site.done', {
                revision: outcome.value.site.config.revision,
                count: outcome.value.appended.length,
              })}
            </p>
          )}
        </>
      )}
      {!(published?.ok && published.value === null) && <History revisions={revisions} site={api.site} />}
    </section>
  );
}

/** The starting point of a new site: what it must fill in is left empty, so the form names it. */
function newSite(site: string, lang: string): Draft {
  return {
    site,
    name: '',
    origins: [],
    revision: 1,
    policyUrl: '',
    languages: [lang],
    purposes: { analytics: {} },
    services: [],
  };
}

/** A JSON text as a draft object, or the reason it is not one. */
function parseDraft(text: string, notObject: string): Draft | string {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Draft;
    return notObject;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The review: problems at their fields, or what publishing does and the diff. */
function PlanView({
  plan,
  onPublish,
  onDraft,
}: {
  plan: Plan | PlanProblem;
  onPublish(config: SiteConfig): void;
  onDraft(config: SiteConfig): void;
}) {
  const { t } = useI18n();
  if (isProblem(plan))
    return (
      <div class="alert" role="alert" data-plan={plan.kind}>
        <p>{t(plan.kind === 'json' ? 'site.notJson' : 'site.issues')}</p>
        <ul class="issues">
          {plan.issues.map((issue) => (
            <li key={issue}>
              <code>{issue}</code>
            </li>
          ))}
        </ul>
      </div>
    );
  const { check } = plan;
  const refused = check.outcome === 'needs-bump' || check.outcome === 'lower-revision';
  const nothing = check.outcome === 'keeps-choices' && plan.fields.length === 0;
  const words = {
    revision: check.revision,
    published: check.published ?? 0,
    lowest: check.lowest,
    languages: check.changed.join(', '),
  };
  return (
    <section class="plan" aria-labelledby="plan-title" data-outcome={check.outcome}>
      <h3 id="plan-title" tabIndex={-1}>
        {t('site.plan')}
      </h3>
      <p class={refused ? 'alert' : 'hint'} role={refused ? 'alert' : 'status'}>
        {nothing ? t('site.nothing') : t(`site.outcome.${check.outcome}`, words)}
      </p>
      {refused && (
        <button class="btn" type="button" onClick={() => onDraft({ ...plan.config, revision: check.lowest })}>
          {t('site.bump', { revision: check.lowest })}
        </button>
      )}
      {plan.fields.length > 0 && (
        <div class="changes" data-diff="fields">
          <h4>{t('site.fields')}</h4>
          <ChangeList changes={plan.fields} />
        </div>
      )}
      {plan.notices
        .filter((n) => n.changes.length > 0)
        .map((n) => (
          <div class="changes" key={n.language} data-diff={`notice-${n.language}`}>
            <h4>{t('site.notice', { language: n.language })}</h4>
            <ChangeList changes={n.changes} />
          </div>
        ))}
      {!refused && !nothing && (
        <button class="btn primary" type="button" onClick={() => onPublish(plan.config)}>
          {t('site.publish', { revision: check.revision })}
        </button>
      )}
    </section>
  );
}

/** The published revisions, newest first, each with its notices as logged. */
function History({ revisions, site }: { revisions: ApiResult<SiteRevisionsAnswer> | null; site: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h3 id="history-title">{t('site.history')}</h3>
      {revisions && !revisions.ok && <ErrorMessage error={revisions} site={site} />}
      {revisions?.ok && (
        <ol class="revisions" aria-labelledby="history-title">
          {revisions.value.revisions.map((r) => (
            <li key={r.revision} data-revision={r.revision}>
              <h4>
                {t('site.revision', { revision: r.revision })}{' '}
                <span class="hint">
                  <time dateTime={r.publishedAt}>{i18n.dateTime(r.publishedAt)}</time>
                </span>
              </h4>
              {r.notices.map((n) =>
                n.notice ? (
                  <details key={n.textHash} class="notice" data-language={n.language}>
                    <summary>{t('notice.title', { language: n.language, revision: n.revision })}</summary>
                    <NoticeBody notice={n.notice} />
                  </details>
                ) : (
                  <p key={n.textHash} class="notice-missing">
                    {t('notice.missing')}
                  </p>
                ),
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
