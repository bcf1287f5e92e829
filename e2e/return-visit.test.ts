// Issue 15, bug 1: a returning visitor who granted every purpose sees every embed itself, loaded and
// on top at its centre, with no placeholder left: after a reload, on another page of the site, and
// after a withdrawal of another purpose (the SDK reloads the page).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged } from './harness/ledger';
import { configDocument } from './harness/page-facts';
import { ROOT } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

/** Per gated iframe: its purpose, whether its frame shows its own document, and what is drawn at its centre. */
function embedsAsSeen(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent]')].map((frame) => {
      const box = frame.getBoundingClientRect();
      frame.scrollIntoView({ block: 'center' });
      const r = frame.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      let href = '';
      try {
        href = frame.contentWindow?.location.href ?? '';
      } catch {
        href = 'cross-origin';
      }
      return {
        purpose: frame.dataset.consent!,
        width: Math.round(box.width),
        height: Math.round(box.height),
        onTop: top === frame,
        loaded: href !== '' && href !== 'about:blank',
      };
    }),
  );
}

/** Waits until every gated iframe of the page is loaded and drawn on top, and no placeholder is left. */
async function everyEmbedShown(page: Page, what: string) {
  const seen = await eventually(`${what}: every embed loaded, visible, on top`, async () => {
    const embeds = await embedsAsSeen(page);
    return embeds.length > 0 && embeds.every((e) => e.loaded && e.onTop && e.width > 0 && e.height > 0) && embeds;
  }).catch(async (error) => {
    throw new Error(`${error.message}\n${JSON.stringify(await embedsAsSeen(page))}`);
  });
  expect(seen.map((e) => e.purpose).sort()).toEqual(['audiovideo', 'maps']);
  expect(await page.locator('[data-consent-placeholder]').count(), 'no placeholder left').toBe(0);
}

test('15.1 accept all, then reload and another page: every granted embed is shown, no placeholder over it', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.click();
  await everyEmbedShown(s.page, 'right after the choice');
  await acknowledged(s.page, DEMO.site, 1);

  await s.page.reload({ waitUntil: 'load' });
  await everyEmbedShown(s.page, 'after a reload');
  expect(await ui.banner.count()).toBe(0);

  await openDemo(s.page, suite.collector, DEMO.pages.en);
  await everyEmbedShown(s.page, 'on another page');
  await openDemo(s.page, suite.collector, DEMO.path);
  await everyEmbedShown(s.page, 'back on the first page');
});

test('15.1 accept all, withdraw analytics and save (the page reloads): the embeds still granted are shown', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.click();
  await acknowledged(s.page, DEMO.site, 1);
  await s.page.reload({ waitUntil: 'load' });

  await ui.reopen.click();
  const doc = await configDocument(suite.collector, DEMO.site);
  const analytics = ui.switchOf(doc.notice.purposes.find((p) => p.id === 'analytics')!.title);
  await analytics.click();
  expect(await analytics.getAttribute('aria-checked')).toBe('false');
  const reloaded = s.page.waitForEvent('load');
  await ui.save.click();
  await reloaded;
  await everyEmbedShown(s.page, 'after the withdrawal reload');
});

test('15.1 the shared bundle at the end of the page (config from the cache): granted embeds shown on return', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const page = `${suite.collector.origin}/shared-bundle.html`;
  const html = (await readFile(join(ROOT, 'apps/demo/public/index.html'), 'utf8'))
    .replace(/<script src="\/v1\/sites\/demo\/consent\.js[^>]*><\/script>/, '')
    .replace('</body>', '<script src="/consent.js" data-site="demo" async></script>\n</body>');
  await s.servePage(page, html);
  await s.page.goto(page, { waitUntil: 'load' });
  await ui.acceptAll.click();
  await acknowledged(s.page, DEMO.site, 1);

  await s.page.reload({ waitUntil: 'load' });
  await everyEmbedShown(s.page, 'after a reload');
});
