// The views that only open on a click (preferences, history, proof download, erasure, the in-context
// prompt) are loaded apart from the banner. Here, for sites bundling the SDK themselves, with a
// dynamic import their bundler splits off; consent.js swaps in load-views-script.ts (build.mjs), which
// loads the content-hashed chunk built from views/chunk.ts.

/** What the lazily loaded views module holds. */
export type Views = typeof import('./views/index');

/** Where the chunk is and how the page lets scripts run (used by consent.js's loader only). */
export interface ViewsSource {
  /** The URL consent.js's assets are under (its chunk is `consent-views.<hash>.js` there). */
  assets?: string;
  /** The page's CSP nonce. */
  nonce?: string;
}

/** Loads the views (once; a failed load is tried again on the next call). */
export const loadViews = (_source: ViewsSource = {}): Promise<Views> => import('./views/index');
