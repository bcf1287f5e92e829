import type { SiteConfig } from '@consent-ledger/protocol';

/** The purpose a Global Privacy Control signal turns off. */
export const GPC_PURPOSE = 'marketing';

/** True when the browser sends Global Privacy Control and the site honours it. */
export const gpcActive = (config: Pick<SiteConfig, 'honorGpc'>): boolean =>
  config.honorGpc && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
