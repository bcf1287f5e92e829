import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { App } from './app';
import { actions, closeButton } from './controls';

/** The first layer: what is asked, the policy link, three answers of equal weight, and "continue without accepting". */
export function banner(app: App, t: Translate, { config, notice }: ConfigDocument) {
  return (
    <div role="region" aria-label={t('banner.label')} class={'bn ' + (config.theme?.position ?? 'bottom')}>
      <h2>{t('banner.title')}</h2>
      <p>
        {t('banner.text', { site: config.name })} <a href={notice.policyUrl}>{t('banner.policy')}</a>
      </p>
      {actions([t('banner.acceptAll'), app.accept], [t('banner.rejectAll'), app.reject], [t('banner.customize'), app.openFrom as () => void])}
      {/* Closing is a refusal (CNIL): it records reject-all, it never hides the question. */}
      {closeButton(t('banner.close'), app.reject)}
    </div>
  );
}
