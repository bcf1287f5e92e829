// <ConsentProvider>: puts one consent runtime behind the components below it. The runtime is the
// one given, or the script tag's (window.ConsentLedger), or the SDK's headless runtime started here
// when `site` and `collector` are given. Nothing runs at import or on the server: the runtime is
// found or started in an effect, which React runs in the browser only.
import type { ConsentCookie } from '@consent-ledger/protocol';
import {
  type ConsentOptions,
  type ConsentRuntime,
  createConsent,
  preferredLanguages,
} from '@consent-ledger/sdk/headless';
import { createContext, createElement, type ReactNode, useEffect, useRef, useState } from 'react';
import { type ConsentStore, createConsentStore } from './store';

export interface ConsentProviderProps extends Partial<Omit<ConsentOptions, 'lang' | 'root'>> {
  /** The visitor's languages, most preferred first (default: `<html lang>`, then the browser's). */
  lang?: string | string[];
  /** A runtime of your own (`createConsent()`, `startConsent()`), used as it is and never destroyed here. */
  runtime?: ConsentRuntime;
  /** The server's `parseConsentCookie(Cookie header)`: what server rendering and hydration render. */
  initialConsent?: ConsentCookie | null;
  children?: ReactNode;
}

/** The store of the nearest provider (null outside one). */
export const ConsentContext = createContext<ConsentStore | null>(null);

type PageWindow = Window & { ConsentLedger?: ConsentRuntime };

/** Attaches the runtime the page should use to `store`; returns the function that undoes it. */
function connect(store: ConsentStore, props: Omit<ConsentProviderProps, 'children' | 'initialConsent'>): () => void {
  const { runtime, lang, site, collector, ...options } = props;
  const page = window as PageWindow;
  if (runtime) return store.attach(runtime);
  if (page.ConsentLedger) return store.attach(page.ConsentLedger);
  if (!site || !collector) {
    // The script tag is async and may run after this effect: its runtime announces itself with its first change.
    let detach: (() => void) | undefined;
    const found = () => {
      if (!page.ConsentLedger || detach) return;
      removeEventListener('consentledger:change', found);
      detach = store.attach(page.ConsentLedger);
    };
    addEventListener('consentledger:change', found);
    return () => {
      removeEventListener('consentledger:change', found);
      detach?.();
    };
  }
  const started = createConsent({
    ...options,
    site,
    collector: collector.replace(/\/$/, ''),
    // The app's languages first, then the page's and the browser's, as the script tag orders them.
    lang: [...new Set([...[lang ?? []].flat(), ...preferredLanguages()])],
  });
  const detach = store.attach(started);
  return () => {
    detach();
    started.destroy();
  };
}

/** Provides the visitor's consent to the components below: the given runtime, the script tag's, or one started here. */
export function ConsentProvider({ children, initialConsent = null, ...props }: ConsentProviderProps): ReactNode {
  const [store] = useState(() => createConsentStore(initialConsent));
  // Only these restart the runtime; the other options (config, consentMode…) are read when it starts.
  const latest = useRef(props);
  latest.current = props;
  const { runtime, site, collector, cookieDomain } = props;
  const lang = [props.lang ?? []].flat().join(',');
  useEffect(
    () =>
      connect(store, {
        ...latest.current,
        runtime,
        site,
        collector,
        cookieDomain,
        lang: lang ? lang.split(',') : undefined,
      }),
    [store, runtime, site, collector, lang, cookieDomain],
  );
  return createElement(ConsentContext.Provider, { value: store }, children);
}
