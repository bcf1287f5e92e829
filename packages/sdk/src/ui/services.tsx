import type { Notice } from '@consent-ledger/protocol';
import { countryName, type Translate } from '../i18n/texts';
import { privacyLink } from './controls';

// The 27 member states: a service hosted in one of them does not transfer data out of the EU.
const EU = 'ATBEBGHRCYCZDKEEFIFRDEGRHUIEITLVLTLUMTNLPLPTROSKSIESSE';

/** Whether a service's `transfer` keeps the data inside the EU ("EU" or a member state's code). */
export const staysInEu = (transfer: string): boolean => transfer == 'EU' || (transfer.length == 2 && EU.match(/../g)!.includes(transfer.toUpperCase()));

/** The services of one purpose: who runs them, where the data goes, which cookies, how long, their policy. */
export function serviceList(t: Translate, services: Notice['services'], language: string) {
  return (
    <ul>
      {services.map((s) => (
        <li class="svc" key={s.id}>
          <b>{s.name}</b>
          <dl>
            <dt>{t('service.provider')}</dt>
            <dd>{s.provider}</dd>
            <dt>{t('service.transfer')}</dt>
            {staysInEu(s.transfer) ? (
              <dd>{t('service.transferEu')}</dd>
            ) : (
              <dd class="warn">⚠ {t('service.transferOutside', { country: countryName(s.transfer, language) })}</dd>
            )}
            <dt>{t('service.cookies')}</dt>
            <dd>{s.cookies.join(', ') || t('service.noCookies')}</dd>
            {s.retention && <dt>{t('service.retention')}</dt>}
            {s.retention && <dd>{s.retention}</dd>}
          </dl>
          {privacyLink(s.privacyUrl, t('service.privacy'))}
        </li>
      ))}
    </ul>
  );
}
