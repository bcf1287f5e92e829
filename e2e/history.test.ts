// The visitor's history view (issue 15): it names the visitor's pseudonymous identifier, the one an
// auditor asks for, right after the first choice and on every later page.
import { expect, test } from 'vitest';
import { screenshot } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, payloadOf } from './harness/ledger';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('15.2 the history view names the visitor identifier the receipts carry, at once and after a reload', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  // Issue 15, bug 5: no demo page asks for anything the server does not have (a favicon.ico, say).
  const missing: string[] = [];
  s.page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.click();
  const [receipt] = await acknowledged(s.page, DEMO.site, 1);
  const { subject } = payloadOf(receipt.jws);

  const identifier = ui.dialog.getByText(`${ui.t('history.subject')}:`);
  await ui.reopen.click();
  await ui.historyLink.click();
  await identifier.waitFor();
  expect(await identifier.textContent()).toContain(subject);

  await s.page.reload({ waitUntil: 'load' });
  await ui.reopen.click();
  await ui.historyLink.click();
  await identifier.waitFor();
  expect(await identifier.textContent()).toContain(subject);
  await screenshot(s.page, 'history');
  expect(missing).toEqual([]);
});
