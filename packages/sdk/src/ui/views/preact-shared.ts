// consent.js's lazy chunk draws with the bundle's own Preact, never a copy (build.mjs resolves
// `preact` here for the chunk): one renderer, one set of options, and no second 4 KB to load.
import type { Component as ComponentType, createElement as CreateElement, Fragment as FragmentType } from 'preact';
import type { ViewsHandoff } from '../load-views-script';

const shared: ViewsHandoff['preact'] = (
  document.currentScript as HTMLScriptElement & { consentLedgerViews: ViewsHandoff }
).consentLedgerViews.preact;

export const createElement: typeof CreateElement = shared.createElement;
export const Fragment: typeof FragmentType = shared.Fragment;
export const Component: typeof ComponentType = shared.Component;
