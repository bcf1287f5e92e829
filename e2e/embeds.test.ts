// Scenario 6: a blocked embed's placeholder: "Load this time" loads that embed only; "Always allow
// maps" grants maps; both are receipts with method `embed` in the log.
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, openDemo, standIns } from './harness/demo';
import { acknowledged, auditHistory, payloadOf, verifiedInclusion } from './harness/ledger';
import { configDocument, gatedEmbeds } from './harness/page-facts';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

const srcOf = async (page: Parameters<typeof gatedEmbeds>[0], purpose: string) =>
  (await gatedEmbeds(page)).find((e) => e.purpose === purpose)!.src;

test('6. a placeholder loads its embed this time only, or always; logged as embed-once and embed', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const doc = await configDocument(suite.collector, DEMO.site);
  const maps = doc.notice.purposes.find((p) => p.id === 'maps')!;
  await openDemo(s.page, suite.collector);
  const placeholder = ui.placeholder('maps');
  await placeholder.waitFor({ state: 'visible' });
  await expect.poll(() => ui.placeholder('audiovideo').count()).toBe(1);

  // The placeholder takes the embed's exact box, so loading it moves nothing around it.
  const box = (await placeholder.boundingBox())!;
  await ui.loadOnce(placeholder).click();
  await eventually('the map iframe loaded', async () => (await srcOf(s.page, 'maps')) !== '');
  const map = (await gatedEmbeds(s.page)).find((e) => e.purpose === 'maps')!;
  expect(map.src).toBe(map.dataSrc);
  const frameBox = (await s.page.locator('iframe[data-consent="maps"]').boundingBox())!;
  expect(Math.abs(frameBox.width - box.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(frameBox.height - box.height)).toBeLessThanOrEqual(1);
  expect(await srcOf(s.page, 'audiovideo'), 'the other embed stays blocked').toBe('');
  expect(await ui.placeholder('audiovideo').count()).toBe(1);
  await eventually('the map stand-in ran', async () => (await standIns(s.page)).ran.includes('maps'));
  expect((await standIns(s.page)).ran, 'no tag ran').toEqual(['maps']);
  const [once] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(once.jws)).toMatchObject({ method: 'embed-once', choices: { maps: 'denied' } });

  // "This time" only: the next page view blocks the map again.
  await s.page.reload({ waitUntil: 'load' });
  await placeholder.waitFor({ state: 'visible' });
  expect(await srcOf(s.page, 'maps')).toBe('');

  await ui.alwaysAllow(placeholder, maps.title).click();
  await eventually('the map iframe loaded', async () => (await srcOf(s.page, 'maps')) !== '');
  expect(await srcOf(s.page, 'audiovideo')).toBe('');
  const [, always] = await acknowledged(s.page, DEMO.site, 2);
  const payload = payloadOf(always.jws);
  expect(payload.method).toBe('embed');
  expect(payload.choices).toEqual({ analytics: 'denied', marketing: 'denied', maps: 'granted', audiovideo: 'denied' });
  expect(payload.prev).toBe(once.leafHash);

  await s.page.reload({ waitUntil: 'load' });
  await eventually('the granted map loads by itself', async () => (await srcOf(s.page, 'maps')) !== '');
  expect(await ui.placeholder('maps').count()).toBe(0);
  expect(s.blocked).toEqual([]);

  for (const r of [once, always]) await verifiedInclusion(suite.collector, DEMO.site, r.id, r.jws);
  const token = await suite.collector.token('auditor', [DEMO.site]);
  const history = await auditHistory(suite.collector, token, DEMO.site, payload.subject);
  expect(history.receipts.map((r) => r.payload?.method)).toEqual(['embed-once', 'embed']);
  expect(history.timeline.maps.map((p) => [p.grantedBy, p.withdrawnAt])).toEqual([['embed', null]]);
});
