// Scenario 8: the collector is down while the visitor chooses. The choice applies at once; once
// the collector is back and the page reloads, the receipt is in the log exactly once.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, openDemo, standIns } from './harness/demo';
import { acknowledged, exportedEntries, payloadOf, storedReceipts } from './harness/ledger';
import { gatedEmbeds, gatedScripts } from './harness/page-facts';
import { ROOT } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('8. collector down during the choice: applied locally at once, logged exactly once after it is back', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const token = await suite.collector.token('auditor', [DEMO.site]);
  await openDemo(s.page, suite.collector);
  await ui.banner.waitFor({ state: 'visible' });

  await suite.collector.halt();
  // The site's own server stays up: its files (the tags' stand-ins) are still served.
  await s.context.route(`${suite.collector.origin}/vendor/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = await readFile(join(ROOT, 'apps/demo/public', path));
    await route.fulfill({ body, contentType: path.endsWith('.js') ? 'text/javascript' : 'text/html' });
  });
  await ui.acceptAll.click();

  await ui.banner.waitFor({ state: 'detached', timeout: 2_000 });
  await ui.reopen.waitFor({ state: 'visible', timeout: 2_000 });
  expect((await gatedScripts(s.page)).every((g) => !g.inert)).toBe(true);
  expect((await gatedEmbeds(s.page)).every((e) => e.src === e.dataSrc)).toBe(true);
  await eventually(
    'the tags ran',
    async () => {
      const { ran } = await standIns(s.page);
      return ran.includes('gtag') && ran.includes('linkedin');
    },
    3_000,
  );
  const [pending] = await storedReceipts(s.page, DEMO.site);
  expect(pending.status).toBe('pending');
  expect(payloadOf(pending.jws).method).toBe('accept-all');

  await suite.collector.resume();
  await s.context.unroute(`${suite.collector.origin}/vendor/**`);
  await s.page.reload({ waitUntil: 'load' });
  const [sent] = await acknowledged(s.page, DEMO.site, 1);
  expect(sent.id).toBe(pending.id);
  expect(await ui.banner.count()).toBe(0);

  const logged = await eventually('the receipt in the export', async () => {
    const entries = (await exportedEntries(suite.collector, token, DEMO.site)).filter(
      (e) => e.kind === 'receipt' && payloadOf(e.jws!).id === pending.id,
    );
    return entries.length > 0 && entries;
  });
  expect(logged).toHaveLength(1);
  expect(logged[0].ack).toBe(sent.ack!.jws);
  // Reloading again sends nothing new: the receipt stays logged once.
  await s.page.reload({ waitUntil: 'load' });
  await s.page.waitForLoadState('networkidle');
  expect((await exportedEntries(suite.collector, token, DEMO.site)).filter((e) => e.kind === 'receipt')).toHaveLength(
    1,
  );
});
