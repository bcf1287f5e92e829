import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import { Actions, CloseButton } from './controls';

/** The banner's three answers. */
interface Answers {
  accept(): void;
  reject(): void;
  customize(event: Event): void;
}

/** The first layer: what is asked, the policy link, three answers of equal weight, and "continue without accepting". */
export function Banner({
  t,
  doc: { config, notice },
  accept,
  reject,
  customize,
}: Answers & { t: Translate; doc: ConfigDocument }) {
  return (
    <section aria-label={t('banner.label')} class={`bn ${config.theme?.position ?? 'bottom'}`}>
      <h2>{t('banner.title')}</h2>
      <p>
        {t('banner.text', { site: config.name })} <a href={notice.policyUrl}>{t('banner.policy')}</a>
      </p>
      <Actions
        list={[
          [t('banner.acceptAll'), accept],
          [t('banner.rejectAll'), reject],
          [t('banner.customize'), customize],
        ]}
      />
      {/* Closing is a refusal (CNIL): it records reject-all, it never hides the question. */}
      <CloseButton label={t('banner.close')} onClick={reject} />
    </section>
  );
}
