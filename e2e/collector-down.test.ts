// Scenario 8: the collector is down while the visitor chooses. The choice applies at once; once
// the collector is back and the page reloads, the receipt is in the log exactly once. Twice: with the
// signing code (consent-sync, served by the collector) already loaded, the receipt waits signed in the
// outbox; without it, the choice is stored owing its receipt, which the next page signs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { eventually, readIdb, type Scenario } from './harness/browser';
import { DEMO, openDemo, standIns } from './harness/demo';
import { acknowledged, exportedEntries, payloadOf, storedReceipts } from './harness/ledger';
import { gatedEmbeds, gatedScripts } from './harness/page-facts';
import { ROOT } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

/** Opens the demo, takes the collector down, accepts all: the choice applies at once, without it. */
async function acceptWhileDown(s: Scenario) {
  const ui = consentUI(s.page);
  await suite.collector.halt();
  // The site's own server stays up: its files (the tags' stand-ins) are still served.
  await s.context.route(`${suite.collector.origin}/vendor/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = await readFile(join(ROOT, 'apps/demo/public', path));
    await route.fulfill({ body, contentType: path.endsWith('.js') ? 'text/javascript' : 'text/html' });
  });
  const clickedAt = Date.now();
  await ui.acceptAll.click();

  await ui.banner.waitFor({ state: 'detached', timeout: 2_000 });
  await ui.reopen.waitFor({ state: 'visible', timeout: 2_000 });
  expect((await gatedEmbeds(s.page)).every((e) => e.src === e.dataSrc)).toBe(true);
  // An inline tag is started only once the external ones before it have loaded (document order), and
  // those come from the site's own server: wait for that, not for the collector.
  await eventually(
    'every gated script started',
    async () => (await gatedScripts(s.page)).every((g) => !g.inert),
    3_000,
  );
  await eventually(
    'the tags ran',
    async () => {
      const { ran } = await standIns(s.page);
      return ran.includes('gtag') && ran.includes('linkedin');
    },
    3_000,
  );
  return clickedAt;
}

/** Brings the collector back, reloads: the one receipt of the choice is acknowledged, and logged once. */
async function backUp(s: Scenario) {
  const ui = consentUI(s.page);
  const token = await suite.collector.token('auditor', [DEMO.site]);
  await suite.collector.resume();
  await s.context.unroute(`${suite.collector.origin}/vendor/**`);
  await s.page.reload({ waitUntil: 'load' });
  const [sent] = await acknowledged(s.page, DEMO.site, 1);
  expect(payloadOf(sent.jws).method).toBe('accept-all');
  expect(await ui.banner.count()).toBe(0);

  const logged = await eventually('the receipt in the export', async () => {
    const entries = (await exportedEntries(suite.collector, token, DEMO.site)).filter(
      (e) => e.kind === 'receipt' && payloadOf(e.jws!).id === sent.id,
    );
    return entries.length > 0 && entries;
  });
  expect(logged).toHaveLength(1);
  expect(logged[0].ack).toBe(sent.ack!.jws);
  // Reloading again sends nothing new: the visitor's receipt stays logged once.
  await s.page.reload({ waitUntil: 'load' });
  await s.page.waitForLoadState('networkidle');
  const { subject } = payloadOf(sent.jws);
  const theirs = (await exportedEntries(suite.collector, token, DEMO.site)).filter(
    (e) => e.kind === 'receipt' && payloadOf(e.jws!).subject === subject,
  );
  expect(theirs).toHaveLength(1);
  return sent;
}

test('8. collector down during the choice: applied locally at once, logged exactly once after it is back', async () => {
  const s = await suite.scenario();
  await openDemo(s.page, suite.collector);
  await consentUI(s.page).banner.waitFor({ state: 'visible' });
  // The signing code arrives when the page is idle, before the collector goes down.
  await eventually('consent-sync loaded', async () => s.requests.some((r) => /\/consent-sync\.\w+\.js$/.test(r)));
  await s.page.waitForLoadState('networkidle');

  await acceptWhileDown(s);
  // The choice applies first; its receipt is signed into the outbox just after.
  const [pending] = await eventually('the receipt signed, waiting in the outbox', async () => {
    const list = await storedReceipts(s.page, DEMO.site);
    return list.length > 0 && list;
  });
  expect(pending.status).toBe('pending');
  expect(payloadOf(pending.jws).method).toBe('accept-all');

  const sent = await backUp(s);
  expect(sent.id).toBe(pending.id);
});

test('8b. collector down before the signing code came: the choice is kept owing its receipt, signed and logged once after', async () => {
  const s = await suite.scenario();
  await s.context.route('**/consent-sync.*.js', (route) => route.abort('connectionrefused'));
  await openDemo(s.page, suite.collector);
  await consentUI(s.page).banner.waitFor({ state: 'visible' });

  const clickedAt = await acceptWhileDown(s);
  expect(await storedReceipts(s.page, DEMO.site)).toEqual([]);
  const stored = await readIdb<{ choices: Record<string, string>; owed?: { method: string; issuedAt: string } }>(
    s.page,
    `decision:${DEMO.site}`,
  );
  expect(stored?.choices.analytics).toBe('granted');
  expect(stored?.owed?.method).toBe('accept-all');

  await s.context.unroute('**/consent-sync.*.js');
  const sent = await backUp(s);
  // Signed on the next page, it says when the choice was made.
  const issuedAt = Date.parse(payloadOf(sent.jws).issuedAt);
  expect(issuedAt).toBeGreaterThanOrEqual(clickedAt - 1_000);
  expect(issuedAt).toBeLessThan(clickedAt + 2_000);
  expect((await readIdb<{ owed?: unknown }>(s.page, `decision:${DEMO.site}`))?.owed).toBeUndefined();
});
