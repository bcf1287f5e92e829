// Receipt search with the API's filters (purpose, state, method, dates), newest first, a page at a
// time; each row opens its subject's history.

import type { ReceiptSearchAnswer } from '@consent-ledger/protocol';
import { METHODS } from '@consent-ledger/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api, ApiResult, SearchQuery } from '../api';
import { ErrorMessage } from '../error-message';
import { useI18n } from '../i18n/i18n';

/** The search's filters and where it is: kept by the app, so coming back from a subject finds them. */
export interface SearchState {
  filters: Omit<SearchQuery, 'cursor'>;
  /** Cursors of the pages visited so far; the last is the current page's (undefined: the first page). */
  cursors: Array<string | undefined>;
}

export const EMPTY_SEARCH: SearchState = { filters: {}, cursors: [undefined] };

/** The search view; `purposes` are the site's asked purposes. */
export function SearchView(props: {
  api: Api;
  purposes: string[];
  siteTitles: Record<string, string>;
  state: SearchState;
  onState(s: SearchState): void;
  onSubject(id: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, state } = props;
  const [form, setForm] = useState(state.filters);
  const [answer, setAnswer] = useState<ApiResult<ReceiptSearchAnswer> | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const cursor = state.cursors[state.cursors.length - 1];
  const page = state.cursors.length;

  useEffect(() => {
    let live = true;
    setAnswer(null);
    void api.search({ ...state.filters, cursor }).then((a) => live && setAnswer(a));
    return () => {
      live = false;
    };
  }, [api, state]);

  const set = (patch: Partial<SearchState['filters']>) => {
    const next = { ...form, ...patch };
    // The API refuses a state without a purpose.
    if (!next.purpose) delete next.state;
    for (const key of Object.keys(next) as Array<keyof typeof next>) if (!next[key]) delete next[key];
    setForm(next);
  };
  const go = (cursors: SearchState['cursors']) => {
    props.onState({ filters: state.filters, cursors });
    resultsRef.current?.focus();
  };

  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title" tabIndex={-1}>
        {t('search.title')}
      </h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          props.onState({ filters: form, cursors: [undefined] });
        }}
      >
        <label>
          {t('search.purpose')}
          <select value={form.purpose ?? ''} onChange={(e) => set({ purpose: e.currentTarget.value || undefined })}>
            <option value="">{t('search.any')}</option>
            {props.purposes.map((p) => (
              <option key={p} value={p}>
                {i18n.purpose(p, props.siteTitles)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.state')}
          <select
            value={form.state ?? ''}
            disabled={!form.purpose}
            onChange={(e) => set({ state: (e.currentTarget.value || undefined) as SearchQuery['state'] })}
          >
            <option value="">{t('search.any')}</option>
            <option value="granted">{t('state.granted')}</option>
            <option value="denied">{t('state.denied')}</option>
          </select>
        </label>
        <label>
          {t('search.method')}
          <select
            value={form.method ?? ''}
            onChange={(e) => set({ method: (e.currentTarget.value || undefined) as SearchQuery['method'] })}
          >
            <option value="">{t('search.any')}</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.from')}
          <input type="date" value={form.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('search.to')}
          <input type="date" value={form.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <button class="btn" type="submit">
          {t('search.submit')}
        </button>
      </form>
      <h3 id="results-title" tabIndex={-1} ref={resultsRef}>
        {t('search.results')} <span class="hint">({t('search.page', { n: page })})</span>
      </h3>
      {answer === null && <p role="status">{t('app.loading')}</p>}
      {answer && !answer.ok && <ErrorMessage error={answer} site={api.site} />}
      {answer?.ok && (
        <>
          <p role="status" class="hint">
            {answer.value.receipts.length === 0
              ? t('search.none')
              : t('search.count', { count: answer.value.receipts.length })}
          </p>
          {answer.value.receipts.length > 0 && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so a keyboard can scroll it (WCAG 2.1.1)
            <section class="table-scroll" tabIndex={0} aria-labelledby="results-title">
              <table class="results">
                <thead>
                  <tr>
                    <th scope="col">{t('timeline.receivedAt')}</th>
                    <th scope="col">{t('search.subject')}</th>
                    <th scope="col">{t('timeline.method')}</th>
                    <th scope="col">{t('timeline.choices')}</th>
                    <th scope="col">{t('timeline.language')}</th>
                    <th scope="col">{t('timeline.revision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.value.receipts.map((r) => (
                    <tr key={r.index} data-index={r.index}>
                      <td>
                        <time dateTime={r.receivedAt}>{i18n.dateTime(r.receivedAt)}</time>
                      </td>
                      <td>
                        <a
                          class="mono subject-link"
                          href={`#/subject/${r.subject}`}
                          title={t('search.open', { subject: r.subject })}
                          onClick={(e) => {
                            e.preventDefault();
                            props.onSubject(r.subject);
                          }}
                        >
                          {r.subject}
                        </a>
                      </td>
                      <td>{METHODS.includes(r.method as never) ? t(`method.${r.method as 'save'}`) : r.method}</td>
                      <td>
                        {r.choices
                          ? Object.entries(r.choices).map(([p, c]) => (
                              <span key={p} class={`choice small ${c}`}>
                                {i18n.purpose(p, props.siteTitles)}
                                {i18n.colon}
                                {t(`state.${c}`)}
                              </span>
                            ))
                          : '—'}
                      </td>
                      <td>{r.language}</td>
                      <td>{r.revision}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <nav class="pager" aria-label={t('search.results')}>
            <button class="btn" type="button" disabled={page === 1} onClick={() => go(state.cursors.slice(0, -1))}>
              {t('search.previous')}
            </button>
            <button
              class="btn"
              type="button"
              disabled={answer.value.nextCursor === null}
              onClick={() => go([...state.cursors, answer.value.nextCursor!])}
            >
              {t('search.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
