// The runtime without any UI: for sites that draw their own banner, and for tests.
export { createConsent } from './runtime';
export type * from './types';
