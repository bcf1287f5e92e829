// The views that only open on a click (preferences, history, proof download, erasure, the in-context
// prompt) are loaded apart from the banner. Here, for sites bundling the SDK themselves, with a
// dynamic import their bundler splits off; consent.js swaps in load-views-script.ts (build.mjs), which
// loads the content-hashed chunk built from views/chunk.ts.

/** What the lazily loaded views module holds. */
export type Views = typeof import('./views/index');

/** Loads the views. */
export const loadViews = (): Promise<Views> => import('./views/index');
