// Scenario 12: two tabs of one browser choose one right after the other: the subject's receipts
// form one chain in the log, and no 409 is left unresolved.
import { expect, test } from 'vitest';
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
  // No waiting in between: the second choice is signed while the first may still be in flight.
  await a.acceptAll.click();
  await b.rejectAll.click();

  const receipts = await acknowledged(s.page, DEMO.site, 2);
  expect(receipts.map((r) => r.status)).toEqual(['acknowledged', 'acknowledged']);
  const [first, next] = receipts.map((r) => payloadOf(r.jws));
  expect(first.method).toBe('accept-all');
  expect(next.method).toBe('reject-all');
  expect(first.prev).toBeNull();
  expect(next.prev).toBe(receipts[0].leafHash);
  expect(next.subject).toBe(first.subject);

  const token = await suite.collector.token('auditor', [DEMO.site]);
  const history = await auditHistory(suite.collector, token, DEMO.site, first.subject);
  expect(history.receipts.map((r) => r.jws)).toEqual(receipts.map((r) => r.jws));
  expect(history.current.analytics).toBe('denied');
  console.log(`scenario 12: ${conflicts.length} 409 answer(s) on the way, all resolved`);
});
