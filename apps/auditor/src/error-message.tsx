// A failed API call, said in the auditor's language (the collector's own message for the rest).
import type { ApiResult } from './api';
import { type I18n, useI18n } from './i18n/i18n';

/** The sentence for a failure of a call about `site`. */
export function errorText(error: Extract<ApiResult<unknown>, { ok: false }>, site: string, { t }: I18n): string {
  if (error.status === 0) return t('error.network');
  if (error.status === 401) return t('error.unauthorized');
  if (error.status === 403) return t('error.forbidden', { site });
  if (error.error.code === 'unknown-site') return t('error.unknownSite', { site });
  return t('error.other', { status: error.status ?? '?', message: error.error.message });
}

/** An alert with the failure's sentence. */
export function ErrorMessage({ error, site }: { error: Extract<ApiResult<unknown>, { ok: false }>; site: string }) {
  const i18n = useI18n();
  return (
    <p class="alert" role="alert">
      {errorText(error, site, i18n)}
    </p>
  );
}
