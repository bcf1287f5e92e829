// Scenario 11: the site owner changes the config through the admin API (revision bumped): returning
// visitors are asked again, with their previous choices pre-filled. (Own file: it changes the site.)
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, payloadOf } from './harness/ledger';
import { configDocument } from './harness/page-facts';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('11. a revision bump brings the banner back with the previous choices pre-filled', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const before = await configDocument(suite.collector, DEMO.site);
  const title = (id: string) => before.notice.purposes.find((p) => p.id === id)!.title;
  await openDemo(s.page, suite.collector);
  await ui.customize.click();
  await ui.switchOf(title('maps')).click();
  await ui.switchOf(title('audiovideo')).click();
  await ui.save.click();
  const [first] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(first.jws)).toMatchObject({ method: 'save', revision: before.config.revision });
  await s.page.reload({ waitUntil: 'load' });
  await ui.reopen.waitFor({ state: 'visible' });
  expect(await ui.banner.count()).toBe(0);

  const admin = await suite.collector.token('admin', [DEMO.site]);
  const bumped = { ...before.config, revision: before.config.revision + 1 };
  const put = await suite.collector.fetch(`/v1/admin/sites/${DEMO.site}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(bumped),
  });
  expect(put.status, await put.clone().text()).toBe(200);
  expect((await configDocument(suite.collector, DEMO.site)).config.revision).toBe(bumped.revision);

  // The cached config applies first; its background revalidation brings the new revision.
  await eventually(
    'the banner back after the revision bump',
    async () => {
      await s.page.reload({ waitUntil: 'load' });
      return ui.banner.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true);
    },
    15_000,
  );
  await ui.customize.click();
  const checked = async (id: string) => ui.switchOf(title(id)).getAttribute('aria-checked');
  expect({
    analytics: await checked('analytics'),
    marketing: await checked('marketing'),
    maps: await checked('maps'),
    audiovideo: await checked('audiovideo'),
  }).toEqual({
    analytics: 'false',
    marketing: 'false',
    maps: 'true',
    audiovideo: 'true',
  });
  await ui.save.click();
  const [, second] = await acknowledged(s.page, DEMO.site, 2);
  expect(payloadOf(second.jws)).toMatchObject({
    method: 'save',
    revision: bumped.revision,
    choices: { analytics: 'denied', marketing: 'denied', maps: 'granted', audiovideo: 'granted' },
    prev: first.leafHash,
  });
});
