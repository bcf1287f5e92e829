import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { Ui } from './app';
import { actions, closeButton } from './controls';
import { h } from './dom';

/** The first layer: what is asked, the policy link, three answers of equal weight, and "continue without accepting". */
export function banner(ui: Ui, t: Translate, { config, notice }: ConfigDocument): HTMLElement {
  return h(
    'div',
    { role: 'region', 'aria-label': t('banner.label'), class: `bn ${config.theme?.position ?? 'bottom'}` },
    h('h2', null, t('banner.title')),
    h('p', null, t('banner.text', { site: config.name }), ' ', h('a', { href: notice.policyUrl }, t('banner.policy'))),
    actions(
      [t('banner.acceptAll'), ui.accept],
      [t('banner.rejectAll'), ui.reject],
      [t('banner.customize'), ui.openFrom],
    ),
    // Closing is a refusal (CNIL): it records reject-all, it never hides the question.
    closeButton(t('banner.close'), ui.reject),
  );
}
