// Why a checkpoint does not extend an older one, in the auditor's language (the sizes as numbers of
// that language; a collector's own error message, in `no-proof`, as it came).
import type { I18n } from '../i18n/i18n';
import type { RewriteReason } from './log-health';

/** The sentence for `reason`. */
export function rewriteReason(reason: RewriteReason, { t, number }: I18n): string {
  switch (reason.code) {
    case 'origin':
      return t('rewrite.origin', { from: reason.from, to: reason.to });
    case 'shrank':
      return t('rewrite.shrank', { from: number(reason.from), to: number(reason.to) });
    case 'root':
      return t('rewrite.root');
    case 'no-proof':
      return t('rewrite.noProof', { detail: reason.detail });
    case 'malformed-proof':
      return t('rewrite.malformedProof');
    case 'bad-proof':
      return t('rewrite.badProof');
  }
}
