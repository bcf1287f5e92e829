// The console's API client (apps/auditor's api.ts) against the real collector app: every call the
// auditor UI makes, its paths, queries and token, read back with protocol's wire schemas, so a
// changed route or answer fails here and not only in the browser tests.
import { type Api, createApi, listSites } from '@consent-ledger/auditor/api';
import { issueToken } from '@consent-ledger/collector';
import { Device, testCollector } from '@consent-ledger/collector/testing';
import { parseCheckpoint } from '@consent-ledger/protocol';
import * as api from '@consent-ledger/protocol/api';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepRequestHeaders } from './harness';

const BASE = 'https://consent.example.org';

describe('the console against the real collector', () => {
  let h: Awaited<ReturnType<typeof testCollector>>;
  let token: string;
  let client: Api;
  /** The collector app behind the console's fetch, as the browser would reach it. */
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => h.collector.app.request(String(input), init);

  beforeEach(async () => {
    keepRequestHeaders();
    h = await testCollector({ site: 'clikodoc' });
    token = (await issueToken(h.store, { role: 'auditor', sites: ['clikodoc'] }, new Date().toISOString())).token;
    client = createApi({ base: BASE, token, site: 'clikodoc', fetch });
  });
  afterEach(async () => {
    await h.dispose();
  });

  /** Posts a device's grant then withdrawal of analytics; returns the receipts' ids and the device's subject. */
  async function visit() {
    const device = await Device.create(h.config);
    const purposes = Object.keys(h.config.purposes);
    const all = (state: 'granted' | 'denied') => Object.fromEntries(purposes.map((p) => [p, state]));
    const granted = await device.receipt({ method: 'accept-all', choices: all('granted') });
    const withdrawn = await device.receipt({ method: 'save', choices: { ...all('granted'), analytics: 'denied' } });
    const res = await h.post([granted.jws, withdrawn.jws]);
    expect(res.status).toBe(201);
    return { ids: [granted.payload.id, withdrawn.payload.id], subject: granted.payload.subject };
  }

  it("lists the token's sites, and reads a wrong token's refusal as the collector's error code", async () => {
    const sites = await listSites({ base: BASE, token, fetch });
    expect(sites.ok && sites.value.map((s) => s.site)).toEqual(['clikodoc']);
    if (sites.ok) v.parse(api.AuditSiteSchema, sites.value[0]);
    const refused = await listSites({ base: BASE, token: 'clt_nope', fetch });
    expect(refused).toMatchObject({ ok: false, status: 401 });
    const other = await createApi({ base: BASE, token, site: 'clickcare', fetch }).search({});
    expect(other).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
  });

  it('searches, filters and pages receipts, reads a subject history and the stats', async () => {
    const { ids, subject } = await visit();
    const found = await client.search({});
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const page = v.parse(api.ReceiptSearchAnswerSchema, found.value);
    // Newest first, as the search view lists them.
    expect(page.receipts.map((r) => r.id)).toEqual([...ids].reverse());
    const denied = await client.search({ purpose: 'analytics', state: 'denied', method: 'save' });
    expect(denied.ok && denied.value.receipts.map((r) => r.id)).toEqual([ids[1]]);
    const paged = await client.search({}, 1);
    expect(paged.ok && [paged.value.receipts.length, typeof paged.value.nextCursor]).toEqual([1, 'string']);

    const history = await client.history(subject);
    expect(history.ok).toBe(true);
    if (history.ok) {
      const parsed = v.parse(api.SubjectHistorySchema, history.value);
      expect(parsed.receipts.map((r) => r.id)).toEqual(ids);
      expect(parsed.current.analytics).toBe('denied');
    }
    const unknown = await client.history('A'.repeat(43));
    expect(unknown).toMatchObject({ ok: false, status: 404 });

    const stats = await client.stats({ interval: 'week' });
    expect(stats.ok).toBe(true);
    if (stats.ok) {
      const parsed = v.parse(api.StatsAnswerSchema, stats.value);
      expect([parsed.interval, parsed.total.receipts, parsed.total.purposes.analytics.withdrawn]).toEqual([
        'week',
        2,
        1,
      ]);
    }
    const badRange = await client.stats({ from: 'yesterday' });
    expect(badRange).toMatchObject({ ok: false, status: 400 });
  });

  it("checks the log as the console does: checkpoint and when it was signed, proofs, keys, the site's notice", async () => {
    const { ids } = await visit();
    expect(await client.proof(ids[0])).toEqual({ ok: true, value: null });
    await h.collector.context.integrator.runOnce();

    const checkpoint = await client.checkpoint();
    expect(checkpoint.ok).toBe(true);
    if (!checkpoint.ok) return;
    expect(checkpoint.value.signedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const parsed = parseCheckpoint(checkpoint.value.note);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    const proof = await client.proof(ids[1]);
    expect(proof.ok && proof.value).toBeTruthy();
    if (proof.ok && proof.value) {
      const bundle = v.parse(api.InclusionProofSchema, proof.value);
      expect(bundle.treeSize).toBe(parsed.value.size);
    }
    const consistency = await client.consistency(1, parsed.value.size);
    expect(consistency.ok).toBe(true);
    if (consistency.ok) v.parse(api.ConsistencyProofSchema, consistency.value);
    expect(await client.proof('nope')).toMatchObject({ ok: false, status: 404, error: { code: 'unknown-entry' } });

    const keys = await client.keys();
    expect(keys.ok && keys.value.keys.map((k) => k.kid)).toContain(h.key.kid);
    const config = await client.config('en');
    expect(config.ok && v.parse(api.ConfigAnswerSchema, config.value).language).toBe('en');
  });

  it('streams an export whose header is the protocol ExportHeader', async () => {
    await visit();
    await h.collector.context.integrator.runOnce();
    const res = await client.exportResponse({});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const [header, ...lines] = (await res.value.text()).trim().split('\n');
    expect(v.parse(api.ExportHeaderSchema, JSON.parse(header)).site).toBe('clikodoc');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const csv = await client.exportResponse({ format: 'csv' });
    expect(csv.ok && csv.value.headers.get('content-type')).toMatch(/^text\/csv/);
  });
});
