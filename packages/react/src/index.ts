// @consent-ledger/react: the visitor's consent in React components, over the SDK's runtime.
//   <ConsentProvider site="cabinet" collector="https://consent.example.org">  starts (or finds) the runtime
//   useConsent() / useGranted('maps')                                         read it, reactively
//   <ConsentGate purpose="maps">…</ConsentGate>                               renders content once granted
//   <ConsentBanner />                                                         the SDK's own banner, if wanted
export type { ConsentCookie } from '@consent-ledger/protocol';
export type { ConsentRuntime, ConsentSnapshot } from '@consent-ledger/sdk/headless';
export { ConsentBanner } from './banner';
export {
  ConsentGate,
  type ConsentGateProps,
  ConsentPlaceholder,
  type ConsentPlaceholderProps,
} from './gate';
export { type ConsentActions, useConsent, useConsentStore, useGranted } from './hooks';
export { ConsentContext, ConsentProvider, type ConsentProviderProps } from './provider';
export { type ConsentStore, createConsentStore, snapshotOfCookie } from './store';
