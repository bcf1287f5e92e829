import type { Notice } from '@consent-ledger/protocol';
import { countryName, type Translate } from '../../i18n/texts';
import { PrivacyLink, Terms } from '../controls';

// The 27 member states: a service hosted in one of them does not transfer data out of the EU.
const EU = 'ATBEBGHRCYCZDKEEFIFRDEGRHUIEITLVLTLUMTNLPLPTROSKSIESSE';

/** Whether a service's `transfer` keeps the data inside the EU ("EU" or a member state's code). */
export const staysInEu = (transfer: string): boolean =>
  transfer === 'EU' || (transfer.length === 2 && EU.match(/../g)!.includes(transfer.toUpperCase()));

/** The services of one purpose: who runs them, where the data goes (and what protects it there), which cookies, how long, their policy. */
export function ServiceList({
  t,
  services,
  language,
}: {
  t: Translate;
  services: Notice['services'];
  language: string;
}) {
  return (
    <ul>
      {services.map((s) => (
        <li class="svc">
          <b>{s.name}</b>
          <Terms
            rows={[
              [t('service.provider'), s.provider],
              staysInEu(s.transfer)
                ? [t('service.transfer'), t('service.transferEu')]
                : [
                    t('service.transfer'),
                    `⚠ ${t('service.transferOutside', { country: countryName(s.transfer, language) })}${s.safeguard ? ` — ${s.safeguard}` : ''}`,
                    'warn',
                  ],
              [t('service.cookies'), s.cookies.join(', ') || t('service.noCookies')],
              s.retention && [t('service.retention'), s.retention],
            ]}
          />
          <PrivacyLink href={s.privacyUrl} label={t('service.privacy')} />
        </li>
      ))}
    </ul>
  );
}
