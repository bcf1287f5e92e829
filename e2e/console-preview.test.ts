// The console's live preview in Chromium against the real collector: the real consent.js, in an
// opaque-origin sandboxed frame, shows the unpublished draft (a title just typed), in two languages,
// on its first layer and with the preferences open, at desktop width and on a 375 px phone. Every
// answer is clicked in it, and nothing reaches the collector: no request to its API, and its log
// keeps its size. axe on the console with the preview, and inside the frame; screenshots to
// e2e/screenshots only.
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { axeViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { expectNoAxeViolations, signIn } from './harness/console';
import { DEMO } from './harness/demo';
import { exportedEntries } from './harness/ledger';
import { useSuite } from './harness/suite';
import { consentUI, text } from './harness/ui';

const LAPTOP = { width: 1280, height: 900 };

describe('the console’s live preview', () => {
  const suite = useSuite();

  // About 45 s on a quiet machine: a dozen frame reloads, each loading consent.js; a loaded CI box needs more.
  test('shows the draft with the real consent.js in two languages, its dialog and at 375 px; no answer clicked there is recorded', {
    timeout: 240_000,
  }, async () => {
    const { collector } = suite;
    const token = await collector.token('admin', [DEMO.site]);
    const scenario = await suite.scenario({ context: { viewport: LAPTOP } });
    const { page } = scenario;
    // What the console or the frame would complain of: a policy violation, or the SDK's own warnings.
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|consent-ledger:/.test(message.text())) complaints.push(message.text());
    });
    await signIn(page, collector, token);
    await page.goto(`${collector.origin}/audit/#/sites/${DEMO.site}`);
    await page.locator('.site-form').waitFor();

    const preview = page.locator('.preview');
    // A new page in the frame (draft, language, view, restart) has started once its helper says so.
    const started = () => expect.poll(() => preview.getAttribute('data-preview'), { timeout: 60_000 }).toBe('started');
    const framed = page.frameLocator('iframe.preview-frame');
    const visitor = consentUI(framed, 'fr');
    await started();
    await visitor.banner.waitFor();
    const frame = async (): Promise<Frame> =>
      (await (await page.locator('iframe.preview-frame').elementHandle())!.contentFrame())!;

    // The draft, not what is published: a French title typed in the form, unpublished, is in the preview.
    const title = 'Aperçu : rien n’est encore publié';
    await page.locator('#f-texts-banner-title-fr').fill(title);
    await visitor.banner.getByRole('heading', { name: title }).waitFor();
    await started();

    // The frame is an opaque origin: the console's session, storage and page are out of its reach.
    const reach = await (await frame()).evaluate(() => {
      const tried = (probe: () => unknown) => {
        try {
          return String(probe());
        } catch (error) {
          return (error as Error).name;
        }
      };
      return {
        origin,
        session: tried(() => sessionStorage.length),
        console: tried(() => parent.document.title),
        cookie: tried(() => document.cookie),
      };
    });
    expect(reach).toEqual({
      origin: 'null',
      session: 'SecurityError',
      console: 'SecurityError',
      cookie: 'SecurityError',
    });

    const entries = (await exportedEntries(collector, token, DEMO.site)).length;
    const sent = scenario.requests.length;
    await preview.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'site form with the preview');
    await screenshot(preview, 'console-preview');

    // Every answer of the first layer, each from a fresh start.
    const restart = async () => {
      await page.getByRole('button', { name: fr['preview.restart'] }).click();
      await started();
      await visitor.banner.waitFor();
    };
    for (const answer of [visitor.acceptAll, visitor.rejectAll, visitor.close]) {
      await answer.click();
      await visitor.banner.waitFor({ state: 'detached' });
      await visitor.reopen.waitFor();
      await restart();
    }
    // The preferences: every switch, then each of the dialog's answers, reopened from the re-open button.
    await visitor.customize.click();
    await visitor.dialog.waitFor();
    const switches = visitor.dialog.getByRole('switch');
    expect(await switches.count()).toBe(4);
    for (let i = 0; i < 4; i++) await switches.nth(i).click();
    await visitor.save.click();
    await visitor.dialog.waitFor({ state: 'detached' });
    for (const answer of [visitor.dialogReject, visitor.dialogAccept, visitor.dialogClose]) {
      await visitor.reopen.click();
      await visitor.dialog.waitFor();
      await answer.click();
      await visitor.dialog.waitFor({ state: 'detached' });
    }

    // The dialog asked for from the console, in French, then the banner in Dutch.
    await page.getByRole('button', { name: fr['preview.dialog'], exact: true }).click();
    await started();
    await visitor.dialog.waitFor();
    await screenshot(preview, 'console-preview-dialog');
    await page.getByRole('button', { name: fr['preview.banner'], exact: true }).click();
    await page.getByLabel(fr['preview.language']).selectOption('nl');
    await started();
    const dutch = consentUI(framed, 'nl');
    await dutch.banner.getByRole('heading', { name: text('nl', 'banner.title') }).waitFor();
    expect(await (await frame()).evaluate(() => document.documentElement.lang)).toBe('nl');
    await screenshot(preview, 'console-preview-nl');
    await dutch.acceptAll.click();
    await dutch.banner.waitFor({ state: 'detached' });

    // A 375 px phone: the page inside is 375 px wide, and nothing overflows it.
    await page.getByRole('button', { name: fr['preview.phone'] }).click();
    await page.getByLabel(fr['preview.language']).selectOption('fr');
    await started();
    await visitor.banner.getByRole('heading', { name: title }).waitFor();
    expect(await (await frame()).evaluate(() => [innerWidth, document.documentElement.scrollWidth])).toEqual([
      375, 375,
    ]);
    await screenshot(preview, 'console-preview-375');
    await visitor.customize.click();
    await visitor.dialog.waitFor();
    await screenshot(preview, 'console-preview-dialog-375');
    await visitor.dialogAccept.click();
    await visitor.dialog.waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'site form with the preview at 375 px');

    // Nothing was recorded: no request reached the collector's API, its log kept its size, and the
    // console's own origin holds no consent store or cookie.
    const during = scenario.requests.slice(sent);
    expect(during.filter((r) => !r.startsWith('GET ') || r.includes('/v1/'))).toEqual([]);
    expect((await exportedEntries(collector, token, DEMO.site)).length).toBe(entries);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain(
      'consent-ledger',
    );
    expect(await page.evaluate(() => document.cookie)).not.toContain('cl_consent');
    expect(complaints).toEqual([]);

    // axe inside the frame, on the banner and on the dialog, last: axe reads the stand-in page's
    // stylesheet itself, which the frame's connect-src 'none' refuses (and reports).
    await restart();
    expect(await axeViolations(await frame(), ['#consent-ledger'])).toEqual([]);
    await visitor.customize.click();
    await visitor.dialog.waitFor();
    expect(await axeViolations(await frame(), ['#consent-ledger'])).toEqual([]);
  });
});
