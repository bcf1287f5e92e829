// The auditor UI's witness alarm in Chromium against the real collector: a witness the auditor pinned
// cosigned a checkpoint of the log, then the operator restored an older copy of the database (a
// rollback) and the log went on from there. The witness's row must say the log was rewritten or
// rolled back, and why (in the UI's language), in the browser's own check (the witness's cosignature verified with the
// pinned key, the current checkpoint verified with the collector's, the sizes compared). Screenshot:
// e2e/screenshots/auditor-witness-rewritten.png (`pnpm screenshots` copies it to docs/).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendSignatures,
  type Choice,
  cosign,
  createReceipt,
  generateCollectorKey,
  generateDeviceKey,
  type WitnessStatusAnswer,
  witnessVerifierKey,
} from '@consent-ledger/protocol';
import { expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { eventually, screenshot } from './harness/browser';
import { expectNoAxeViolations, signIn } from './harness/console';
import type { Collector } from './harness/server';
import { useSuite } from './harness/suite';

const SITE = 'clikodoc';
const suite = useSuite();
const sizeOf = (note: string) => Number(note.split('\n')[1]);

/** A visitor's first receipt (accept all), sent as the SDK would; resolves once a checkpoint covers it. */
async function visit(collector: Collector): Promise<void> {
  const answer = await collector.fetch(`/v1/sites/${SITE}/config?lang=fr`);
  const { config, textHash } = (await answer.json()) as {
    config: { revision: number; purposes: Record<string, unknown> };
    textHash: string;
  };
  const choices = Object.fromEntries(Object.keys(config.purposes).map((p) => [p, 'granted' as Choice]));
  const receipt = await createReceipt(
    {
      site: SITE,
      method: 'accept-all',
      choices,
      revision: config.revision,
      language: 'fr',
      textHash,
      page: `${collector.origin}/`,
      prev: null,
    },
    await generateDeviceKey(),
  );
  const res = await collector.fetch('/v1/receipts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: collector.origin },
    body: JSON.stringify({ receipts: [receipt.jws] }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  await eventually(
    'a checkpoint covering the receipt',
    async () => (await collector.fetch(`/v1/sites/${SITE}/log/proof/${receipt.payload.id}`)).status === 200,
  );
}

/** The latest checkpoint as the collector serves it. */
const checkpoint = async (collector: Collector) => (await collector.fetch(`/v1/sites/${SITE}/log/checkpoint`)).text();

/** The ledger's files (the database, its WAL and shared memory when present). */
const ledgerFiles = (data: string) => ['ledger.db', 'ledger.db-wal', 'ledger.db-shm'].map((f) => join(data, f));

test("a pinned witness's row raises the alarm when the log was rolled back behind what it cosigned", async () => {
  const { collector } = suite;
  const pair = await generateCollectorKey();
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const witness = { name: 'witness.example/w1', privateKey: pair.privateKey, publicKey };
  const vkey = witnessVerifierKey(witness.name, publicKey);

  // The operator keeps a copy of the database...
  await visit(collector);
  await collector.halt();
  const backup = mkdtempSync(join(tmpdir(), 'cl-e2e-backup-'));
  try {
    for (const file of ledgerFiles(collector.data))
      if (existsSync(file)) copyFileSync(file, join(backup, file.slice(collector.data.length + 1)));
    await collector.resume();
    // ...visitors go on, and the witness cosigns the grown log (the signature a witness gives, made here with its key)...
    for (let i = 0; i < 3; i++) await visit(collector);
    const grown = await checkpoint(collector);
    const body = grown.slice(0, grown.indexOf('\n\n') + 1);
    const witnessed = appendSignatures(grown, [await cosign(body, witness, Math.floor(Date.now() / 1000) - 5)]);
    // ...then the operator restores the old copy, which has none of those receipts, and serves again.
    await collector.halt();
    for (const file of ledgerFiles(collector.data)) {
      rmSync(file, { force: true });
      const saved = join(backup, file.slice(collector.data.length + 1));
      if (existsSync(saved)) copyFileSync(saved, file);
    }
    await collector.resume();
    await visit(collector);
    const current = await checkpoint(collector);
    expect(sizeOf(current)).toBeLessThan(sizeOf(grown));

    const { page } = await suite.scenario({ context: { viewport: { width: 1280, height: 900 } } });
    // This collector runs without `serve --witness`; its witnesses route is answered as one asking this
    // witness would have kept it: the checkpoint the witness cosigned, with its cosignature. Everything
    // else (keys, checkpoint, consistency proofs) is the real collector's, and the browser checks it all.
    await page.route(`**/v1/sites/${SITE}/log/witnesses`, async (route) => {
      const real = (await (await route.fetch()).json()) as WitnessStatusAnswer;
      const row = { vkey, name: witness.name, cosignedSize: sizeOf(grown), behind: 0, checkpoint: witnessed };
      await route.fulfill({ json: { ...real, quorum: 1, witnesses: [row] } satisfies WitnessStatusAnswer });
    });
    await signIn(page, collector, await collector.token('auditor', [SITE]));
    await page.getByRole('navigation', { name: fr['nav.label'] }).getByRole('link', { name: fr['nav.log'] }).click();
    await page.getByLabel(fr['witness.key']).fill(vkey);
    await page.getByRole('button', { name: fr['witness.pin'] }).click();

    const row = page.locator(`[data-witness="${witness.name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('rewritten');
    const said = (await row.textContent()) ?? '';
    expect(said).toContain('Journal réécrit ou restauré à un état antérieur');
    expect(said).toContain(`à ${sizeOf(grown)} entrées`);
    // Why, in the auditor's language too: the log shrank below what the witness cosigned.
    expect(said).toContain(`(le journal est passé de ${sizeOf(grown)} à ${sizeOf(current)} entrées)`);
    expect(await page.locator('[data-quorum]').getAttribute('data-quorum')).toBe('not-met');
    await expectNoAxeViolations(page, 'witness alarm');
    await screenshot(page.locator('[data-witnesses]'), 'auditor-witness-rewritten');
  } finally {
    rmSync(backup, { recursive: true, force: true });
  }
});
