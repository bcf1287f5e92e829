// The page the console's live preview loads in its sandboxed frame: a stand-in for the site's page,
// the draft's config document inline, then the very consent.js visitors get, in preview mode (the
// SDK keeps the decision in memory and sends nothing), then the frame helper (frame.ts).
import { configDocument, type Language, type SiteConfig } from '@consent-ledger/protocol';

/** What the preview shows: the first layer as a first visit finds it, or the preferences dialog open. */
export type PreviewView = 'banner' | 'dialog';

/** Where the preview's scripts come from: the collector serving the console. */
export interface PreviewSources {
  /** The stable `consent.js` (absolute URL). */
  consentJs: string;
  /** The console's frame helper and its stylesheet, without extension (absolute URL). */
  helper: string;
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can end or change it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The preview page (an `srcdoc`) of a validated config in one of its languages. Besides the console's
 * own policy, which the page inherits, its meta policy forbids every connection (fetch, beacon,
 * WebSocket): whatever a script tried, nothing could be sent from the preview.
 */
export function previewPage(config: SiteConfig, language: Language, view: PreviewView, from: PreviewSources): string {
  const doc = configDocument(config, language);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="connect-src 'none'; form-action 'none'">
<base target="_blank">
<title>${attr(config.name)}</title>
<link rel="stylesheet" href="${attr(from.helper)}.css">
</head>
<body>
<header class="site-head">${attr(config.name)}</header>
<main class="site-body">
<div class="bar title"></div><div class="bar"></div><div class="bar"></div><div class="bar short"></div>
<div class="block"></div><div class="bar"></div><div class="bar short"></div>
</main>
<script type="application/json" id="consent-ledger-config">${scriptJson(doc)}</script>
<script src="${attr(from.consentJs)}" data-site="${attr(config.site)}" data-preview></script>
<script src="${attr(from.helper)}.js" data-view="${view}"></script>
</body>
</html>
`;
}
