// The entry of consent.js's lazy chunk (consent-views.<hash>.js, built by build.mjs): the views,
// handed back to the bundle that loaded them through their <script> element (see load-views-script.ts).
import type { ViewsHandoff } from '../load-views-script';
import * as views from './index';

(document.currentScript as HTMLScriptElement & { consentLedgerViews: ViewsHandoff }).consentLedgerViews.resolve(views);
