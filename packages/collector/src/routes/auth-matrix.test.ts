// Every audit and admin route x { no token, garbage, revoked, expired, auditor and admin of another site,
// auditor and admin of the site }. Admins read the audit routes; auditors never reach an admin route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureJson } from '../testing';
import { issueToken } from '../tokens';
import { type AuditFixture, auditFixture } from './audit-fixture';

type Kind = 'none' | 'garbage' | 'revoked' | 'expired' | 'otherAuditor' | 'otherAdmin' | 'auditor' | 'admin';

interface RouteCase {
  name: string;
  method: string;
  path: string | ((f: AuditFixture) => Promise<string>);
  /** The body sent with a token the route takes; the others send an invalid one, which auth must refuse first. */
  body?: (f: AuditFixture) => unknown;
  /** Audit routes (`read`) take auditor and admin tokens; admin routes (`write`) admin tokens only. */
  access: 'read' | 'write';
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
  { name: 'sites', method: 'GET', path: '/v1/audit/sites', access: 'read', otherSite: 200, right: 200 },
  { name: 'subject history', method: 'GET', path: SUBJECT_PATH, access: 'read', otherSite: 403, right: 200 },
  {
    name: 'search',
    method: 'GET',
    path: '/v1/audit/sites/clikodoc/receipts',
    access: 'read',
    otherSite: 403,
    right: 200,
  },
  {
    name: 'export',
    method: 'GET',
    path: '/v1/audit/sites/clikodoc/export',
    access: 'read',
    otherSite: 403,
    right: 200,
  },
  {
    name: 'stats',
    method: 'GET',
    path: '/v1/audit/sites/clikodoc/stats?interval=week',
    access: 'read',
    otherSite: 403,
    right: 200,
  },
  {
    name: 'put site',
    method: 'PUT',
    path: '/v1/admin/sites/clikodoc',
    body: () => ({ ...(fixtureJson('clikodoc') as object), revision: 2 }),
    access: 'write',
    otherSite: 403,
    right: 200,
  },
  { name: 'get site', method: 'GET', path: '/v1/admin/sites/clikodoc', access: 'write', otherSite: 403, right: 200 },
  { name: 'list sites', method: 'GET', path: '/v1/admin/sites', access: 'write', otherSite: 200, right: 200 },
  {
    name: 'site revisions',
    method: 'GET',
    path: '/v1/admin/sites/clikodoc/revisions',
    access: 'write',
    otherSite: 403,
    right: 200,
  },
  {
    name: 'create token',
    method: 'POST',
    path: '/v1/admin/tokens',
    body: () => ({ role: 'auditor', sites: ['clikodoc'] }),
    access: 'write',
    otherSite: 403,
    right: 201,
  },
  { name: 'list tokens', method: 'GET', path: '/v1/admin/tokens', access: 'write', otherSite: 200, right: 200 },
  {
    name: 'revoke token',
    method: 'DELETE',
    path: async (f) =>
      `/v1/admin/tokens/${(await issueToken(f.store, { role: 'auditor', sites: ['clikodoc'] }, '2026-12-01T00:00:00.000Z')).id}`,
    access: 'write',
    otherSite: 404,
    right: 200,
  },
  // Last: it deletes the site.
  {
    name: 'delete site',
    method: 'DELETE',
    path: '/v1/admin/sites/clikodoc',
    access: 'write',
    otherSite: 403,
    right: 200,
  },
];

const KINDS: Kind[] = ['none', 'garbage', 'revoked', 'expired', 'otherAuditor', 'otherAdmin', 'auditor', 'admin'];

/** What each kind of token gets from a route: auth answers first, the route only for the tokens it takes. */
function expected(route: RouteCase): Record<Kind, number> {
  const reads = route.access === 'read';
  return {
    none: 401,
    garbage: 401,
    revoked: 401,
    expired: 401,
    // The role is checked before the site: an auditor of another site is refused for its role on admin routes.
    otherAuditor: reads ? route.otherSite : 403,
    otherAdmin: route.otherSite,
    auditor: reads ? route.right : 403,
    admin: route.right,
  };
}

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

  const tokenFor = (kind: Kind): string | undefined =>
    ({
      none: undefined,
      garbage: 'clt_not-a-token',
      revoked: f.tokens.revoked,
      expired: f.tokens.expired,
      otherAuditor: f.tokens.otherAuditor,
      otherAdmin: f.tokens.otherAdmin,
      auditor: f.tokens.auditor,
      admin: f.tokens.admin,
    })[kind];

  for (const route of ROUTES) {
    it(`${route.method} ${route.name}`, async () => {
      const want = expected(route);
      const statuses: Partial<Record<Kind, number>> = {};
      const codes: Partial<Record<Kind, string>> = {};
      for (const kind of KINDS) {
        const path = typeof route.path === 'string' ? route.path : await route.path(f);
        const init: RequestInit = { method: route.method };
        if (route.body) {
          init.headers = { 'Content-Type': 'application/json' };
          // A token the route takes sends a valid body, so that what refuses it is its site; every other one an
          // invalid body, which auth must refuse first.
          init.body = want[kind] < 400 || kind === 'otherAdmin' ? JSON.stringify(route.body(f)) : '{ not json';
        }
        const res = await f.call(path, tokenFor(kind), init);
        statuses[kind] = res.status;
        if (res.status >= 400) codes[kind] = ((await res.json()) as { error: { code: string } }).error.code;
        else await res.arrayBuffer();
      }
      expect(statuses).toEqual(want);
      for (const kind of KINDS) {
        if (want[kind] === 401)
          expect([kind, codes[kind]]).toEqual([kind, kind === 'expired' ? 'token-expired' : 'unauthorized']);
        if (want[kind] === 403) expect([kind, codes[kind]]).toEqual([kind, 'forbidden']);
      }
    });
  }

  it('a malformed Authorization header is 401 too', async () => {
    for (const header of ['Basic abc', 'Bearer', 'Bearer two words', `bearer ${f.tokens.auditor}`]) {
      const res = await f.collector.app.request('/v1/audit/sites/clikodoc/receipts', {
        headers: { Authorization: header },
      });
      expect(res.status, header).toBe(401);
    }
  });

  it('an admin token reads what an auditor token of the same sites reads, no more', async () => {
    const sitesOf = async (token: string) =>
      ((await (await f.call('/v1/audit/sites', token)).json()) as { sites: Array<{ site: string }> }).sites.map(
        (s) => s.site,
      );
    expect(await sitesOf(f.tokens.admin)).toEqual(await sitesOf(f.tokens.auditor));
    expect(await sitesOf(f.tokens.admin)).toEqual(['clikodoc']);
    expect(await sitesOf(f.tokens.rootAdmin)).toEqual(['clickcare', 'clikodoc']);
    const search = async (token: string) =>
      (await f.call('/v1/audit/sites/clikodoc/receipts?order=desc', token)).json();
    expect(await search(f.tokens.admin)).toEqual(await search(f.tokens.auditor));
    const refused = await f.call('/v1/audit/sites/clikodoc/export', f.tokens.otherAdmin);
    expect([refused.status, ((await refused.json()) as { error: { message: string } }).error.message]).toEqual([
      403,
      'this token does not cover site "clikodoc"',
    ]);
  });

  it('an auditor token is refused on every admin route for its role, whatever its sites', async () => {
    const root = await issueToken(f.store, { role: 'auditor', sites: ['*'] }, '2026-12-01T00:00:00.000Z');
    for (const [method, path] of [
      ['PUT', '/v1/admin/sites/clickcare'],
      ['GET', '/v1/admin/sites/clickcare'],
      ['GET', '/v1/admin/sites'],
      ['GET', '/v1/admin/sites/clickcare/revisions'],
      ['DELETE', '/v1/admin/sites/clickcare'],
      ['POST', '/v1/admin/tokens'],
      ['GET', '/v1/admin/tokens'],
      ['DELETE', `/v1/admin/tokens/${root.id}`],
    ]) {
      const res = await f.call(path, root.token, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'PUT' || method === 'POST' ? '{}' : undefined,
      });
      expect([method, path, res.status, ((await res.json()) as { error: { message: string } }).error.message]).toEqual([
        method,
        path,
        403,
        'this route needs an admin token',
      ]);
    }
    expect((await f.store.getSite('clickcare'))?.deletedAt).toBeNull();
    expect((await f.store.listTokens()).find((t) => t.id === root.id)?.revokedAt).toBeNull();
  });

  it('a token for every site reaches any site, and lists every token', async () => {
    const res = await f.call('/v1/admin/sites/clickcare', f.tokens.rootAdmin);
    expect(res.status).toBe(200);
    const list = (await (await f.call('/v1/admin/tokens', f.tokens.rootAdmin)).json()) as {
      tokens: Array<{ sites: string[]; hash?: string }>;
    };
    expect(list.tokens.some((t) => t.sites.includes('clickcare'))).toBe(true);
    expect(list.tokens.every((t) => t.hash === undefined)).toBe(true);
    const scoped = (await (await f.call('/v1/admin/tokens', f.tokens.otherAdmin)).json()) as {
      tokens: Array<{ sites: string[] }>;
    };
    expect(scoped.tokens.every((t) => t.sites.every((s) => s === 'clickcare'))).toBe(true);
  });
});
