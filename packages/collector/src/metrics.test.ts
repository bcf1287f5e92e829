import { randomBytes } from 'node:crypto';
import { witnessVerifierKey } from '@consent-ledger/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from './app';
import type { LedgerStore } from './store/types';
import { Device, fixtureJson, tempStore, testCollectorKey } from './testing';
import { parseWitnessEndpoint } from './witness-client';

const SITE = 'clikodoc';
const T0 = Date.parse('2026-12-06T10:00:00.000Z');

/** A witness nobody runs: these collectors never submit, they only read what the store says. */
function witness(name: string) {
  const endpoint = parseWitnessEndpoint(`${witnessVerifierKey(name, randomBytes(32))}=http://127.0.0.1:9`);
  if (!endpoint.ok) throw new Error(endpoint.error.message);
  return endpoint.value;
}

/** A sample's value in an exposition text, or undefined when the line is missing. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('witness metrics with several collectors on one store', () => {
  let temp: ReturnType<typeof tempStore> | undefined;
  afterEach(async () => {
    await temp?.dispose();
  });

  it('every collector reports how long each witness has left a checkpoint uncosigned, read from the store', async () => {
    temp = tempStore();
    let now = T0;
    const key = await testCollectorKey();
    const witnesses = [witness('w1.test/witness'), witness('w2.test/witness'), witness('w3.test/witness')];
    const collector = (store: LedgerStore) =>
      createCollector({
        store,
        key,
        clock: () => now,
        limits: { ratePerMinute: 0 },
        witnesses: { endpoints: witnesses, quorum: 1 },
        log: () => undefined,
      });
    // Two processes on one database: the one that integrates (and would submit), and another.
    const integrating = collector(temp.store);
    const other = collector(temp.reopen());
    const published = await integrating.publishSite(fixtureJson(SITE));
    if (!published.ok) throw new Error(published.error.message);
    const device = await Device.create(published.value.site.config);
    const checkpoints: Array<{ size: number; at: number }> = [];
    // A checkpoint at T0, T0 + 60 s and T0 + 120 s, each one receipt larger.
    for (let i = 0; i < 3; i++) {
      now = T0 + i * 60_000;
      if (i > 0) {
        const res = await integrating.app.request('/v1/receipts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: published.value.site.config.origins[0] },
          body: JSON.stringify({ receipts: [(await device.receipt()).jws] }),
        });
        expect(res.status).toBe(201);
      }
      await integrating.context.integrator.runOnce();
      checkpoints.push({ size: (await temp.store.latestCheckpoint(SITE))!.size, at: now });
    }
    // w1 cosigned the first checkpoint, w2 the latest, w3 none.
    const cosignature = (w: (typeof witnesses)[number], size: number) => ({
      site: SITE,
      size,
      witness: w.vkey,
      line: `— ${w.key.name} c2ln\n`,
      timestamp: T0 / 1000,
      receivedAt: new Date(now).toISOString(),
    });
    await temp.store.addCosignatures([
      cosignature(witnesses[0], checkpoints[0].size),
      cosignature(witnesses[1], checkpoints[2].size),
    ]);

    now = T0 + 300_000;
    // The witness families: the ingest counters are each process's own.
    const scrape = async (c: Collector) =>
      (await (await c.metricsApp.request('/metrics')).text())
        .split('\n')
        .filter((line) => line.includes('consent_ledger_witness_'))
        .join('\n');
    const texts = [await scrape(integrating), await scrape(other)];
    expect(texts[1]).toBe(texts[0]);
    const seconds = (w: (typeof witnesses)[number]) =>
      sample(texts[1], `consent_ledger_witness_seconds_behind{site="${SITE}",witness="${w.vkey}"}`);
    // Since the oldest checkpoint each one lacks was signed: w1 the second's, w3 the first's.
    expect(witnesses.map(seconds)).toEqual([(now - checkpoints[1].at) / 1000, 0, (now - checkpoints[0].at) / 1000]);
    expect(
      sample(texts[1], `consent_ledger_witness_failures_total{witness="${witnesses[0].vkey}",reason="unreachable"}`),
    ).toBe(0);
    await Promise.all([integrating.close(), other.close()]);
  });
});
