// The contenders of the side-by-side banner bench, each on the demo's own page (apps/demo/public/index.html):
// ours with the page's tag as it is (the recommended embed), every peer with its documented embed in
// place of ours, asking for the demo's four purposes in French (our catalog's titles and descriptions;
// the peers' own French for their buttons where they ship it) and gating the page's analytics and
// marketing tags and its map and video embeds its own way, so that "accept all" loads the same things
// for everyone. The peers' files are installed from npm as the
// bench's dev-dependencies and copied under /peers/<package>/ of the served folder; none of them is
// in the product.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { catalogs } from '@consent-ledger/protocol';

/** One consent tool on the bench page. */
export interface Contender {
  name: string;
  /** The page's path on the served demo folder. */
  path: string;
  /** CSS selector of the first layer's accept-all button (searched in open shadow roots too); none for the page alone. */
  accept: string | null;
  /** True once the visitor's choice is stored where the next page view reads it. */
  stored?: string;
  /** The files of its npm package copied under /peers/<package>/ (paths inside the package). */
  files?: { package: string; paths: string[] };
}

/** The analytics stand-in whose run the returning visit waits for. */
export const ANALYTICS = '/vendor/gtag.js';

const fr = catalogs.fr;
const purposes = ['analytics', 'marketing', 'maps', 'audiovideo'] as const;

/** A gated tag of the demo page: its purpose, its `src` (or none) and its inline code. */
interface GatedTag {
  purpose: string;
  src: string | null;
  code: string;
}

/** A gated embed of the demo page: its purpose, its `data-src`, and its other attributes. */
interface GatedEmbed {
  purpose: string;
  src: string;
  attributes: string;
}

const CONSENT_TAG =
  /\s*<!--\s*Consent Ledger:[\s\S]*?-->\s*<script src="\/v1\/sites\/demo\/consent\.js[^"]*"[^>]*><\/script>/;
const GATED_TAG = /<script type="text\/plain" data-consent="(\w+)"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g;
const GATED_EMBED = /<template data-consent="(\w+)"><iframe src="([^"]+)"([^>]*)><\/iframe><\/template>/g;

/** The demo page's parts: its head and body without our tag, its gated tags and embeds (each replaced by a marker). */
export function splitDemoPage(html: string): { page: string; gated: GatedTag[]; embeds: GatedEmbed[] } {
  if (!CONSENT_TAG.test(html))
    throw new Error('the demo page no longer holds the Consent Ledger tag the bench replaces');
  const gated: GatedTag[] = [];
  const embeds: GatedEmbed[] = [];
  const page = html
    .replace(CONSENT_TAG, '\n  <!--consent-head-->')
    .replace(GATED_TAG, (_, purpose, src, code) => {
      gated.push({ purpose, src: src ?? null, code });
      return `<!--gated-${gated.length - 1}-->`;
    })
    .replace(GATED_EMBED, (_, purpose, src, attributes) => {
      embeds.push({ purpose, src, attributes });
      return `<!--embed-${embeds.length - 1}-->`;
    });
  if (!gated.some((tag) => tag.src?.startsWith(ANALYTICS.slice(1))))
    throw new Error('the demo page no longer holds the gated analytics tag the bench times');
  return { page, gated, embeds };
}

type DemoPage = ReturnType<typeof splitDemoPage>;

/** The page with `head` in place of our tag, each gated tag rewritten by `gate` and each embed by `embed`. */
function assemble(
  parts: DemoPage,
  head: string,
  gate: (tag: GatedTag) => string,
  embed: (embed: GatedEmbed) => string,
): string {
  return parts.page
    .replace('<!--consent-head-->', head)
    .replace(/<!--gated-(\d+)-->/g, (_, i) => gate(parts.gated[Number(i)]))
    .replace(/<!--embed-(\d+)-->/g, (_, i) => embed(parts.embeds[Number(i)]));
}

const json = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
const purposeText = (id: string) => fr.purposes[id as keyof typeof fr.purposes];
const inert = (tag: GatedTag) =>
  `<script type="text/plain" data-consent="${tag.purpose}"${tag.src ? ` src="${tag.src}"` : ''}>${tag.code}</script>`;
/** The embed as the demo writes it: in a template, which nothing loads on the page alone. */
const demoEmbed = (embed: GatedEmbed) =>
  `<template data-consent="${embed.purpose}"><iframe src="${embed.src}"${embed.attributes}></iframe></template>`;
/** An empty frame in its box, given its URL by a peer's callback. */
const inertEmbed = (embed: GatedEmbed) =>
  `<iframe data-consent="${embed.purpose}" data-src="${embed.src}"${embed.attributes}></iframe>`;

/** vanilla-cookieconsent 3: its stylesheet, its UMD build deferred, then `CookieConsent.run` (a module script runs after it, in order). */
function vanillaCookieconsent(parts: DemoPage): string {
  const config = {
    // By default it stays hidden from automated browsers (navigator.webdriver), which this one is.
    hideFromBots: false,
    categories: {
      necessary: { enabled: true, readOnly: true },
      ...Object.fromEntries(purposes.map((id) => [id, {}])),
    },
    language: {
      default: 'fr',
      translations: {
        fr: {
          consentModal: {
            title: fr.texts['banner.title'],
            description: fr.texts['banner.text'].replace('{site}', 'Cabinet Médical Saint-Jean'),
            acceptAllBtn: fr.texts['banner.acceptAll'],
            acceptNecessaryBtn: fr.texts['banner.rejectAll'],
            showPreferencesBtn: fr.texts['banner.customize'],
          },
          preferencesModal: {
            title: fr.texts['dialog.title'],
            acceptAllBtn: fr.texts['dialog.acceptAll'],
            acceptNecessaryBtn: fr.texts['dialog.rejectAll'],
            savePreferencesBtn: fr.texts['dialog.save'],
            closeIconLabel: fr.texts['dialog.close'],
            sections: [
              { description: fr.texts['dialog.intro'] },
              { ...purposeText('necessary'), linkedCategory: 'necessary' },
              ...purposes.map((id) => ({ ...purposeText(id), linkedCategory: id })),
            ],
          },
        },
      },
    },
  };
  // It gates scripts itself; embeds are left to the site (or its separate iframemanager): loaded from its callbacks.
  const head = `
  <link rel="stylesheet" href="/peers/vanilla-cookieconsent/dist/cookieconsent.css">
  <script defer src="/peers/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
  <script type="module">
  const embeds = () => document.querySelectorAll('iframe[data-category][data-src]').forEach((frame) => {
    if (CookieConsent.acceptedCategory(frame.dataset.category)) frame.src = frame.dataset.src;
  });
  CookieConsent.run({ ...${json(config)}, onConsent: embeds, onChange: embeds });
  </script>`;
  return assemble(
    parts,
    head,
    (tag) =>
      `<script type="text/plain" data-category="${tag.purpose}"${tag.src ? ` src="${tag.src}"` : ''}>${tag.code}</script>`,
    (embed) => `<iframe data-category="${embed.purpose}" data-src="${embed.src}"${embed.attributes}></iframe>`,
  );
}

/** Orejime 3: `window.orejimeConfig`, the French standard build and its stylesheet; gated tags wrapped in templates, embeds with its in-place notice. */
function orejime(parts: DemoPage): string {
  const config = {
    privacyPolicyUrl: 'confidentialite.html',
    purposes: [
      { id: 'analytics', ...purposeText('analytics'), cookies: ['_ga', '/^_ga_/'] },
      { id: 'marketing', ...purposeText('marketing'), cookies: ['li_sugr', 'bcookie', 'lidc'] },
      { id: 'maps', ...purposeText('maps'), cookies: ['NID'] },
      { id: 'audiovideo', ...purposeText('audiovideo'), cookies: [] },
    ],
  };
  const head = `
  <link rel="stylesheet" href="/peers/orejime/dist/orejime-standard.css">
  <script>window.orejimeConfig = ${json(config)};</script>
  <script src="/peers/orejime/dist/orejime-standard-fr.js"></script>`;
  return assemble(
    parts,
    head,
    (tag) =>
      `<template data-purpose="${tag.purpose}"><script${tag.src ? ` src="${tag.src}"` : ''}>${tag.code}</script></template>`,
    (embed) =>
      `<template data-purpose="${embed.purpose}" data-contextual><iframe src="${embed.src}"${embed.attributes}></iframe></template>`,
  );
}

/** Klaro 0.7: `klaroConfig` (French, grouped by purpose, "OK" accepts all), then klaro.js deferred. */
function klaro(parts: DemoPage): string {
  const config = {
    version: 1,
    lang: 'fr',
    acceptAll: true,
    groupByPurpose: true,
    privacyPolicy: 'confidentialite.html',
    services: [
      { name: 'google-analytics', title: 'Google Analytics 4', purposes: ['analytics'], cookies: ['_ga'] },
      { name: 'linkedin-insight', title: 'LinkedIn Insight Tag', purposes: ['marketing'], cookies: ['li_sugr'] },
      { name: 'google-maps', title: 'Google Maps', purposes: ['maps'], cookies: ['NID'] },
      { name: 'twilio-video', title: 'Twilio Video', purposes: ['audiovideo'], cookies: [] },
    ],
    translations: { fr: { purposes: Object.fromEntries(purposes.map((id) => [id, purposeText(id)])) } },
  };
  const head = `
  <script>var klaroConfig = ${json(config)};</script>
  <script defer src="/peers/klaro/dist/klaro.js"></script>`;
  const service: Record<string, string> = {
    analytics: 'google-analytics',
    marketing: 'linkedin-insight',
    maps: 'google-maps',
    audiovideo: 'twilio-video',
  };
  return assemble(
    parts,
    head,
    (tag) =>
      `<script type="text/plain" data-type="text/javascript" data-name="${service[tag.purpose]}"${tag.src ? ` data-src="${tag.src}"` : ''}>${tag.code}</script>`,
    (embed) => `<iframe data-name="${service[embed.purpose]}" data-src="${embed.src}"${embed.attributes}></iframe>`,
  );
}

/** tarteaucitron 1.x: its minified script, `init` with its recommended options, one custom service per purpose (scripts added, embeds given their source). */
function tarteaucitron(parts: DemoPage): string {
  const type: Record<string, string> = { analytics: 'analytic', marketing: 'ads', maps: 'api', audiovideo: 'video' };
  const services = purposes.map((purpose) => {
    const tags = parts.gated.filter((tag) => tag.purpose === purpose);
    const run = [
      ...tags.map((tag) => (tag.src ? `tarteaucitron.addScript(${JSON.stringify(tag.src)});` : tag.code.trim())),
      ...parts.embeds
        .filter((embed) => embed.purpose === purpose)
        .map(
          (embed) => `document.querySelector('iframe[data-consent="${purpose}"]').src = ${JSON.stringify(embed.src)};`,
        ),
    ];
    return `tarteaucitron.services.demo${purpose} = { key: 'demo${purpose}', type: '${type[purpose]}', name: ${JSON.stringify(purposeText(purpose).title)}, needConsent: true, cookies: [], js: function () {\n${run.join('\n')}\n} };
  (tarteaucitron.job = tarteaucitron.job || []).push('demo${purpose}');`;
  });
  const head = `
  <script src="/peers/tarteaucitronjs/tarteaucitron.min.js"></script>
  <script>
  var tarteaucitronForceLanguage = 'fr';
  tarteaucitron.init({ privacyUrl: 'confidentialite.html', orientation: 'middle', highPrivacy: true, DenyAllCta: true, AcceptAllCta: true, mandatory: true, showIcon: true });
  ${services.join('\n  ')}
  </script>`;
  return assemble(parts, head, () => '', inertEmbed);
}

/** Every contender, ours first; `page alone` is the same page with no consent tool (the page's own paint and shifts). */
export const CONTENDERS: Contender[] = [
  {
    name: 'Consent Ledger',
    path: '/',
    accept: 'section.bn .acts button:first-child',
    // IndexedDB holds the decision; its synchronous copy is written right after it.
    stored: `localStorage.getItem('consent-ledger:decision:demo') !== null`,
  },
  {
    name: 'vanilla-cookieconsent',
    path: '/bench-vanilla-cookieconsent.html',
    accept: '#cc-main .cm__btn[data-role="all"]',
    stored: `document.cookie.includes('cc_cookie=')`,
    files: { package: 'vanilla-cookieconsent', paths: ['dist/cookieconsent.css', 'dist/cookieconsent.umd.js'] },
  },
  {
    name: 'orejime',
    path: '/bench-orejime.html',
    accept: '[data-testid="orejime-banner-accept"]',
    stored: `document.cookie.includes('eu-consent=')`,
    files: { package: 'orejime', paths: ['dist/orejime-standard.css', 'dist/orejime-standard-fr.js'] },
  },
  {
    name: 'klaro',
    path: '/bench-klaro.html',
    accept: '.cookie-notice:not(.cookie-notice-hidden) .cm-btn-success',
    stored: `document.cookie.includes('klaro=')`,
    files: { package: 'klaro', paths: ['dist/klaro.js'] },
  },
  {
    name: 'tarteaucitron',
    path: '/bench-tarteaucitron.html',
    accept: '#tarteaucitronPersonalize2',
    stored: `document.cookie.includes('tarteaucitron=')`,
    files: {
      package: 'tarteaucitronjs',
      // It loads its services, language and stylesheet from beside its own script, minified like it.
      paths: ['tarteaucitron.min.js', 'tarteaucitron.services.min.js', 'lang', 'css'],
    },
  },
  { name: 'page alone', path: '/bench-page-alone.html', accept: null },
];

const PAGES: Record<string, (parts: DemoPage) => string> = {
  'vanilla-cookieconsent': vanillaCookieconsent,
  orejime,
  klaro,
  tarteaucitron,
  'page alone': (parts) => assemble(parts, '', inert, demoEmbed),
};

/** Copies the demo site into `dir` and adds every peer's page and files beside it. */
export function writeBenchSite(demoDir: string, dir: string): void {
  cpSync(demoDir, dir, { recursive: true });
  const parts = splitDemoPage(readFileSync(join(demoDir, 'index.html'), 'utf8'));
  const require = createRequire(import.meta.url);
  for (const contender of CONTENDERS) {
    const page = PAGES[contender.name];
    if (page) writeFileSync(join(dir, contender.path), page(parts));
    if (!contender.files) continue;
    const from = dirname(require.resolve(`${contender.files.package}/package.json`));
    for (const path of contender.files.paths)
      cpSync(join(from, path), join(dir, 'peers', contender.files.package, path), { recursive: true });
  }
}
