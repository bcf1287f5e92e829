// @consent-ledger/react in Chromium (issue 16): a React page built with esbuild, rendered on the
// server from the request's cl_consent cookie, hydrated in the browser, against the real collector.
// Its map (<ConsentGate purpose="maps">) is not requested before consent nor after reject-all, loads
// after "accept all" in the SDK's banner without a reload, and a returning visitor gets it in the
// server's HTML, hydrated without a mismatch.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConsentCookie } from '@consent-ledger/protocol';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, expect, test } from 'vitest';
import { eventually, screenshot } from './harness/browser';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';
import { App } from './react-page/app';

const suite = useSuite();
const HERE = dirname(fileURLToPath(import.meta.url));
/** The client bundle and its chunks (the SDK's banner is one: imported when <ConsentBanner> mounts), by file name. */
const assets = new Map<string, string>();

beforeAll(async () => {
  const out = await build({
    entryPoints: [join(HERE, 'react-page/main.tsx')],
    outdir: '/react',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const file of out.outputFiles) assets.set(file.path.replace(/^\/react\//, ''), file.text);
});

interface Served {
  /** The HTML of each page view, as the server rendered it. */
  pages: string[];
  /** Requests that reached the map's host. */
  maps: string[];
}

/** Serves the React page at `url` (rendered per request with the context's cookies) and its scripts, and the map's host. */
async function serveReactPage(context: BrowserContext, origin: string): Promise<Served> {
  const served: Served = { pages: [], maps: [] };
  await context.route(`${origin}/react/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/react/'.length);
    const code = assets.get(name);
    if (code === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: code });
  });
  await context.route(`${origin}/react.html`, async (route) => {
    const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
    const props = { collector: origin, initialConsent: parseConsentCookie(cookie) };
    const body = renderToString(createElement(App, props));
    served.pages.push(body);
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cabinet</title></head><body><div id="root">${body}</div>
<script type="application/json" id="props">${JSON.stringify(props)}</script><script type="module" src="/react/main.js"></script></body></html>`,
    });
  });
  await context.route('https://www.google.com/**', (route) => {
    served.maps.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>map</p>' });
  });
  return served;
}

const hydration = (page: import('playwright-core').Page) =>
  eventually('the page hydrated', async () =>
    page.evaluate(() => {
      const w = window as unknown as { __hydrated?: boolean; __hydrationProblems?: string[] };
      return w.__hydrated ? w.__hydrationProblems : undefined;
    }),
  );

test('the gated map: not requested before consent, loaded after accept-all without a reload, in the server’s HTML on the next visit', async () => {
  const s = await suite.scenario();
  const origin = suite.collector.origin;
  const served = await serveReactPage(s.context, origin);
  const ui = consentUI(s.page);
  const iframes = s.page.locator('iframe[title="Plan d’accès"]');

  await s.page.goto(`${origin}/react.html`, { waitUntil: 'load' });
  expect(await hydration(s.page)).toEqual([]);
  await ui.acceptAll.waitFor();
  const placeholder = ui.placeholder('maps');
  await expect.poll(() => placeholder.textContent()).toContain('Google Maps');
  expect(served.pages[0]).not.toContain('<iframe');
  expect(await iframes.count()).toBe(0);
  expect(served.maps).toEqual([]);
  expect(s.blocked).toEqual([]);
  await screenshot(s.page, 'react-before-consent');

  await s.page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await ui.acceptAll.click();
  await iframes.waitFor();
  await eventually('the map requested', async () => served.maps.length === 1);
  expect(await s.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await placeholder.count()).toBe(0);
  await eventually('the receipt sent', async () => s.requests.some((r) => r.startsWith('POST /v1/receipts')));
  expect(await ui.banner.count()).toBe(0);
  await screenshot(s.page, 'react-after-accept');

  // The next page view: the server reads cl_consent and renders the map; hydration keeps it.
  await s.page.reload({ waitUntil: 'load' });
  expect(served.pages[1]).toContain('<iframe title="Plan d’accès" src="https://www.google.com/maps/embed?pb=1"');
  expect(await hydration(s.page)).toEqual([]);
  await eventually('the runtime decided', async () => (await s.page.locator('#status').textContent()) === 'decided');
  expect(await iframes.count()).toBe(1);
  expect(await ui.banner.count()).toBe(0);
});

test('after reject-all the map is never requested, on this page view or the next', async () => {
  const s = await suite.scenario();
  const origin = suite.collector.origin;
  const served = await serveReactPage(s.context, origin);
  const ui = consentUI(s.page);
  await s.page.goto(`${origin}/react.html`, { waitUntil: 'load' });
  await ui.rejectAll.click();
  await eventually('the runtime decided', async () => (await s.page.locator('#status').textContent()) === 'decided');
  await s.page.reload({ waitUntil: 'load' });
  expect(await hydration(s.page)).toEqual([]);
  await expect.poll(() => ui.placeholder('maps').textContent()).toContain('Google Maps');
  expect(served.pages[1]).not.toContain('<iframe');
  expect(served.maps).toEqual([]);
});
