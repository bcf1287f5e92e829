import type { TextKey } from '@consent-ledger/protocol';
import type { Translate } from '../i18n/texts';
import type { ConfigDocument, ConsentSnapshot, HistoryItem } from '../types';

export interface HistoryProps {
  t: Translate;
  doc: ConfigDocument;
  snap: ConsentSnapshot;
  /** Null while the receipts are being read. */
  items: HistoryItem[] | null;
  onDownload: () => void;
  onWithdraw: () => void;
  onBack: () => void;
}

/** The visitor's own receipts, newest first, with "Download my proof" and "Withdraw my consent". */
export function History({ t, doc, snap, items, onDownload, onWithdraw, onBack }: HistoryProps) {
  const titles: Record<string, string> = {};
  for (const p of doc.notice.purposes) titles[p.id] = p.title;
  const date = new Intl.DateTimeFormat(doc.language, { dateStyle: 'medium', timeStyle: 'short' });
  const granted = Object.values(snap.choices).includes('granted');
  return (
    <>
      <h2 id="cl-title">{t('history.title')}</h2>
      {snap.subject && (
        <p>
          {t('history.subject')}: <code>{snap.subject}</code>
        </p>
      )}
      {items &&
        (items.length ? (
          <ul>
            {items
              .slice()
              .reverse()
              .map((item) => (
                <li class="svc" key={item.id}>
                  <dl>
                    <dt>{t('history.date')}</dt>
                    <dd>
                      <time dateTime={item.issuedAt}>{date.format(new Date(item.issuedAt))}</time>
                    </dd>
                    <dt>{t('history.method')}</dt>
                    <dd>{t(('method.' + item.method) as TextKey)}</dd>
                    <dt>{t('history.choices')}</dt>
                    <dd>
                      {Object.entries(item.choices)
                        .map(([id, choice]) => `${titles[id] ?? id}: ${t(('state.' + choice) as TextKey)}`)
                        .join(', ')}
                    </dd>
                    <dt>{t('history.status')}</dt>
                    <dd>{t(('history.' + item.status) as TextKey)}</dd>
                  </dl>
                </li>
              ))}
          </ul>
        ) : (
          <p>{t('history.empty')}</p>
        ))}
      <div class="acts">
        {items && items.length > 0 && (
          <button class="b" onClick={onDownload}>{t('history.download')}</button>
        )}
        {granted && (
          <button class="b" onClick={onWithdraw}>{t('withdraw.button')}</button>
        )}
      </div>
      <button class="lnk" onClick={onBack}>{t('dialog.title')}</button>
    </>
  );
}
