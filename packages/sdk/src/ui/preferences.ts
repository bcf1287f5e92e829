import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { Ui } from './app';
import { actions } from './controls';
import { type Child, h } from './dom';
import { serviceList } from './services';

/** The second layer: one switch per purpose with its description and services, then Save / Accept all / Reject all. */
export function preferences(ui: Ui, t: Translate, { notice, language }: ConfigDocument): Child[] {
  const { draft, snap } = ui;
  // A switch only changes the draft (applied on Save), so it updates itself rather than the whole dialog.
  const toggle = (id: string) => (event: MouseEvent) => {
    draft[id] = draft[id] === 'granted' ? 'denied' : 'granted';
    (event.currentTarget as Element).setAttribute('aria-checked', String(draft[id] === 'granted'));
  };
  return [
    h('h2', { id: 'cl-title' }, t('dialog.title')),
    h('p', null, t('dialog.intro')),
    h(
      'ul',
      null,
      notice.purposes.map(({ id, title, description }) => {
        const services = notice.services.filter((s) => s.purpose === id);
        return h(
          'li',
          { class: 'p' },
          h(
            'div',
            { class: 'row' },
            h('span', { id: `cl-${id}` }, title),
            id === 'necessary'
              ? h('span', null, t('dialog.alwaysOn'))
              : h('button', {
                  class: 'sw',
                  role: 'switch',
                  'aria-checked': String(draft[id] === 'granted'),
                  'aria-labelledby': `cl-${id}`,
                  'aria-describedby': `cl-d-${id}`,
                  onclick: toggle(id),
                }),
          ),
          h('p', { id: `cl-d-${id}` }, description),
          id === 'marketing' && snap.gpc && h('p', { class: 'note' }, t('dialog.gpc')),
          services.length > 0 &&
            h(
              'details',
              null,
              h('summary', null, t('dialog.services'), ` (${services.length})`),
              serviceList(t, services, language),
            ),
        );
      }),
    ),
    actions([t('dialog.save'), ui.save], [t('dialog.acceptAll'), ui.accept], [t('dialog.rejectAll'), ui.reject]),
    h('button', { class: 'lnk', onclick: () => ui.open('history') }, t('dialog.history')),
  ];
}
