// A subject's receipts, oldest first: when, how, what was chosen, in which language and revision,
// the ack, the notice shown, and, once verified, each check's outcome.
import type { HistoryReceipt, SubjectHistory } from '@consent-ledger/protocol';
import { useI18n } from '../i18n/i18n';
import { NoticeView } from './notice-view';
import { dated } from './purpose-bars';
import { RECEIPT_CHECKS, type ReceiptVerification } from './verify';

/** The list of receipts; `verification` (by receipt index) once Verify ran. */
export function Timeline({
  history,
  verification,
  siteTitles,
}: {
  history: SubjectHistory;
  verification: Map<number, ReceiptVerification> | null;
  siteTitles: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('timeline.title')}</h3>
      <p class="hint">{t('timeline.count', { count: history.receipts.length })}</p>
      <ol class="timeline">
        {history.receipts.map((r, i) => (
          <ReceiptRow
            key={r.index}
            receipt={r}
            n={i + 1}
            history={history}
            previous={history.receipts[i - 1]}
            verification={verification?.get(r.index)}
            siteTitles={siteTitles}
          />
        ))}
      </ol>
    </section>
  );
}

function ReceiptRow(props: {
  receipt: HistoryReceipt;
  n: number;
  history: SubjectHistory;
  previous: HistoryReceipt | undefined;
  verification: ReceiptVerification | undefined;
  siteTitles: Record<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { receipt: r, verification: v } = props;
  const p = r.payload;
  const state = v ? (v.ok ? 'ok' : 'bad') : 'unchecked';
  // The collector's signed redaction entry says why: retention, or the visitor's own signed erasure request.
  const redactionReason = (reason: string) =>
    reason === 'erasure' || reason === 'retention' ? t(`redaction.${reason}`) : reason;
  return (
    <li class={`receipt ${state}`} data-index={r.index} data-id={r.id} aria-labelledby={`receipt-${r.index}`}>
      <h4 id={`receipt-${r.index}`}>
        {t('timeline.receipt', { n: props.n })}
        {i18n.colon}
        <time dateTime={r.receivedAt}>{i18n.dateTime(r.receivedAt)}</time>
        {p && <span class={`method m-${p.method}`}>{t(`method.${p.method}`)}</span>}
      </h4>
      {r.redacted && (
        <p class="alert-soft">
          {dated(t('timeline.redacted', { reason: redactionReason(r.redacted.reason) }), r.redacted.at, i18n.dateTime)}
        </p>
      )}
      {p && (
        <>
          <ul class="choices" aria-label={t('timeline.choices')}>
            {Object.entries(p.choices).map(([purpose, choice]) => (
              <li key={purpose} class={`choice ${choice}`} data-purpose={purpose} data-choice={choice}>
                {i18n.purpose(purpose, props.siteTitles)}
                {i18n.colon}
                <strong>{t(`state.${choice}`)}</strong>
              </li>
            ))}
          </ul>
          <dl class="facts">
            <div>
              <dt>{t('timeline.language')}</dt>
              <dd>{p.language}</dd>
            </div>
            <div>
              <dt>{t('timeline.revision')}</dt>
              <dd>{p.revision}</dd>
            </div>
            <div>
              <dt>{t('timeline.index')}</dt>
              <dd>{r.index}</dd>
            </div>
            <div>
              <dt>{t('timeline.issuedAt')}</dt>
              <dd>
                <time dateTime={p.issuedAt}>{i18n.dateTime(p.issuedAt)}</time>
              </dd>
            </div>
            <div class="wide">
              <dt>{t('timeline.page')}</dt>
              <dd class="mono">{p.page}</dd>
            </div>
          </dl>
        </>
      )}
      {v && <Checks verification={v} n={props.n} />}
      {p && (
        <details class="more">
          <summary>{t('timeline.details')}</summary>
          <Ack receipt={r} />
          <NoticeView
            record={props.history.notices[p.textHash]}
            previous={props.previous?.payload ? props.history.notices[props.previous.payload.textHash] : undefined}
            first={props.n === 1}
          />
        </details>
      )}
    </li>
  );
}

function Checks({ verification, n }: { verification: ReceiptVerification; n: number }) {
  const { t, colon } = useI18n();
  return (
    <ul class="checks" aria-label={t('verify.results', { n })}>
      {RECEIPT_CHECKS.map((name) => {
        const check = verification.checks[name];
        return (
          <li key={name} class={`check ${check.state}`} data-check={name} data-state={check.state}>
            <span class="check-mark" aria-hidden="true">
              {check.state === 'pass' ? '✓' : check.state === 'fail' ? '✗' : '–'}
            </span>
            {t(`verify.${name}`)}
            {colon}
            <strong>
              {t(`verify.${check.state === 'pass' ? 'pass' : check.state === 'fail' ? 'fail' : 'skipped'}`)}
            </strong>
            {check.detail && (
              <span class="detail" lang="en">
                {' '}
                ({check.detail})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Ack({ receipt }: { receipt: HistoryReceipt }) {
  const i18n = useI18n();
  const { t } = i18n;
  const a = receipt.ackPayload;
  return (
    <div class="ack">
      <h5>{t('ack.title')}</h5>
      {!a ? (
        <p>{t('ack.none')}</p>
      ) : (
        <dl class="facts">
          <div>
            <dt>{t('ack.receivedAt')}</dt>
            <dd>
              <time dateTime={a.receivedAt}>{i18n.dateTime(a.receivedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('timeline.index')}</dt>
            <dd>{a.index}</dd>
          </div>
          <div>
            <dt>{t('ack.ip')}</dt>
            <dd>{a.ip ?? '—'}</dd>
          </div>
          <div class="wide">
            <dt>{t('ack.userAgent')}</dt>
            <dd>{a.userAgent ?? '—'}</dd>
          </div>
          <div class="wide">
            <dt>{t('ack.leafHash')}</dt>
            <dd class="mono">{a.leafHash}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
