import type { TextKey } from '@consent-ledger/protocol';
import { Actions, Terms } from '../controls';
import type { ViewProps } from './dialog';
import { downloadProof } from './proof-download';

/** The visitor's own receipts, newest first, with "Download my proof" and "Withdraw my consent". */
export function History({ t, doc: { notice, language }, snap, items, rt, box, open, erasing, erase }: ViewProps) {
  const title = (id: string) => notice.purposes.find((p) => p.id === id)?.title ?? id;
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
                <li class="svc">
                  <Terms
                    rows={[
                      [t('history.date'), <time dateTime={item.issuedAt}>{date.format(new Date(item.issuedAt))}</time>],
                      [t('history.method'), t(`method.${item.method}` as TextKey)],
                      [
                        t('history.choices'),
                        Object.entries(item.choices)
                          .map(([id, choice]) => `${title(id)}: ${t(`state.${choice}` as TextKey)}`)
                          .join(', '),
                      ],
                      [t('history.status'), t(`history.${item.status}` as TextKey)],
                    ]}
                  />
                </li>
              ))}
          </ul>
        ) : (
          <p>{t('history.empty')}</p>
        ))}
      <button type="button" class="lnk" onClick={() => open('dialog')}>
        {t('dialog.title')}
      </button>
      {erasing === 'confirm' || erasing === 'busy' ? (
        // The question comes first and takes focus; nothing is erased until it is answered.
        <div class="ask">
          <p id="cl-erase" tabIndex={-1} ref={(p) => p?.focus()}>
            {t('erase.confirm')}
          </p>
          <Actions
            list={[
              [t('erase.button'), () => erasing === 'confirm' && erase('yes')],
              [t('erase.cancel'), () => erase('no')],
            ]}
          />
        </div>
      ) : (
        <>
          {erasing === 'failed' && <p role="alert">{t('erase.failed')}</p>}
          <Actions
            quiet
            list={[
              !!items?.length && [t('history.download'), () => void downloadProof(rt, box)],
              Object.values(snap.choices).includes('granted') && [t('withdraw.button'), () => void rt.withdraw()],
              !!items?.some((i) => i.status === 'acknowledged' || i.status === 'pending') && [
                t('erase.button'),
                () => erase('confirm'),
              ],
            ]}
          />
        </>
      )}
    </>
  );
}
