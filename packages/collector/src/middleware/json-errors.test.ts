import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditFixture, auditFixture } from '../routes/audit-fixture';

const SUBJECT = 'A'.repeat(43);
const sample = (path: string) =>
  path
    .replace(':site', 'clikodoc')
    .replace(':subject', SUBJECT)
    .replace(':id', 'x')
    .replace(/:file\{.*\}$/, 'consent.js');

describe('unrouted requests', () => {
  let f: AuditFixture;
  beforeAll(async () => {
    f = await auditFixture();
  });
  afterAll(async () => {
    await f.dispose();
  });

  /** The token a path's middleware asks for, so the request reaches routing. */
  const tokenOf = (path: string) =>
    path.startsWith('/v1/audit/') ? f.tokens.auditor : path.startsWith('/v1/admin/') ? f.tokens.rootAdmin : undefined;

  it('answers 405 with Allow, listing exactly the registered methods, on every route asked with another one', async () => {
    const routes = f.collector.app.routes.filter((r) => r.method !== 'ALL');
    const patterns = [...new Set(routes.map((r) => r.path))];
    expect(patterns.length).toBeGreaterThan(15);
    for (const pattern of patterns) {
      const registered = [...new Set(routes.filter((r) => r.path === pattern).map((r) => r.method))];
      const expected = [...registered, ...(registered.includes('GET') ? ['HEAD'] : [])].sort();
      const res = await f.call(sample(pattern), tokenOf(pattern), { method: 'PATCH' });
      expect(res.status, pattern).toBe(405);
      expect(res.headers.get('allow')!.split(', ').sort(), pattern).toEqual(expected);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method-not-allowed');
    }
  });

  it('orders Allow, and keeps auth before routing', async () => {
    const put = await f.call('/v1/receipts', undefined, { method: 'PUT' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'POST']);
    const keys = await f.call('/v1/keys', undefined, { method: 'DELETE' });
    expect([keys.status, keys.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(keys.headers.get('x-request-id')).toBeTruthy();
    const site = await f.call('/v1/admin/sites/clikodoc', f.tokens.rootAdmin, { method: 'POST' });
    expect([site.status, site.headers.get('allow')]).toEqual([405, 'GET, HEAD, PUT, DELETE']);
    // Without a token the admin route's auth answers first, whatever the method.
    expect((await f.call('/v1/admin/sites/clikodoc', undefined, { method: 'POST' })).status).toBe(401);
    // HEAD is served wherever GET is, and refused where only POST is.
    expect((await f.call('/v1/keys', undefined, { method: 'HEAD' })).status).toBe(200);
    const head = await f.call('/v1/receipts', undefined, { method: 'HEAD' });
    expect([head.status, head.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('stays 404 for an unknown path, and for a handler that finds nothing', async () => {
    const unknown = await f.call('/v1/nothing-here', undefined, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('allow')).toBeNull();
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not-found');
    const entry = await f.call('/v1/sites/clikodoc/log/proof/nope');
    expect(entry.status).toBe(404);
    expect(((await entry.json()) as { error: { code: string } }).error.code).toBe('unknown-entry');
  });
});
