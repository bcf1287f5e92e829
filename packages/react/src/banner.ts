// <ConsentBanner>: the SDK's own banner, preferences dialog, history and embed placeholders, for a
// React app that wants them rather than its own. The UI is imported when this component first
// mounts in the browser, so an app that never renders it never downloads it.
import type { ConsentRuntime, UIOptions } from '@consent-ledger/sdk';
import { type ReactNode, useEffect } from 'react';
import { useConsentStore } from './hooks';

/** Draws the SDK's consent UI for the provider's runtime (nothing when the script tag's UI already does). */
export function ConsentBanner({ nonce }: UIOptions): ReactNode {
  const store = useConsentStore();
  useEffect(() => {
    let gone = false;
    let unmount: (() => void) | undefined;
    void Promise.all([store.runtime(), import('@consent-ledger/sdk')]).then(([runtime, { mountUI }]) => {
      const ownUI = (window as Window & { ConsentLedger?: ConsentRuntime }).ConsentLedger === runtime;
      if (!gone && !ownUI) unmount = mountUI(runtime, { nonce });
    });
    return () => {
      gone = true;
      unmount?.();
    };
  }, [store, nonce]);
  return null;
}
