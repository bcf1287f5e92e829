// Loads the runtime's exchanges with the collector (sync.ts): for sites bundling the SDK themselves,
// with a dynamic import their bundler splits off; consent.js swaps in load-sync-script.ts (build.mjs),
// which loads the content-hashed chunk built from sync-chunk.ts.

/** What the lazily loaded sync module holds. */
export type Sync = typeof import('./sync');

/** Loads the sync module. */
export const loadSync = (): Promise<Sync> => import('./sync');
