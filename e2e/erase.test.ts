// Issue 15, "Erase my data": a visitor erases this device's receipts from the history view. Nothing is
// erased before they confirm; then the collector has redacted every receipt of theirs with reason
// `erasure` (the auditor API, the export that `consent-ledger verify` accepts, the auditor UI say so),
// the device's history says "Effacé", and the banner asks again as on a first visit.
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { eventually, readIdb, screenshot } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, auditHistory, collectorKeys, payloadOf, storedReceipts } from './harness/ledger';
import { configDocument } from './harness/page-facts';
import { CLI } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('15 erase my data: confirmed in the history view, redacted by the collector, the banner asks again', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.click();
  await acknowledged(s.page, DEMO.site, 1);
  // Then analytics withdrawn: a second receipt (the page reloads, a granted script had run).
  await ui.reopen.click();
  const doc = await configDocument(suite.collector, DEMO.site);
  await ui.switchOf(doc.notice.purposes.find((p) => p.id === 'analytics')!.title).click();
  const reloaded = s.page.waitForEvent('load');
  await ui.save.click();
  await reloaded;
  const receipts = await acknowledged(s.page, DEMO.site, 2);
  const { subject } = payloadOf(receipts[0].jws);
  const auditor = await suite.collector.token('auditor', [DEMO.site]);
  expect((await auditHistory(suite.collector, auditor, DEMO.site, subject)).receipts).toHaveLength(2);

  await ui.reopen.click();
  await ui.historyLink.click();
  const erase = ui.dialog.getByRole('button', { name: ui.t('erase.button'), exact: true });
  await erase.click();
  // Asked first, the question read out (focused); Cancel erases nothing.
  const question = ui.dialog.getByText(ui.t('erase.confirm'));
  await question.waitFor();
  expect(await question.evaluate((p) => p === (p.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  await screenshot(s.page, 'erase-confirm');
  await ui.dialog.getByRole('button', { name: ui.t('erase.cancel'), exact: true }).click();
  await question.waitFor({ state: 'detached' });
  expect((await auditHistory(suite.collector, auditor, DEMO.site, subject)).receipts.map((r) => r.redacted)).toEqual([
    null,
    null,
  ]);

  await erase.click();
  await ui.dialog
    .locator('.ask')
    .getByRole('button', { name: ui.t('erase.button'), exact: true })
    .click();

  // The collector redacted both, for the visitor's own signed request.
  const history = await eventually('both receipts redacted', async () => {
    const h = await auditHistory(suite.collector, auditor, DEMO.site, subject);
    return h.receipts.every((r) => r.redacted) && h;
  });
  expect(history.receipts.map((r) => r.redacted?.reason)).toEqual(['erasure', 'erasure']);
  expect(history.receipts.map((r) => [r.jws, r.payload])).toEqual([
    [null, null],
    [null, null],
  ]);
  expect(history.receipts.map((r) => r.leafHash)).toEqual(receipts.map((r) => r.leafHash));

  // The device: its receipts say erased, its decision is gone, the banner is back (after the reload
  // the erasure caused, since analytics had been running) and stays on the next page.
  await eventually('the receipts marked erased on the device', async () =>
    (await storedReceipts(s.page, DEMO.site)).every((r) => (r.status as string) === 'erased'),
  );
  await ui.banner.waitFor();
  expect(await readIdb(s.page, `decision:${DEMO.site}`)).toBeUndefined();
  await s.page.reload({ waitUntil: 'load' });
  await ui.banner.waitFor();
  // The history stays within reach of a visitor asked again: Customise, then the history link.
  await ui.customize.click();
  await ui.historyLink.click();
  await ui.dialog.getByText(ui.t('history.erased')).first().waitFor();
  expect(await ui.dialog.getByText(ui.t('history.erased'), { exact: true }).count()).toBe(2);
  expect(await erase.count(), 'nothing left to erase').toBe(0);
  await screenshot(s.page, 'history-erased');

  // The export holds the redacted lines and the signed redaction entry; `consent-ledger verify` accepts it.
  const res = await suite.collector.fetch(`/v1/audit/sites/${DEMO.site}/export?format=ndjson`, {
    headers: { authorization: `Bearer ${auditor}` },
  });
  const ndjson = await res.text();
  const lines = ndjson
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l));
  const redacted = lines.filter((l) => l.redacted);
  expect(redacted.map((l) => [l.leafHash, l.redacted.reason])).toEqual(receipts.map((r) => [r.leafHash, 'erasure']));
  const statement = lines.find((l) => l.kind === 'redaction');
  expect(statement, 'a signed redaction entry').toBeDefined();
  const body = JSON.parse(Buffer.from(payloadPart(statement.jws), 'base64url').toString());
  expect(body).toMatchObject({ reason: 'erasure', request: { subject } });
  const dir = await mkdtemp(join(tmpdir(), 'cl-erase-'));
  await writeFile(join(dir, 'export.ndjson'), ndjson);
  await writeFile(join(dir, 'keys.json'), JSON.stringify(await collectorKeys(suite.collector)));
  const cli = spawnSync(
    process.execPath,
    [CLI, 'verify', join(dir, 'export.ndjson'), '--keys', join(dir, 'keys.json')],
    { encoding: 'utf8' },
  );
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);

  // The auditor UI shows the erasure on the subject's timeline.
  const page = await s.context.newPage();
  await page.goto(`${suite.collector.origin}/audit/`);
  await page.getByLabel(fr['signin.token']).fill(auditor);
  await page.getByRole('button', { name: fr['signin.submit'] }).click();
  await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
  await page.getByLabel(fr['subject.label'], { exact: true }).fill(subject);
  await page.getByRole('button', { name: fr['subject.show'] }).click();
  await page.getByText(fr['redaction.erasure']).first().waitFor();
  expect(await page.getByText(fr['redaction.erasure']).count()).toBe(2);
});

test('15 erase my data: a collector that cannot erase leaves everything as it was, and says so', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.rejectAll.click();
  await acknowledged(s.page, DEMO.site, 1);
  await s.page.route('**/v1/subjects/*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable"}}' }),
  );
  await ui.reopen.click();
  await ui.historyLink.click();
  await ui.dialog.getByRole('button', { name: ui.t('erase.button'), exact: true }).click();
  await ui.dialog
    .locator('.ask')
    .getByRole('button', { name: ui.t('erase.button'), exact: true })
    .click();
  await ui.dialog
    .getByRole('alert')
    .filter({ hasText: ui.t('erase.failed') })
    .waitFor();
  expect((await storedReceipts(s.page, DEMO.site)).map((r) => r.status)).toEqual(['acknowledged']);
  expect(await readIdb(s.page, `decision:${DEMO.site}`)).toBeDefined();
  expect(await ui.banner.count()).toBe(0);
});

const payloadPart = (jws: string): string => jws.split('.')[1];
