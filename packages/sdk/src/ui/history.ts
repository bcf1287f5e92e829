import type { TextKey } from '@consent-ledger/protocol';
import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { Ui } from './app';
import { actions, terms } from './controls';
import { type Child, h } from './dom';
import { downloadProof } from './proof-download';

/** The visitor's own receipts, newest first, with "Download my proof" and "Withdraw my consent". */
export function history(ui: Ui, t: Translate, { notice, language }: ConfigDocument): Child[] {
  const { snap, items, rt } = ui;
  const title = (id: string) => notice.purposes.find((p) => p.id === id)?.title ?? id;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return [
    h('h2', { id: 'cl-title' }, t('history.title')),
    snap.subject && h('p', null, t('history.subject'), ': ', h('code', null, snap.subject)),
    items &&
      (items.length
        ? h(
            'ul',
            null,
            items
              .slice()
              .reverse()
              .map((item) =>
                h(
                  'li',
                  { class: 'svc' },
                  terms(
                    [t('history.date'), h('time', { datetime: item.issuedAt }, date.format(new Date(item.issuedAt)))],
                    [t('history.method'), t(`method.${item.method}` as TextKey)],
                    [
                      t('history.choices'),
                      Object.entries(item.choices)
                        .map(([id, choice]) => `${title(id)}: ${t(`state.${choice}` as TextKey)}`)
                        .join(', '),
                    ],
                    [t('history.status'), t(`history.${item.status}` as TextKey)],
                  ),
                ),
              ),
          )
        : h('p', null, t('history.empty'))),
    actions(
      !!items?.length && [t('history.download'), () => void downloadProof(rt, ui.root)],
      Object.values(snap.choices).includes('granted') && [t('withdraw.button'), () => void rt.withdraw()],
    ),
    h('button', { class: 'lnk', onclick: () => ui.open('dialog') }, t('dialog.title')),
  ];
}
