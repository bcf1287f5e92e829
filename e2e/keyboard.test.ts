// Scenario 9: every flow with the keyboard only (Tab, Shift+Tab, Enter, Space, Escape): the banner
// first in tab order, focus trapped in the dialog and returned to its opener; axe-core finds no
// violation in the banner, the dialog, a placeholder or the history view.
import { expect, test } from 'vitest';
import { axeViolations } from './harness/axe';
import { eventually, screenshot } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, payloadOf, storedReceipts } from './harness/ledger';
import { configDocument, gatedEmbeds } from './harness/page-facts';
import { useSuite } from './harness/suite';
import { consentUI, type Focused, focused, tabUntil } from './harness/ui';

const suite = useSuite();
const UI = ['#consent-ledger'];

test('9a. banner and dialog by keyboard: tab order, trap, Space on switches, Escape, Enter to save; no axe violation', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const doc = await configDocument(suite.collector, DEMO.site);
  const title = (id: string) => doc.notice.purposes.find((p) => p.id === id)!.title;
  await openDemo(s.page, suite.collector);
  await ui.banner.waitFor({ state: 'visible' });
  expect(await axeViolations(s.page, UI), 'axe on the banner').toEqual([]);

  // The banner comes first in tab order: policy link, the three answers, then "continue without accepting".
  const stops = await tabUntil(s.page, (f) => f.within !== 'banner' && f.name !== '', 'Tab', 8).catch(() => null);
  const bannerStops = (stops ?? []).filter((f) => f.within === 'banner').map((f) => f.name);
  expect(bannerStops).toEqual([
    ui.t('banner.policy'),
    ui.t('banner.acceptAll'),
    ui.t('banner.rejectAll'),
    ui.t('banner.customize'),
    ui.t('banner.close'),
  ]);
  await tabUntil(s.page, (f) => f.name === ui.t('banner.customize'), 'Shift+Tab', 5);

  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  expect((await focused(s.page)).within).toBe('dialog');
  expect(await axeViolations(s.page, UI), 'axe on the dialog').toEqual([]);
  await screenshot(s.page, 'dialog');
  const trapped = async (key: string) => {
    const seen: Focused[] = [];
    for (let i = 0; i < 40; i++) {
      await s.page.keyboard.press(key);
      seen.push(await focused(s.page));
    }
    return seen;
  };
  const forward = await trapped('Tab');
  expect(
    forward.filter((f) => f.within !== 'dialog'),
    'Tab left the dialog',
  ).toEqual([]);
  // Forty presses went round: the first and the last controls were both reached.
  expect(forward.map((f) => f.name)).toEqual(expect.arrayContaining([ui.t('dialog.close'), ui.t('dialog.history')]));
  expect(
    (await trapped('Shift+Tab')).filter((f) => f.within !== 'dialog'),
    'Shift+Tab left the dialog',
  ).toEqual([]);

  // Space flips a switch; Escape closes without saving and gives focus back to "Customize".
  const analytics = await tabUntil(s.page, (f) => f.role === 'switch' && f.name === title('analytics'));
  expect(analytics.at(-1)!.checked).toBe('false');
  await s.page.keyboard.press('Space');
  expect((await focused(s.page)).checked).toBe('true');
  await s.page.keyboard.press('Escape');
  await ui.dialog.waitFor({ state: 'detached' });
  expect(await focused(s.page)).toMatchObject({ within: 'banner', name: ui.t('banner.customize') });
  expect(await storedReceipts(s.page, DEMO.site), 'Escape saved nothing').toEqual([]);

  // Again, this time grant maps with Space and save with Enter: focus lands on the re-open button.
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  await tabUntil(s.page, (f) => f.role === 'switch' && f.name === title('maps'));
  await s.page.keyboard.press('Space');
  await tabUntil(s.page, (f) => f.name === ui.t('dialog.save'));
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'detached' });
  const [saved] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(saved.jws)).toMatchObject({
    method: 'save',
    choices: { analytics: 'denied', marketing: 'denied', maps: 'granted', audiovideo: 'denied' },
  });
  await eventually('focus on the re-open button', async () => (await focused(s.page)).name === ui.t('reopen.label'));

  // The re-open button leads to the history view; Escape returns focus to it.
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  await tabUntil(s.page, (f) => f.name === ui.t('dialog.history'));
  await s.page.keyboard.press('Enter');
  await ui.dialog.getByRole('heading', { name: ui.t('history.title') }).waitFor({ state: 'visible' });
  await ui.download.waitFor({ state: 'visible' });
  expect((await focused(s.page)).within).toBe('dialog');
  expect(await axeViolations(s.page, UI), 'axe on the history view').toEqual([]);
  await s.page.keyboard.press('Escape');
  await ui.dialog.waitFor({ state: 'detached' });
  expect((await focused(s.page)).name).toBe(ui.t('reopen.label'));
});

test('9b. "Reject all" with Space, a placeholder, "Accept all" and withdrawal by keyboard; no axe violation in placeholders', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.placeholder('maps').waitFor({ state: 'visible' });
  expect(
    await axeViolations(s.page, ['[data-consent-placeholder="maps"]', '[data-consent-placeholder="audiovideo"]']),
    'axe on the placeholders',
  ).toEqual([]);

  await tabUntil(s.page, (f) => f.name === ui.t('banner.rejectAll'));
  await s.page.keyboard.press('Space');
  await ui.banner.waitFor({ state: 'detached' });
  const [rejected] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(rejected.jws).method).toBe('reject-all');
  await screenshot(ui.placeholder('maps'), 'placeholder');

  // The placeholder's buttons are in the page's tab order; Enter loads the embed and focus moves onto it.
  await tabUntil(s.page, (f) => f.within === 'placeholder' && f.name === ui.t('placeholder.loadOnce'));
  await s.page.keyboard.press('Enter');
  await eventually(
    'the map loaded',
    async () => (await gatedEmbeds(s.page)).find((e) => e.purpose === 'maps')!.src !== '',
  );
  // The placeholder is gone with its button: focus moves onto the embed instead of being lost.
  await eventually(
    'focus on the map',
    async () => (await s.page.evaluate(() => document.activeElement?.getAttribute('data-consent'))) === 'maps',
    3_000,
  );
  const [, once] = await acknowledged(s.page, DEMO.site, 2);
  expect(payloadOf(once.jws).method).toBe('embed-once');

  // Changing one's mind by keyboard too: the re-open button, "Accept all", then "Withdraw my consent".
  await tabUntil(s.page, (f) => f.name === ui.t('reopen.label'), 'Shift+Tab');
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  await tabUntil(s.page, (f) => f.name === ui.t('dialog.acceptAll'));
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'detached' });
  const [, , accepted] = await acknowledged(s.page, DEMO.site, 3);
  expect(payloadOf(accepted.jws).method).toBe('accept-all');
  await eventually(
    'focus back on the re-open button',
    async () => (await focused(s.page)).name === ui.t('reopen.label'),
  );
  await s.page.keyboard.press('Enter');
  await ui.dialog.waitFor({ state: 'visible' });
  await tabUntil(s.page, (f) => f.name === ui.t('dialog.history'));
  await s.page.keyboard.press('Enter');
  await tabUntil(s.page, (f) => f.name === ui.t('withdraw.button'));
  await s.page.keyboard.press('Enter');
  const [, , , withdrawn] = await acknowledged(s.page, DEMO.site, 4);
  expect(payloadOf(withdrawn.jws)).toMatchObject({
    method: 'withdraw',
    choices: { analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'denied' },
  });
});
