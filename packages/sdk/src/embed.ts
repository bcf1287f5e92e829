// The script-tag entry, built into consent.js. Fastest, in <head>: the collector's per-site script,
// which embeds the site's config (and its ETag) in front of this bundle, so the banner needs no
// other request and is drawn as soon as the script has run (async: the page's first paint does not
// wait for it; render-blocking made the banner reach the screen later, bench/banner):
//   <script src="https://consent.example.org/v1/sites/clikodoc/consent.js?lang=fr" async></script>
// Or the shared bundle, which reads data-site and fetches the config (cached for returning visitors):
//   <script src="https://consent.example.org/consent.js" data-site="clikodoc" async></script>
// Optional: data-collector (default: the script's own origin), data-lang (for the per-site script, its
// `lang` parameter counts as one), data-nonce, data-consent-mode (Google Consent Mode's `consent
// default` pushed at once, before the config arrives, so a first visit's Google tags start denied
// too), data-cookie-domain (the cl_consent cookie shared with subdomains), data-preview (preview mode, see
// ConsentOptions.preview), and an inline config document in <script type="application/json"
// id="consent-ledger-config"> placed before the shared bundle.
import { chunkSource } from './chunk-script';
import { logProblem } from './core/log';
import { preferredLanguages } from './i18n/language';
import { startConsent } from './index';
import type { ConfigDocument, ConsentRuntime } from './types';

declare global {
  interface Window {
    ConsentLedger?: ConsentRuntime;
  }
}

/** What the per-site script passes this bundle (the parameter of the function it wraps it in). */
interface Embedded {
  site: string;
  etag: string;
  document: ConfigDocument;
}
declare const __consentLedger: Embedded | undefined;
const embedded = typeof __consentLedger === 'object' ? __consentLedger : undefined;

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
const site = embedded?.site ?? script?.dataset.site;
if (!site || !script) logProblem('no-site');
// A second copy of the tag must not start a second runtime (and a second banner).
else if (!window.ConsentLedger) {
  const { collector, lang, consentMode, cookieDomain, preview } = script.dataset;
  const nonce = script.dataset.nonce || script.nonce || undefined;
  const origin = new URL(script.src || location.href);
  // The lazily loaded chunks lie beside the shared bundle, at the collector's root for a per-site script.
  chunkSource(new URL(embedded ? '../../../' : './', origin).href, nonce);
  window.ConsentLedger = startConsent({
    site,
    collector: (collector ?? origin.origin).replace(/\/$/, ''),
    lang: preferredLanguages(lang ?? (embedded && origin.searchParams.get('lang'))),
    config: embedded?.document ?? inlineConfig(),
    configEtag: embedded?.etag,
    consentMode: consentMode != null,
    cookieDomain,
    nonce,
    preview: preview != null,
  });
}
