// Scenario 7: Global Privacy Control (navigator.globalPrivacyControl and Sec-GPC: 1) turns
// marketing off by default, and the decision it causes is recorded with method `gpc`.
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, EMBED_TRACES, openDemo, standIns } from './harness/demo';
import { acknowledged, auditHistory, payloadOf, verifiedInclusion } from './harness/ledger';
import { configDocument, purposeCookies } from './harness/page-facts';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('7. GPC: a gpc receipt denies marketing at once, its switch is off, and "Accept all" still leaves it off', async () => {
  const s = await suite.scenario({ gpc: true });
  const ui = consentUI(s.page);
  const doc = await configDocument(suite.collector, DEMO.site);
  const marketing = doc.notice.purposes.find((p) => p.id === 'marketing')!;
  let gpcHeader: string | undefined;
  s.page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/consent.js')) gpcHeader = r.headers()['sec-gpc'];
  });
  await openDemo(s.page, suite.collector);
  expect(
    await s.page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl),
  ).toBe(true);
  expect(gpcHeader).toBe('1');

  // The signal is recorded on arrival; the banner still asks about the other purposes.
  const [signal] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(signal.jws)).toMatchObject({
    method: 'gpc',
    choices: { analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'denied' },
  });
  await ui.banner.waitFor({ state: 'visible' });

  await ui.customize.click();
  await ui.dialog.waitFor({ state: 'visible' });
  expect(await ui.switchOf(marketing.title).getAttribute('aria-checked')).toBe('false');
  await expect.poll(() => ui.dialog.getByText(ui.t('dialog.gpc')).count()).toBe(1);
  await ui.dialogAccept.click();

  const [, accepted] = await acknowledged(s.page, DEMO.site, 2);
  const payload = payloadOf(accepted.jws);
  expect(payload).toMatchObject({
    method: 'accept-all',
    choices: { analytics: 'granted', marketing: 'denied', maps: 'granted', audiovideo: 'granted' },
    prev: signal.leafHash,
  });
  await eventually('gtag ran', async () => (await standIns(s.page)).ran.includes('gtag'));
  // The granted frames load once the pass's scripts ran: a marketing tag started by mistake would have run by then
  // (waiting for the network to go idle flaked: new frames reset it).
  await eventually('the map and the video loaded', async () => {
    const { ran } = await standIns(s.page);
    return EMBED_TRACES.every((trace) => ran.includes(trace));
  });
  expect((await standIns(s.page)).ran).not.toContain('linkedin');
  expect(await purposeCookies(s.context, doc, ['marketing'])).toEqual([]);

  await verifiedInclusion(suite.collector, DEMO.site, signal.id, signal.jws);
  const token = await suite.collector.token('auditor', [DEMO.site]);
  const history = await auditHistory(suite.collector, token, DEMO.site, payload.subject);
  expect(history.receipts.map((r) => r.payload?.method)).toEqual(['gpc', 'accept-all']);
  expect(history.current.marketing).toBe('denied');
});
