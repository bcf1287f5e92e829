import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';

export interface BannerProps {
  t: Translate;
  doc: ConfigDocument;
  onAccept: () => void;
  onReject: () => void;
  onCustomize: (event: MouseEvent) => void;
}

/** The first layer: what is asked, the policy link, three answers of equal weight, and "continue without accepting". */
export function Banner({ t, doc, onAccept, onReject, onCustomize }: BannerProps) {
  return (
    <div role="region" aria-label={t('banner.label')} class={'bn ' + (doc.config.theme?.position ?? 'bottom')}>
      <h2>{t('banner.title')}</h2>
      <p>
        {t('banner.text', { site: doc.config.name })} <a href={doc.notice.policyUrl}>{t('banner.policy')}</a>
      </p>
      <div class="acts">
        <button class="b" onClick={onAccept}>{t('banner.acceptAll')}</button>
        <button class="b" onClick={onReject}>{t('banner.rejectAll')}</button>
        <button class="b" onClick={onCustomize}>{t('banner.customize')}</button>
      </div>
      {/* Closing is a refusal (CNIL): it records reject-all, it never hides the question. */}
      <button class="x" aria-label={t('banner.close')} title={t('banner.close')} onClick={onReject}>×</button>
    </div>
  );
}
