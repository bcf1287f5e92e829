import type { TextKey } from '@consent-ledger/protocol';
import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { App } from './app';
import { actions } from './controls';
import { downloadProof } from './proof-download';

/** The visitor's own receipts, newest first, with "Download my proof" and "Withdraw my consent". */
export function history(app: App, t: Translate, { notice, language }: ConfigDocument) {
  const { snap, items } = app.state;
  const { rt } = app.props;
  const title = (id: string) => notice.purposes.find((p) => p.id == id)?.title ?? id;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
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
                        .map(([id, choice]) => `${title(id)}: ${t(('state.' + choice) as TextKey)}`)
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
      {actions(
        !!items?.length && [t('history.download'), () => void downloadProof(rt, app.base as Node)],
        Object.values(snap.choices).includes('granted') && [t('withdraw.button'), () => void rt.withdraw()],
      )}
      <button class="lnk" onClick={() => app.open('dialog')}>
        {t('dialog.title')}
      </button>
    </>
  );
}
