// consent.js's loader of its lazy views (build.mjs resolves ./load-views here for consent.js): a
// classic script, so it runs under the page's CSP like consent.js itself (same origin, the page's
// nonce), and adds nothing to the page. Both builds are one closed world sharing one Preact: the chunk
// finds this bundle's createElement, Fragment and Component on its own <script> element, and hands its exports
// back there.
import { Component, createElement, Fragment } from 'preact';
import type { Views, ViewsSource } from './load-views';

/** What the chunk's <script> element carries for it (views/chunk.ts reads it). */
export interface ViewsHandoff {
  preact: { createElement: typeof createElement; Fragment: typeof Fragment; Component: typeof Component };
  resolve(views: Views): void;
}

// The chunk's file name, content-hashed: build.mjs writes it in after building the chunk.
declare const __CONSENT_VIEWS__: string;

let loading: Promise<Views> | undefined;

/** Loads the views chunk (once; a failed load is tried again on the next call). */
export function loadViews({ assets = location.href, nonce }: ViewsSource = {}): Promise<Views> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script') as HTMLScriptElement & { consentLedgerViews?: ViewsHandoff };
    script.src = new URL(__CONSENT_VIEWS__, assets).href;
    if (nonce) script.nonce = nonce;
    script.consentLedgerViews = { preact: { createElement, Fragment, Component }, resolve };
    script.onerror = () => {
      loading = undefined;
      script.remove();
      reject(new Error(`views: ${script.src}`));
    };
    document.head.append(script);
  });
  return loading;
}
