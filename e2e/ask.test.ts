// Issue 15, "Just-in-time consent": the demo's teleconsultation button asks for audio and video when
// the visitor starts the call (ConsentLedger.ask), in the real Chromium against the real collector.
// Not now: nothing loads, the question is not put again on that page view, and the refusal is in the
// log (method in-context). Allow, by keyboard alone: the video room loads, focus returns to the
// button, and the grant is in the log. axe finds nothing to fault in the prompt.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { axeViolations } from './harness/axe';
import { eventually, screenshot } from './harness/browser';
import { DEMO, openDemo, standIns } from './harness/demo';
import { acknowledged, auditHistory, payloadOf } from './harness/ledger';
import { configDocument } from './harness/page-facts';
import { useSuite } from './harness/suite';
import { consentUI, focused, tabUntil } from './harness/ui';

const suite = useSuite();
const START = 'Démarrer la téléconsultation';

/** What the page's call status says, and whether the video room was loaded (its stand-in ran, its iframe has a src). */
const callState = (page: Page) =>
  page.evaluate(() => ({
    status: document.getElementById('call-status')?.textContent ?? '',
    videoRan: ((window as unknown as { __ran?: string[] }).__ran ?? []).includes('video'),
    videoSrc: document.querySelector('iframe[data-consent="audiovideo"]')?.getAttribute('src') ?? null,
  }));

/** The page's status messages (data-started, data-declined). */
const messages = (page: Page) =>
  page.evaluate(() => {
    const status = document.getElementById('call-status')!;
    return { started: status.dataset.started!, declined: status.dataset.declined! };
  });

/** The methods and audiovideo choices of a subject's receipts, as the auditor API answers them. */
async function logged(site: string, jws: string) {
  const auditor = await suite.collector.token('auditor', [site]);
  const history = await auditHistory(suite.collector, auditor, site, payloadOf(jws).subject);
  return history.receipts.map((r) => [r.payload?.method, r.payload?.choices.audiovideo]);
}

test('15 ask(): Not now loads nothing, is not asked again on this page view, and is logged in-context', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const doc = await configDocument(suite.collector, DEMO.site);
  await openDemo(s.page, suite.collector);
  await ui.rejectAll.click();
  await acknowledged(s.page, DEMO.site, 1);

  const start = s.page.getByRole('button', { name: START, exact: true });
  await start.click();
  const prompt = s.page.getByRole('dialog', { name: doc.notice.purposes.find((p) => p.id === 'audiovideo')!.title });
  await prompt.waitFor({ state: 'visible' });
  expect(await prompt.textContent()).toContain('Pour démarrer votre téléconsultation avec le Dr Martin.');
  expect(await prompt.textContent()).toContain(ui.t('ask.text'));
  expect(await prompt.textContent()).toContain('Twilio Video');
  expect(await axeViolations(s.page, ['#consent-ledger']), 'axe on the prompt').toEqual([]);
  // Equal weight: the two answers are drawn alike.
  const look = (name: string) =>
    prompt.getByRole('button', { name, exact: true }).evaluate((b) => {
      const c = getComputedStyle(b);
      return [c.backgroundColor, c.color, c.fontWeight, c.fontSize, b.getBoundingClientRect().height];
    });
  expect(await look(ui.t('ask.allow'))).toEqual(await look(ui.t('ask.decline')));
  await screenshot(s.page, 'ask-prompt');

  await prompt.getByRole('button', { name: ui.t('ask.decline'), exact: true }).click();
  await prompt.waitFor({ state: 'detached' });
  const { declined } = await messages(s.page);
  await eventually('the page told it did not start', async () => (await callState(s.page)).status === declined);
  const receipts = await acknowledged(s.page, DEMO.site, 2);
  expect(receipts.map((r) => [payloadOf(r.jws).method, payloadOf(r.jws).choices.audiovideo])).toEqual([
    ['reject-all', 'denied'],
    ['in-context', 'denied'],
  ]);

  // A second click on this page view: answered at once, without a question.
  await s.page.evaluate(() => {
    document.getElementById('call-status')!.textContent = '';
  });
  await start.click();
  await eventually('the second click answered', async () => (await callState(s.page)).status === declined);
  expect(await s.page.getByRole('dialog').count()).toBe(0);
  expect(await callState(s.page)).toMatchObject({ videoRan: false, videoSrc: null });
  expect((await standIns(s.page)).ran).not.toContain('video');
  expect(await logged(DEMO.site, receipts[0].jws)).toEqual([
    ['reject-all', 'denied'],
    ['in-context', 'denied'],
  ]);
});

test('15 ask() by keyboard alone: Escape is Not now; on the next page view Allow loads the video room, focus back on the button', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.banner.waitFor({ state: 'visible' });
  await tabUntil(s.page, (f) => f.within === 'banner' && f.name === ui.t('banner.rejectAll'), 'Tab', 10);
  await s.page.keyboard.press('Enter');
  await acknowledged(s.page, DEMO.site, 1);

  const toStart = () => tabUntil(s.page, (f) => f.within === 'page' && f.name === START, 'Tab', 40);
  await toStart();
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  expect(await focused(s.page)).toMatchObject({ within: 'dialog', role: 'dialog' });
  await s.page.keyboard.press('Escape');
  await ui.dialog.waitFor({ state: 'detached' });
  expect(await focused(s.page)).toMatchObject({ within: 'page', name: START });
  const { started, declined } = await messages(s.page);
  await eventually('declined', async () => (await callState(s.page)).status === declined);
  await acknowledged(s.page, DEMO.site, 2);

  // The next page view may ask again.
  await s.page.reload({ waitUntil: 'load' });
  await ui.reopen.waitFor({ state: 'visible' });
  await toStart();
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  expect(await focused(s.page)).toMatchObject({ within: 'dialog', role: 'dialog' });
  // Tab stays in the prompt: the provider's policy, Allow, Not now, and round again.
  const stops = await tabUntil(s.page, (f) => f.name === ui.t('ask.allow'), 'Tab', 5);
  expect(stops.every((f) => f.within === 'dialog')).toBe(true);
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'detached' });
  expect(await focused(s.page)).toMatchObject({ within: 'page', name: START });
  await eventually('the video room loaded', async () => {
    const state = await callState(s.page);
    return state.status === started && state.videoRan && state.videoSrc?.startsWith('vendor/video.html');
  });
  expect(await s.page.locator('[data-consent-placeholder="audiovideo"]').count()).toBe(0);
  const receipts = await acknowledged(s.page, DEMO.site, 3);
  expect(receipts.map((r) => [payloadOf(r.jws).method, payloadOf(r.jws).choices])).toEqual([
    ['reject-all', { analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'denied' }],
    ['in-context', { analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'denied' }],
    ['in-context', { analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'granted' }],
  ]);
  expect(await logged(DEMO.site, receipts[0].jws)).toEqual([
    ['reject-all', 'denied'],
    ['in-context', 'denied'],
    ['in-context', 'granted'],
  ]);

  // Granted now: another click starts the call at once, with no question and no receipt.
  await s.page.evaluate(() => {
    document.getElementById('call-status')!.textContent = '';
  });
  await s.page.keyboard.press('Enter');
  await eventually('answered at once', async () => (await callState(s.page)).status === started);
  expect(await s.page.getByRole('dialog').count()).toBe(0);
  expect((await acknowledged(s.page, DEMO.site, 3)).length).toBe(3);
});
