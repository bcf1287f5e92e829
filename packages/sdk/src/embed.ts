// The script-tag entry, built into consent.js:
//   <script src="https://consent.example.org/consent.js" data-site="clikodoc" async></script>
// Optional: data-collector (default: the script's own origin), data-lang, data-nonce, data-consent-mode
// (Google Consent Mode's `consent default` pushed at once, before the config arrives, so a first
// visit's Google tags start denied too), and an inline config document in
// <script type="application/json" id="consent-ledger-config"> placed before it.
import { logProblem } from './core/log';
import { preferredLanguages } from './i18n/language';
import { startConsent } from './index';
import type { ConfigDocument, ConsentRuntime } from './types';

declare global {
  interface Window {
    ConsentLedger?: ConsentRuntime;
  }
}

/** Reads the inline config document, if the page has a valid one. */
function inlineConfig(): ConfigDocument | undefined {
  const text = document.getElementById('consent-ledger-config')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ConfigDocument;
  } catch (error) {
    // Not JSON: the config is fetched instead.
    logProblem('inline-config', error);
  }
}

const script = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement | null;
const site = script?.dataset.site;
if (!site) logProblem('no-site');
// A second copy of the tag must not start a second runtime (and a second banner).
else if (!window.ConsentLedger) {
  const { collector, lang, nonce, consentMode } = script.dataset;
  window.ConsentLedger = startConsent({
    site,
    collector: (collector ?? new URL(script.src || location.href).origin).replace(/\/$/, ''),
    lang: preferredLanguages(lang),
    config: inlineConfig(),
    consentMode: consentMode != null,
    nonce: nonce || script.nonce || undefined,
  });
}
