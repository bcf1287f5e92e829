// One bar per purpose along the subject's time: filled while the purpose was granted, a mark where
// it was withdrawn; the same periods are written out beside each bar.
import type { SubjectHistory } from '@consent-ledger/protocol';
import { useI18n } from '../i18n/i18n';

const W = 600;
const H = 28;

/** A sentence whose `{date}` becomes a <time> element, so the exact instant stays machine-readable. */
export function dated(sentence: string, iso: string, format: (iso: string) => string) {
  const [before, after = ''] = sentence.split('{date}');
  return (
    <>
      {before}
      <time dateTime={iso}>{format(iso)}</time>
      {after}
    </>
  );
}

/** Per-purpose grant periods between the first receipt and `now` (ms since the epoch). */
export function PurposeBars({
  history,
  now,
  siteTitles,
}: {
  history: SubjectHistory;
  now: number;
  siteTitles: Record<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const times = history.receipts.map((r) => Date.parse(r.receivedAt));
  const start = Math.min(...times);
  const end = Math.max(now, ...times);
  // A subject whose receipts all came at once still gets a readable bar.
  const span = Math.max(end - start, 1);
  const xOf = (iso: string) => ((Date.parse(iso) - start) / span) * W;
  const method = (m: string | null) => (m ? t(`method.${m}` as 'method.save') : '?');
  return (
    <section aria-labelledby="bars-title">
      <h3 id="bars-title">{t('bars.title')}</h3>
      <ul class="bars">
        {Object.entries(history.timeline).map(([purpose, periods]) => {
          const title = i18n.purpose(purpose, siteTitles);
          const words =
            periods.length === 0
              ? [t('bars.never')]
              : periods.map(
                  (p) =>
                    `${t('bars.from', { date: i18n.dateTime(p.grantedAt), method: method(p.grantedBy) })}, ${p.withdrawnAt ? t('bars.until', { date: i18n.dateTime(p.withdrawnAt), method: method(p.withdrawnBy) }) : t('bars.stillGranted')}`,
                );
          return (
            <li key={purpose} class="bar-row" data-purpose={purpose}>
              <span class="bar-name">{title}</span>
              <svg
                class="bar-track"
                viewBox={`0 0 ${W} ${H}`}
                preserveAspectRatio="none"
                role="img"
                aria-label={t('bars.label', { purpose: title, periods: words.join('; ') })}
              >
                <rect class="track" x="0" y="4" width={W} height={H - 8} rx="3" />
                {periods.map((p) => {
                  const x = xOf(p.grantedAt);
                  const x2 = p.withdrawnAt ? xOf(p.withdrawnAt) : W;
                  return (
                    <g key={p.grantedIndex}>
                      <rect class="granted" x={x} y="4" width={Math.max(x2 - x, 3)} height={H - 8} rx="3" />
                      {p.withdrawnAt && <rect class="withdrawn" x={Math.min(x2, W - 4)} y="0" width="4" height={H} />}
                    </g>
                  );
                })}
              </svg>
              <ul class="bar-words">
                {periods.length === 0 && <li>{t('bars.never')}</li>}
                {periods.map((p) => (
                  <li key={p.grantedIndex}>
                    <span class="granted-word">
                      {dated(t('bars.from', { method: method(p.grantedBy) }), p.grantedAt, i18n.dateTime)}
                    </span>
                    {' → '}
                    {p.withdrawnAt ? (
                      <span class="withdrawn-word">
                        {dated(t('bars.until', { method: method(p.withdrawnBy) }), p.withdrawnAt, i18n.dateTime)}
                      </span>
                    ) : (
                      t('bars.stillGranted')
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
