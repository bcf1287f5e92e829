// Log health: the current checkpoint (verified against the collector's keys) and its consistency
// with the checkpoint this browser saw last time.
import { useI18n } from '../i18n/i18n';
import { rewriteReason } from './rewrite-reason';
import type { LogHealth } from './use-log-health';
import { WitnessPanel } from './witness-view';

/** The warning shown on every view when the log was rewritten. */
export function RewriteWarning({ log }: { log: LogHealth }) {
  const i18n = useI18n();
  const { t, dateTime, number } = i18n;
  const h = log.health;
  if (!h?.ok || h.consistency.state !== 'rewritten') return null;
  const previous = h.consistency.previous;
  return (
    <p class="alert big" role="alert" data-rewritten="true">
      {t('log.rewritten', { date: dateTime(previous.seenAt), size: number(previous.size) })}{' '}
      <span class="detail">({rewriteReason(h.consistency.reason, i18n)})</span>
    </p>
  );
}

/** The log health view. */
export function LogView({ log }: { log: LogHealth }) {
  const i18n = useI18n();
  const { t } = i18n;
  const h = log.health;
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title" tabIndex={-1}>
        {t('log.title')}
      </h2>
      {!h && <p role="status">{t('app.loading')}</p>}
      {h && !h.ok && (
        <p class="alert" role="alert">
          {h.reason === 'no-checkpoint'
            ? t('log.none')
            : `${t('log.signature')}${i18n.colon}${t('verify.fail')} (${h.reason})`}
        </p>
      )}
      {h?.ok && (
        <>
          <h3>{t('log.current')}</h3>
          <dl class="facts log-facts">
            <div class="wide">
              <dt>{t('log.origin')}</dt>
              <dd class="mono">{h.checkpoint.origin}</dd>
            </div>
            <div>
              <dt>{t('log.size')}</dt>
              <dd data-size={h.checkpoint.size}>{i18n.number(h.checkpoint.size)}</dd>
            </div>
            {h.signedAt && (
              <div>
                <dt>{t('log.signedAt')}</dt>
                <dd>
                  <time dateTime={h.signedAt} data-signed-at={h.signedAt}>
                    {i18n.dateTime(h.signedAt)}
                  </time>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('log.checkedAt')}</dt>
              <dd>
                <time dateTime={h.checkedAt}>{i18n.dateTime(h.checkedAt)}</time>
              </dd>
            </div>
            <div class="wide">
              <dt>{t('log.root')}</dt>
              <dd class="mono">{h.rootHash}</dd>
            </div>
            <div class="wide">
              <dt>{t('log.signature')}</dt>
              <dd class="good">
                <span aria-hidden="true">✓ </span>
                {t('verify.pass')}
              </dd>
            </div>
          </dl>
          <h3>{t('log.history')}</h3>
          <div role="status" data-consistency={h.consistency.state}>
            {h.consistency.state === 'first' && <p>{t('log.first')}</p>}
            {h.consistency.state === 'unchanged' && (
              <p class="good">{t('log.unchanged', { date: i18n.dateTime(h.consistency.previous.seenAt) })}</p>
            )}
            {h.consistency.state === 'consistent' && (
              <p class="good">
                {t('log.consistent', {
                  from: i18n.number(h.consistency.previous.size),
                  to: i18n.number(h.checkpoint.size),
                  date: i18n.dateTime(h.consistency.previous.seenAt),
                })}
              </p>
            )}
          </div>
          {h.consistency.state === 'rewritten' && (
            <>
              <p class="alert">
                <span aria-hidden="true">✗ </span>
                {rewriteReason(h.consistency.reason, i18n)}
              </p>
              <p>{t('log.previous', { date: i18n.dateTime(h.consistency.previous.seenAt) })}:</p>
              <pre class="mono">
                {h.consistency.previous.note ||
                  `${h.consistency.previous.origin}\n${h.consistency.previous.size}\n${h.consistency.previous.rootHash}`}
              </pre>
              <button class="btn" type="button" onClick={log.reset}>
                {t('log.reset')}
              </button>
            </>
          )}
        </>
      )}
      <WitnessPanel log={log} />
      <p>
        <button class="btn" type="button" onClick={log.refresh}>
          {t('log.refresh')}
        </button>
      </p>
    </section>
  );
}
