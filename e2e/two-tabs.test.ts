// Scenario 12: two tabs of one browser choose one right after the other: the subject's receipts
// form one chain in the log, and no 409 is left unresolved.
import { expect, test } from 'vitest';
import { readIdb } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, auditHistory, payloadOf } from './harness/ledger';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('12. two tabs choosing one after the other keep one chain, every receipt acknowledged', async () => {
  const s = await suite.scenario();
  const second = await s.context.newPage();
  const conflicts: string[] = [];
  s.context.on('response', (r) => r.url().endsWith('/v1/receipts') && r.status() === 409 && conflicts.push(r.url()));
  await Promise.all([openDemo(s.page, suite.collector), openDemo(second, suite.collector)]);
  const [a, b] = [consentUI(s.page), consentUI(second)];
  await Promise.all([a.banner.waitFor({ state: 'visible' }), b.banner.waitFor({ state: 'visible' })]);
  await a.acceptAll.click();
  // The other tab follows at once (it answers nothing twice), and the visitor changes their mind there
  // straight away, while the first receipt may still be being signed or sent.
  await b.banner.waitFor({ state: 'detached', timeout: 5_000 });
  await b.reopen.click();
  await b.dialogReject.click();

  const receipts = await acknowledged(s.page, DEMO.site, 2);
  expect(receipts.map((r) => r.status)).toEqual(['acknowledged', 'acknowledged']);
  const [first, next] = receipts.map((r) => payloadOf(r.jws));
  expect(first.prev).toBeNull();
  expect(next.prev).toBe(receipts[0].leafHash);
  expect(next.subject).toBe(first.subject);
  const token = await suite.collector.token('auditor', [DEMO.site]);
  const history = await auditHistory(suite.collector, token, DEMO.site, first.subject);
  expect(history.receipts.map((r) => r.jws)).toEqual(receipts.map((r) => r.jws));

  // The chain keeps the order of the choices, so the log ends where the visitor did: everything refused,
  // as the device itself remembers.
  const decision = await readIdb<{ choices: Record<string, string> }>(second, `decision:${DEMO.site}`);
  expect(decision!.choices).toEqual({ analytics: 'denied', marketing: 'denied', maps: 'denied', audiovideo: 'denied' });
  expect([first.method, next.method], 'chain order').toEqual(['accept-all', 'reject-all']);
  expect(history.current).toEqual(decision!.choices);
  console.log(`scenario 12: ${conflicts.length} 409 answer(s) on the way, all resolved`);
});
