// A page of a site that bundles the SDK itself instead of loading the script tag: what a site's own
// build writes against the installed packages (type-checked with a bundler's resolution, bundled for
// the browser).
import { type SiteConfig, validateSiteConfig } from '@consent-ledger/protocol';
import { type ConsentRuntime, startConsent } from '@consent-ledger/sdk';
import { createConsent } from '@consent-ledger/sdk/headless';

const config: SiteConfig = {
  site: 'cabinet',
  name: 'Cabinet',
  origins: ['https://cabinet.example'],
  revision: 1,
  policyUrl: 'https://cabinet.example/confidentialite',
  languages: ['fr', 'en'],
  expiresAfterDays: 182,
  purposes: { maps: {} },
  services: [
    { id: 'maps', name: 'Cartes', provider: 'Maps Ltd', purpose: 'maps', transfer: 'EU', hosts: ['maps.example'] },
  ],
  consentMode: false,
  honorGpc: true,
  retentionDays: 1825,
  ip: 'truncate',
};
const checked = validateSiteConfig(config);
if (!checked.ok) throw new Error(checked.error.message);

const consent: ConsentRuntime = startConsent({
  site: 'cabinet',
  collector: 'https://consent.cabinet.example',
  lang: ['fr'],
});
consent.on('change', (snapshot) => console.log('granted', snapshot));
void consent.whenGranted('maps').then(() => document.body.append('maps granted'));

// A site drawing its own banner uses the runtime alone.
export const headless = () => createConsent({ site: 'cabinet', collector: 'https://consent.cabinet.example' });
