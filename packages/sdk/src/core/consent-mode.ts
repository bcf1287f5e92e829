import type { Choice } from '@consent-ledger/protocol';

type Signals = Record<string, Choice | number>;
type GtagWindow = Window & { dataLayer?: unknown[] };

// gtag.js reads `arguments` objects from the dataLayer (its snippet is `dataLayer.push(arguments)`),
// so the SDK pushes the same shape and works whether or not gtag is defined yet.
function gtag(..._args: unknown[]): void {
  (window as GtagWindow).dataLayer ||= [];
  // biome-ignore lint/complexity/noArguments: gtag.js reads the dataLayer's `arguments` objects, not arrays
  (window as GtagWindow).dataLayer!.push(arguments);
}

/** Google Consent Mode v2 signals for the given purposes' choices. */
export function consentSignals(choices: Record<string, Choice>): Signals {
  const analytics = choices.analytics || 'denied';
  const marketing = choices.marketing || 'denied';
  return {
    ad_storage: marketing,
    ad_user_data: marketing,
    ad_personalization: marketing,
    analytics_storage: analytics,
    functionality_storage: 'granted',
    security_storage: 'granted',
  };
}

/** Pushes `consent default` (everything optional denied), before any gated tag can run. */
export const consentDefault = (): void => gtag('consent', 'default', { ...consentSignals({}), wait_for_update: 500 });

/** Pushes `consent update` for a decision. */
export const consentUpdate = (choices: Record<string, Choice>): void =>
  gtag('consent', 'update', consentSignals(choices));
