// The exact information a visitor was given for one receipt: what changed since the notice of their
// previous receipt, then the whole notice (purposes, services, every text).
import type { HistoryNotice, Notice } from '@consent-ledger/protocol';
import { useI18n } from '../i18n/i18n';
import { type NoticeChange, noticeChanges } from './notice-diff';

/** A receipt's notice, compared with the notice of the receipt before (null for the first). */
export function NoticeView({
  record,
  previous,
  first,
}: {
  record: HistoryNotice | undefined;
  previous: HistoryNotice | undefined;
  first: boolean;
}) {
  const { t } = useI18n();
  if (!record?.notice) return <p class="notice-missing">{t('notice.missing')}</p>;
  const notice = record.notice;
  return (
    <details class="notice">
      <summary>{t('notice.title', { language: notice.language, revision: notice.revision })}</summary>
      <NoticeChanges notice={notice} previous={previous} first={first} />
      <NoticeBody notice={notice} />
    </details>
  );
}

function NoticeChanges({
  notice,
  previous,
  first,
}: {
  notice: Notice;
  previous: HistoryNotice | undefined;
  first: boolean;
}) {
  const { t } = useI18n();
  if (first || !previous?.notice) return <p>{t('notice.first')}</p>;
  const changes = noticeChanges(previous.notice, notice);
  if (changes.length === 0) return <p>{t('notice.same')}</p>;
  return (
    <div class="changes">
      <p>{t('notice.changes')}</p>
      <ChangeList changes={changes} />
    </div>
  );
}

/** Changed fields, each named, with what it was and what it becomes (also the console's publication diff). */
export function ChangeList({ changes }: { changes: NoticeChange[] }) {
  const { t } = useI18n();
  return (
    <ul>
      {changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <code>{c.field}</code>{' '}
          {c.before === null ? (
            <>
              ({t('notice.added')}) <ins>{c.after}</ins>
            </>
          ) : c.after === null ? (
            <>
              ({t('notice.removed')}) <del>{c.before}</del>
            </>
          ) : (
            <>
              {/* del and ins take no aria-label: the words for a screen reader go before them. */}
              <span class="sr">{t('notice.before')} </span>
              <del>{c.before}</del> → <span class="sr">{t('notice.after')} </span>
              <ins>{c.after}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The whole notice: purposes, services, every text, the policy link. */
export function NoticeBody({ notice }: { notice: Notice }) {
  const { t, colon } = useI18n();
  return (
    <div class="notice-body">
      <h5>{t('notice.purposes')}</h5>
      <dl>
        {notice.purposes.map((p) => (
          <div key={p.id}>
            <dt lang={notice.language}>{p.title}</dt>
            <dd lang={notice.language}>{p.description}</dd>
          </div>
        ))}
      </dl>
      <h5>{t('notice.services')}</h5>
      <ul class="services">
        {notice.services.map((s) => (
          <li key={s.id} lang={notice.language}>
            <strong>{s.name}</strong> ({s.provider}; {s.purpose}; {s.transfer})
            {s.cookies.length > 0 && `; ${s.cookies.join(', ')}`}
            {s.retention && `; ${s.retention}`}
          </li>
        ))}
      </ul>
      <details class="texts">
        <summary>
          {t('notice.texts')} ({Object.keys(notice.texts).length})
        </summary>
        <dl>
          {Object.entries(notice.texts).map(([key, text]) => (
            <div key={key}>
              <dt>
                <code>{key}</code>
              </dt>
              <dd lang={notice.language}>{text}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p>
        {t('notice.policy')}
        {colon}
        <span class="mono">{notice.policyUrl}</span>
      </p>
    </div>
  );
}
