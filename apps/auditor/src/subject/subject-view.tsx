// Find a subject by id, then see its history: current state, per-purpose bars, the receipts, and
// Verify, which checks everything in this browser.
import type { SubjectHistory } from '@consent-ledger/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api, ApiResult } from '../api';
import { ErrorMessage } from '../error-message';
import { useI18n, VISITOR_TEXTS } from '../i18n/i18n';
import type { PinnedWitnesses } from '../log/witnesses';
import { PurposeBars } from './purpose-bars';
import { Timeline } from './timeline';
import { type SubjectVerification, verifySubject } from './verify';

const SUBJECT = /^[A-Za-z0-9_-]{43}$/;

/** The subject view; `subject` comes from the address (#/subject/<id>), `onSubject` changes it. */
export function SubjectView({
  api,
  subject,
  onSubject,
  siteTitles,
  witnesses,
}: {
  api: Api;
  subject: string | null;
  onSubject(id: string): void;
  siteTitles: Record<string, string>;
  /** The witnesses pinned in this browser for this collector. */
  witnesses: PinnedWitnesses;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [input, setInput] = useState(subject ?? '');
  const [invalid, setInvalid] = useState(false);
  const [answer, setAnswer] = useState<ApiResult<SubjectHistory> | null>(null);
  const [verification, setVerification] = useState<SubjectVerification | 'running' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A subject from the address fills the field; none leaves what was typed (this effect runs after
    // a paint, so on a busy machine a user may already have typed into the fresh field).
    if (subject) setInput(subject);
    setAnswer(null);
    setVerification(null);
    if (!subject) return;
    let live = true;
    void api.history(subject).then((a) => live && setAnswer(a));
    return () => {
      live = false;
    };
  }, [api, subject]);

  useEffect(() => {
    if (answer?.ok) headingRef.current?.focus();
  }, [answer]);

  const submit = (e: Event) => {
    e.preventDefault();
    const id = input.trim();
    if (!SUBJECT.test(id)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubject(id);
  };

  const verify = async (history: SubjectHistory) => {
    setVerification('running');
    const [keys, checkpoint] = await Promise.all([api.keys(), api.checkpoint()]);
    if (!keys.ok || !checkpoint.ok) {
      const problem = !keys.ok ? keys.error.message : !checkpoint.ok ? checkpoint.error.message : '';
      setVerification({ checkpoint: { state: 'fail', detail: problem }, receipts: [], witnesses: null, ok: false });
      return;
    }
    setVerification(
      await verifySubject(history, {
        keys: keys.value,
        checkpoint: checkpoint.value.note,
        witnesses,
        proof: async (id) => {
          const proof = await api.proof(id);
          if (!proof.ok) throw new Error(proof.error.message);
          return proof.value;
        },
      }),
    );
  };

  const history = answer?.ok ? answer.value : null;
  const done = verification && verification !== 'running' ? verification : null;
  const failures = done ? done.receipts.filter((r) => !r.ok || r.checks.inclusion.state !== 'pass').length : 0;
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title" tabIndex={-1}>
        {t('subject.title')}
      </h2>
      <form class="find" onSubmit={submit} noValidate>
        <label for="subject-id">{t('subject.label')}</label>
        <div class="find-row">
          <input
            id="subject-id"
            class="mono"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
            spellcheck={false}
            autoComplete="off"
            aria-describedby={invalid ? 'subject-hint subject-error' : 'subject-hint'}
            aria-invalid={invalid}
          />
          <button class="btn" type="submit">
            {t('subject.show')}
          </button>
        </div>
        <p id="subject-hint" class="hint">
          {t('subject.hint', { button: VISITOR_TEXTS[i18n.lang].texts['history.download'] })}
        </p>
        {invalid && (
          <p id="subject-error" class="alert" role="alert">
            {t('subject.invalid')}
          </p>
        )}
      </form>
      {subject && answer === null && <p role="status">{t('subject.loading')}</p>}
      {answer &&
        !answer.ok &&
        (answer.status === 404 && answer.error.code !== 'unknown-site' ? (
          <p class="alert" role="alert">
            {t('subject.notFound', { site: api.site })}
          </p>
        ) : (
          <ErrorMessage error={answer} site={api.site} />
        ))}
      {history && (
        <article class="history" aria-labelledby="history-title">
          <h3 id="history-title" class="mono subject-id" tabIndex={-1} ref={headingRef}>
            {history.subject}
          </h3>
          <div class="current">
            <h4>{t('subject.current')}</h4>
            <ul class="choices">
              {Object.entries(history.current).map(([purpose, state]) => (
                <li key={purpose} class={`choice ${state}`} data-purpose={purpose}>
                  {i18n.purpose(purpose, siteTitles)}
                  {i18n.colon}
                  <strong>{t(`state.${state}`)}</strong>
                </li>
              ))}
            </ul>
          </div>
          <PurposeBars history={history} now={Date.now()} siteTitles={siteTitles} />
          <section class="verify" aria-labelledby="verify-title">
            <h3 id="verify-title" class="sr">
              {t('verify.button')}
            </h3>
            <p class="hint">{t('verify.intro')}</p>
            <button
              class="btn primary"
              type="button"
              onClick={() => void verify(history)}
              disabled={verification === 'running'}
            >
              {t('verify.button')}
            </button>
            <div role="status" class="verify-status">
              {verification === 'running' && <p>{t('verify.running')}</p>}
              {done && done.checkpoint.state !== 'pass' && (
                <p class="alert">{t('verify.checkpointFail', { message: done.checkpoint.detail ?? '' })}</p>
              )}
              {done && done.checkpoint.state === 'pass' && (
                <p class={done.ok ? 'good' : 'alert'} data-verified={done.ok ? 'pass' : 'fail'}>
                  <span class="check-mark" aria-hidden="true">
                    {done.ok ? '✓ ' : '✗ '}
                  </span>
                  {t('verify.checkpoint')}
                  {i18n.colon}
                  {t('verify.pass')}.{' '}
                  {done.ok
                    ? t('verify.allPass', { count: done.receipts.length, size: done.checkpoint.size ?? 0 })
                    : t('verify.someFail', { count: failures })}
                </p>
              )}
              {done?.witnesses && (
                <p class={done.witnesses.met ? 'good' : 'alert'} data-witnessed={done.witnesses.met ? 'pass' : 'fail'}>
                  <span class="check-mark" aria-hidden="true">
                    {done.witnesses.met ? '✓ ' : '✗ '}
                  </span>
                  {t('verify.witnesses')}
                  {i18n.colon}
                  {done.witnesses.met
                    ? t('verify.witnessesMet', {
                        names: done.witnesses.rows
                          .filter((r) => r.state === 'cosigned' && r.at)
                          .map((r) => `${r.name} (${i18n.dateTime(r.at as string)})`)
                          .join(', '),
                      })
                    : t('verify.witnessesNotMet', { count: done.witnesses.cosigned, quorum: done.witnesses.quorum })}
                </p>
              )}
            </div>
          </section>
          <Timeline
            history={history}
            verification={done ? new Map(done.receipts.map((r) => [r.index, r])) : null}
            siteTitles={siteTitles}
          />
        </article>
      )}
    </section>
  );
}
