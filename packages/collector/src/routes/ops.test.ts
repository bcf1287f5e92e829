import { METHODS } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditFixture, auditFixture } from './audit-fixture';

describe('operations routes', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  it('describes in /openapi.json exactly the routes the app registers', async () => {
    const doc = (await (await f.collector.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = f.collector.app.routes
      .filter((r) => r.method !== 'ALL')
      // A parameter's pattern (`:file{...}`) is the parameter's schema, not part of the path.
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}')}`);
    expect([...new Set(described)].sort()).toEqual([...new Set(registered)].sort());
  });

  it('lists every receipt method in /openapi.json, the in-context prompt’s included', async () => {
    const text = await (await f.collector.app.request('/openapi.json')).text();
    const enums = [...text.matchAll(/"enum":(\[[^\]]*\])/g)].map((m) => JSON.parse(m[1]) as string[]);
    const methods = enums.filter((values) => values.includes('accept-all'));
    expect(methods.length).toBeGreaterThan(0);
    for (const values of methods) expect(values).toEqual([...METHODS]);
    expect(methods[0]).toContain('in-context');
  });

  it('exposes on the metrics app alone receipts accepted and refused, ingest latency, entries per site and checkpoint age', async () => {
    await f.submit([await (await f.device()).receipt()]);
    await f.post('not json');
    await f.sequence();
    // Not beside the public API: it names every site and its volumes.
    const publicAnswer = await f.collector.app.request('/metrics');
    expect([publicAnswer.status, ((await publicAnswer.json()) as { error: { code: string } }).error.code]).toEqual([
      404,
      'not-found',
    ]);
    const res = await f.collector.metricsApp.request('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    expect(text).toContain('consent_ledger_receipts_accepted_total{site="clikodoc"} 1');
    expect(text).toContain('consent_ledger_receipts_refused_total{code="malformed"} 1');
    expect(text).toContain('consent_ledger_ingest_duration_seconds_count 2');
    expect(text).toMatch(/consent_ledger_ingest_duration_seconds_bucket\{le="\+Inf"\} 2/);
    const size = (await f.store.listLogs()).find((l) => l.site === 'clikodoc')!.size;
    expect(text).toContain(`consent_ledger_log_entries{site="clikodoc"} ${size}`);
    expect(text).toMatch(/consent_ledger_seconds_since_last_checkpoint\{site="clikodoc"\} \d/);
    // Every sample line is `name{labels} value`, as the exposition format asks.
    for (const line of text
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#')))
      expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$/);
  });
});
