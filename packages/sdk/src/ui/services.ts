import type { Notice } from '@consent-ledger/protocol';
import { countryName, type Translate } from '../i18n/texts';
import { privacyLink, terms } from './controls';
import { h } from './dom';

// The 27 member states: a service hosted in one of them does not transfer data out of the EU.
const EU = 'ATBEBGHRCYCZDKEEFIFRDEGRHUIEITLVLTLUMTNLPLPTROSKSIESSE';

/** Whether a service's `transfer` keeps the data inside the EU ("EU" or a member state's code). */
export const staysInEu = (transfer: string): boolean =>
  transfer === 'EU' || (transfer.length === 2 && EU.match(/../g)!.includes(transfer.toUpperCase()));

/** The services of one purpose: who runs them, where the data goes, which cookies, how long, their policy. */
export function serviceList(t: Translate, services: Notice['services'], language: string): HTMLElement {
  return h(
    'ul',
    null,
    services.map((s) =>
      h(
        'li',
        { class: 'svc' },
        h('b', null, s.name),
        terms(
          [t('service.provider'), s.provider],
          staysInEu(s.transfer)
            ? [t('service.transfer'), t('service.transferEu')]
            : [
                t('service.transfer'),
                ['⚠ ', t('service.transferOutside', { country: countryName(s.transfer, language) })],
                'warn',
              ],
          [t('service.cookies'), s.cookies.join(', ') || t('service.noCookies')],
          s.retention && [t('service.retention'), s.retention],
        ),
        privacyLink(s.privacyUrl, t('service.privacy')),
      ),
    ),
  );
}
