// The consent as React reads it: an external store (for useSyncExternalStore) over a runtime that
// arrives after the first render. Until the runtime knows the decision, the store answers with what
// the `cl_consent` cookie says: the server's reading while rendering on the server and hydrating
// (so both render the same), the browser's own copy of the cookie after that. A returning visitor's
// granted content is therefore rendered at once, with no flash of placeholders.
import { type ConsentCookie, parseConsentCookie } from '@consent-ledger/protocol';
import type { ConsentRuntime, ConsentSnapshot } from '@consent-ledger/sdk/headless';

/** What React's `useSyncExternalStore` needs, plus the runtime once it is there. */
export interface ConsentStore {
  subscribe(onChange: () => void): () => void;
  /** The runtime's snapshot once it knows the decision; before that, the browser's `cl_consent` (or the server's reading). */
  getSnapshot(): ConsentSnapshot;
  /** The snapshot of the server's reading of `cl_consent`: what the server rendered, and what hydration renders. */
  getServerSnapshot(): ConsentSnapshot;
  /** Resolves with the runtime once one is attached. */
  runtime(): Promise<ConsentRuntime>;
  /** Puts a runtime behind the store; returns the function that takes it away. */
  attach(runtime: ConsentRuntime): () => void;
}

/** The snapshot a `cl_consent` reading stands for: decided with its granted purposes, or still loading without one. */
export function snapshotOfCookie(cookie: ConsentCookie | null): ConsentSnapshot {
  return {
    status: cookie ? 'decided' : 'loading',
    reason: null,
    choices: Object.fromEntries((cookie?.granted ?? []).map((purpose) => [purpose, 'granted'] as const)),
    decidedAt: cookie?.decidedAt ?? null,
    document: null,
    gpc: false,
    storage: 'indexeddb',
    subject: null,
  };
}

/** Creates the store of one provider; `serverCookie` is the server's `parseConsentCookie(request's Cookie header)`. */
export function createConsentStore(serverCookie: ConsentCookie | null = null): ConsentStore {
  const listeners = new Set<() => void>();
  const server = snapshotOfCookie(serverCookie);
  let browser: ConsentSnapshot | undefined;
  let current: ConsentRuntime | undefined;
  let arrived: (runtime: ConsentRuntime) => void;
  let waiting = new Promise<ConsentRuntime>((resolve) => (arrived = resolve));
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  // Read once: getSnapshot must answer the same object until something changes.
  const fromCookie = () => {
    if (!browser) {
      const own = typeof document === 'undefined' ? null : parseConsentCookie(document.cookie);
      browser = own ? snapshotOfCookie(own) : server;
    }
    return browser;
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
    getSnapshot() {
      const snapshot = current?.get();
      return snapshot && snapshot.status !== 'loading' ? snapshot : fromCookie();
    },
    getServerSnapshot: () => server,
    runtime: () => waiting,
    attach(runtime) {
      current = runtime;
      arrived(runtime);
      const off = runtime.on('change', notify);
      notify();
      return () => {
        off();
        if (current !== runtime) return;
        current = undefined;
        waiting = new Promise((resolve) => (arrived = resolve));
        notify();
      };
    },
  };
}
