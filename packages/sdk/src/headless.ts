// The runtime without any UI: for sites that draw their own banner (with the notice's texts, read
// through `translator`), for framework bindings such as @consent-ledger/react, and for tests.
export { isGranted } from './core/state';
export { preferredLanguages } from './i18n/language';
export { translator } from './i18n/texts';
export { createConsent } from './runtime';
export type * from './types';
