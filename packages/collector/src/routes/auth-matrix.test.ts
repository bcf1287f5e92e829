// Every audit and admin route x { no token, garbage, revoked, other site, wrong role, right token }.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureJson } from '../testing';
import { issueToken } from '../tokens';
import { auditFixture, type AuditFixture } from './audit-fixture';

type Kind = 'none' | 'garbage' | 'revoked' | 'otherSite' | 'wrongRole' | 'right';

interface RouteCase {
  name: string;
  method: string;
  path: string | ((f: AuditFixture) => Promise<string>);
  /** The body sent with the right token; the other cases send an invalid one, which auth must refuse first. */
  body?: (f: AuditFixture) => unknown;
  role: 'auditor' | 'admin';
  /** How a token of another site fails: 403 for site routes; for site-less routes, what that route answers. */
  otherSite: number;
  right: number;
}

const SUBJECT_PATH = async (f: AuditFixture) => {
  const device = await f.device();
  const receipt = await device.receipt({ method: 'accept-all', choices: f.all('granted') });
  await f.submit([receipt]);
  return `/v1/audit/sites/clikodoc/subjects/${receipt.payload.subject}`;
};

const ROUTES: RouteCase[] = [
  { name: 'sites', method: 'GET', path: '/v1/audit/sites', role: 'auditor', otherSite: 200, right: 200 },
  { name: 'subject history', method: 'GET', path: SUBJECT_PATH, role: 'auditor', otherSite: 403, right: 200 },
  { name: 'search', method: 'GET', path: '/v1/audit/sites/clikodoc/receipts', role: 'auditor', otherSite: 403, right: 200 },
  { name: 'export', method: 'GET', path: '/v1/audit/sites/clikodoc/export', role: 'auditor', otherSite: 403, right: 200 },
  { name: 'stats', method: 'GET', path: '/v1/audit/sites/clikodoc/stats?interval=week', role: 'auditor', otherSite: 403, right: 200 },
  { name: 'put site', method: 'PUT', path: '/v1/admin/sites/clikodoc', body: () => ({ ...(fixtureJson('clikodoc') as object), revision: 2 }), role: 'admin', otherSite: 403, right: 200 },
  { name: 'get site', method: 'GET', path: '/v1/admin/sites/clikodoc', role: 'admin', otherSite: 403, right: 200 },
  { name: 'create token', method: 'POST', path: '/v1/admin/tokens', body: () => ({ role: 'auditor', sites: ['clikodoc'] }), role: 'admin', otherSite: 403, right: 201 },
  { name: 'list tokens', method: 'GET', path: '/v1/admin/tokens', role: 'admin', otherSite: 200, right: 200 },
  {
    name: 'revoke token',
    method: 'DELETE',
    path: async (f) => `/v1/admin/tokens/${(await issueToken(f.store, { role: 'auditor', sites: ['clikodoc'] }, '2026-12-01T00:00:00.000Z')).id}`,
    role: 'admin',
    otherSite: 404,
    right: 200,
  },
  // Last: it deletes the site.
  { name: 'delete site', method: 'DELETE', path: '/v1/admin/sites/clikodoc', role: 'admin', otherSite: 403, right: 200 },
];

const KINDS: Kind[] = ['none', 'garbage', 'revoked', 'otherSite', 'wrongRole', 'right'];

describe('auth matrix of the audit and admin routes', () => {
  let f: AuditFixture;
  beforeAll(async () => {
    f = await auditFixture();
    const device = await f.device();
    await f.submit([await device.receipt()]);
    await f.sequence();
  });
  afterAll(async () => {
    await f.dispose();
  });

  const tokenFor = (kind: Kind, role: 'auditor' | 'admin'): string | undefined => {
    switch (kind) {
      case 'none':
        return undefined;
      case 'garbage':
        return 'clt_not-a-token';
      case 'revoked':
        return f.tokens.revoked;
      case 'otherSite':
        return role === 'auditor' ? f.tokens.otherAuditor : f.tokens.otherAdmin;
      case 'wrongRole':
        return role === 'auditor' ? f.tokens.admin : f.tokens.auditor;
      case 'right':
        return role === 'auditor' ? f.tokens.auditor : f.tokens.admin;
    }
  };

  for (const route of ROUTES) {
    it(`${route.method} ${route.name}`, async () => {
      const statuses: Record<string, number> = {};
      const codes: Record<string, string> = {};
      for (const kind of KINDS) {
        const path = typeof route.path === 'string' ? route.path : await route.path(f);
        const init: RequestInit = { method: route.method };
        if (route.body) {
          init.headers = { 'Content-Type': 'application/json' };
          init.body = kind === 'right' ? JSON.stringify(route.body(f)) : '{ not json';
          // The other-site case of a site-less route gets a valid body: its site is what is refused.
          if (kind === 'otherSite') init.body = JSON.stringify(route.body(f));
        }
        const res = await f.call(path, tokenFor(kind, route.role), init);
        statuses[kind] = res.status;
        if (res.status >= 400) codes[kind] = ((await res.json()) as { error: { code: string } }).error.code;
        else await res.arrayBuffer();
      }
      expect(statuses).toEqual({ none: 401, garbage: 401, revoked: 401, otherSite: route.otherSite, wrongRole: 403, right: route.right });
      expect([codes.none, codes.garbage, codes.revoked, codes.wrongRole]).toEqual(['unauthorized', 'unauthorized', 'unauthorized', 'forbidden']);
    });
  }

  it('a malformed Authorization header is 401 too', async () => {
    for (const header of ['Basic abc', 'Bearer', 'Bearer two words', `bearer ${f.tokens.auditor}`]) {
      const res = await f.collector.app.request('/v1/audit/sites/clikodoc/receipts', { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });

  it('a token for every site reaches any site, and lists every token', async () => {
    const res = await f.call('/v1/admin/sites/clickcare', f.tokens.rootAdmin);
    expect(res.status).toBe(200);
    const list = (await (await f.call('/v1/admin/tokens', f.tokens.rootAdmin)).json()) as { tokens: Array<{ sites: string[]; hash?: string }> };
    expect(list.tokens.some((t) => t.sites.includes('clickcare'))).toBe(true);
    expect(list.tokens.every((t) => t.hash === undefined)).toBe(true);
    const scoped = (await (await f.call('/v1/admin/tokens', f.tokens.otherAdmin)).json()) as { tokens: Array<{ sites: string[] }> };
    expect(scoped.tokens.every((t) => t.sites.every((s) => s === 'clickcare'))).toBe(true);
  });
});
