// The hooks: the consent as it stands (re-rendering on every change, through useSyncExternalStore)
// and the visitor's actions, which wait for the runtime when called before it is there.
import type { Choice, Method } from '@consent-ledger/protocol';
import { type AskOptions, type ConsentRuntime, type ConsentSnapshot, isGranted } from '@consent-ledger/sdk/headless';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { ConsentContext } from './provider';
import type { ConsentStore } from './store';

/** What the visitor can do, callable at any time (before the runtime starts, they wait for it). */
export interface ConsentActions {
  /** Records a decision for the given purposes (the others keep their value, or are denied). */
  decide(choices: Record<string, Choice>, method?: Method): Promise<void>;
  acceptAll(): Promise<void>;
  rejectAll(): Promise<void>;
  /** Withdraws one purpose, or all of them (the page reloads if something of it was running). */
  withdraw(purpose?: string): Promise<void>;
  /** Opens the preferences dialog or the history (drawn by <ConsentBanner> or the script tag's UI). */
  show(view?: 'dialog' | 'history'): void;
  /** Records that the visitor loaded one piece of content of a purpose this time only. */
  loadOnce(): Promise<void>;
  /**
   * Asks for one purpose when the app needs it (a video call): true at once if granted, false at once
   * after "Not now" on this page view, else the answer to the prompt (drawn by <ConsentBanner> or the
   * script tag's UI, or by the app through the runtime's `ask` event), recorded with method `in-context`.
   */
  ask(purpose: string, options?: AskOptions): Promise<boolean>;
}

/** The nearest provider's store; throws outside a <ConsentProvider>. */
export function useConsentStore(): ConsentStore {
  const store = useContext(ConsentContext);
  if (!store) throw new Error('consent-ledger: wrap the components that read consent in <ConsentProvider>');
  return store;
}

/** The actions of one store, made once. */
function actionsOf(store: ConsentStore): ConsentActions {
  const call =
    <A extends unknown[]>(action: (runtime: ConsentRuntime, ...args: A) => Promise<void>) =>
    async (...args: A) =>
      action(await store.runtime(), ...args);
  return {
    decide: call((rt, choices: Record<string, Choice>, method: Method = 'save') => rt.decide(choices, method)),
    acceptAll: call((rt) => rt.acceptAll()),
    rejectAll: call((rt) => rt.rejectAll()),
    withdraw: call((rt, purpose?: string) => rt.withdraw(purpose)),
    show: (view) => void store.runtime().then((rt) => rt.show(view)),
    loadOnce: call((rt) => rt.loadEmbedOnce()),
    ask: async (purpose, options) => (await store.runtime()).ask(purpose, options),
  };
}

/** The visitor's consent (re-rendered on each change) with what they can do about it. */
export function useConsent(): ConsentActions & { state: ConsentSnapshot; granted(purpose: string): boolean } {
  const store = useConsentStore();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const actions = useMemo(() => actionsOf(store), [store]);
  return { ...actions, state, granted: (purpose) => isGranted(state, purpose) };
}

/** True while `purpose` is granted by a decision in force; re-renders only when that changes. */
export function useGranted(purpose: string): boolean {
  const store = useConsentStore();
  return useSyncExternalStore(
    store.subscribe,
    () => isGranted(store.getSnapshot(), purpose),
    () => isGranted(store.getServerSnapshot(), purpose),
  );
}
