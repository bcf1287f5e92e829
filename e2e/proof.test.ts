// Scenario 13: the visitor's "Download my proof" file verifies offline with protocol's checks
// (the ones `consent-ledger verify` runs), against the collector's keys fetched independently.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProofDocument } from '@consent-ledger/protocol';
import { expect, test } from 'vitest';
import { screenshot } from './harness/browser';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, collectorKeys, proofFileFailures, verifiedInclusion } from './harness/ledger';
import { CLI } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

test('13. "Download my proof" gives a file whose receipts, chain, acks and inclusion proofs all verify', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.click();
  await ui.reopen.click();
  await ui.dialogReject.click();
  const receipts = await acknowledged(s.page, DEMO.site, 2);
  for (const r of receipts) await verifiedInclusion(suite.collector, DEMO.site, r.id, r.jws);

  await ui.reopen.click();
  await ui.historyLink.click();
  await ui.download.waitFor({ state: 'visible' });
  await screenshot(s.page, 'history');
  const [download] = await Promise.all([s.page.waitForEvent('download'), ui.download.click()]);
  expect(download.suggestedFilename()).toMatch(/^consent-proof-demo-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as ProofDocument;

  const trusted = await collectorKeys(suite.collector);
  expect(file.keys).toEqual(trusted);
  // What the demo README tells a visitor to run: the CLI accepts the very file saved (exit 0).
  const keysFile = join(dirname((await download.path())!), 'keys.json');
  await writeFile(keysFile, JSON.stringify(trusted));
  const cli = spawnSync(process.execPath, [CLI, 'verify', (await download.path())!, '--keys', keysFile], {
    encoding: 'utf8',
  });
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);
  expect(cli.stdout).toContain("file: signed as a whole by the subject's device (format 2)");
  expect(cli.stdout).toContain('OK: every signature, ack and inclusion proof holds');
  expect(file.receipts.map((r) => r.jws)).toEqual(receipts.map((r) => r.jws));
  expect(await proofFileFailures(file, trusted)).toEqual([]);

  // The same checks refuse a file altered after the fact.
  const [one, two] = file.receipts;
  const flipped = one.jws.slice(0, -2) + (one.jws.at(-2) === 'A' ? 'B' : 'A') + one.jws.at(-1);
  expect(await proofFileFailures({ ...file, receipts: [{ ...one, jws: flipped }, two] }, trusted)).not.toEqual([]);
  expect(await proofFileFailures({ ...file, receipts: [two] }, trusted)).not.toEqual([]);
  expect(await proofFileFailures(file, { keys: [] })).not.toEqual([]);
});
