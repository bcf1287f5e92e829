import type { AdminSitesAnswer, SiteRevisionsAnswer } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureJson } from '../testing';
import { type AuditFixture, auditFixture } from './audit-fixture';

describe('admin routes', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  const put = (site: string, body: unknown, token = f.tokens.rootAdmin) =>
    f.call(`/v1/admin/sites/${site}`, token, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('publishes a new site (201), a new revision with its notices (200), and refuses invalid configs with their issues', async () => {
    const config = fixtureJson('cabinet-praticien') as { site: string; revision: number };
    const created = await put(config.site, config);
    expect(created.status).toBe(201);
    const first = (await created.json()) as { appended: unknown[] };
    expect(first.appended.length).toBeGreaterThan(0);
    const same = (await (await put(config.site, config)).json()) as { appended: unknown[] };
    expect(same.appended).toEqual([]);
    const next = await put(config.site, { ...config, revision: config.revision + 1 });
    expect(next.status).toBe(200);
    expect(
      ((await next.json()) as { appended: Array<{ revision: number }> }).appended.every(
        (n) => n.revision === config.revision + 1,
      ),
    ).toBe(true);
    const invalid = await put(config.site, { ...config, colour: 'red', revision: 0 });
    expect(invalid.status).toBe(400);
    const error = ((await invalid.json()) as { error: { code: string; issues: Array<{ path: string }> } }).error;
    expect(error.code).toBe('invalid-config');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['colour', 'revision']);
    expect((await put('elsewhere', config)).status).toBe(400);
    const wrongType = await f.call(`/v1/admin/sites/${config.site}`, f.tokens.rootAdmin, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
  });

  it('refuses a changed notice at the same revision and any lower revision with 409, naming the fix', async () => {
    const config = fixtureJson('cabinet-praticien') as { site: string; revision: number; purposes: object };
    expect((await put(config.site, config)).status).toBe(201);
    const added = { ...config, purposes: { ...config.purposes, marketing: {} } };
    const refused = await put(config.site, added);
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as {
      error: { code: string; message: string; published: number; lowest: number; changed: string[] };
    };
    expect(error).toMatchObject({
      code: 'revision-conflict',
      published: config.revision,
      lowest: config.revision + 1,
      changed: ['fr'],
    });
    expect(error.message).toContain(`publish it as revision ${config.revision + 1}`);
    // Nothing of the refused config was stored or logged.
    const stored = (await (await f.call(`/v1/admin/sites/${config.site}`, f.tokens.rootAdmin)).json()) as {
      site: { config: { purposes: object } };
    };
    expect(Object.keys(stored.site.config.purposes)).not.toContain('marketing');
    const bumped = await put(config.site, { ...added, revision: config.revision + 1 });
    expect(bumped.status).toBe(200);
    const lower = await put(config.site, config);
    expect(lower.status).toBe(409);
    expect(((await lower.json()) as { error: { message: string } }).error.message).toMatch(
      new RegExp(`^revision ${config.revision} is lower than the published revision ${config.revision + 1}`),
    );
  });

  it('answers two publications at once one after the other: the second sees the first', async () => {
    const config = fixtureJson('cabinet-praticien') as { site: string; revision: number; purposes: object };
    expect((await put(config.site, config)).status).toBe(201);
    const a = { ...config, purposes: { ...config.purposes, marketing: {} } };
    const b = { ...config, name: 'Another name' };
    const statuses = await Promise.all([put(config.site, a), put(config.site, b)]).then((r) => r.map((x) => x.status));
    expect(statuses).toEqual([409, 409]);
    const both = await Promise.all([
      put(config.site, { ...a, revision: config.revision + 1 }),
      put(config.site, { ...b, revision: config.revision + 1 }),
    ]);
    // The first raises the revision; the second, at that same revision with other texts, is refused.
    expect(both.map((r) => r.status)).toEqual([200, 409]);
  });

  it('deletes a site: receipts refused, its log still readable to auditors', async () => {
    const device = await f.device();
    await f.submit([await device.receipt()]);
    await f.sequence();
    const deleted = await f.call('/v1/admin/sites/clikodoc', f.tokens.admin, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await f.call('/v1/admin/sites/clikodoc', f.tokens.admin, { method: 'DELETE' })).status).toBe(404);
    expect(
      (
        (await (await f.call('/v1/admin/sites/clikodoc', f.tokens.admin)).json()) as {
          site: { deletedAt: string | null };
        }
      ).site.deletedAt,
    ).not.toBeNull();
    // From an origin only the deleted site listed, the origin filter refuses; from one a live site still lists, the site check does.
    const refused = await f.post([(await device.receipt()).jws]);
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      'origin-not-allowed',
    ]);
    const shared = await f.post([(await device.receipt({ page: 'http://localhost:8080/' })).jws], {
      Origin: 'http://localhost:8080',
    });
    expect([shared.status, ((await shared.json()) as { error: { code: string } }).error.code]).toEqual([
      422,
      'unknown-site',
    ]);
    expect((await f.call('/v1/audit/sites/clikodoc/receipts', f.tokens.auditor)).status).toBe(200);
    expect((await f.call('/v1/audit/sites/clikodoc/export', f.tokens.auditor)).status).toBe(200);
  });

  it('lists the sites the token administers with what they ask and their receipts of the last 30 days', async () => {
    const visitor = await f.device();
    await f.submit([await visitor.receipt({ method: 'accept-all', choices: f.all('granted') })]);
    await f.submit([await visitor.receipt({ method: 'withdraw', choices: f.all('denied') })]);
    const sites = async (token: string) =>
      ((await (await f.call('/v1/admin/sites', token)).json()) as AdminSitesAnswer).sites;
    const [clikodoc] = await sites(f.tokens.admin);
    const config = fixtureJson('clikodoc') as {
      name: string;
      revision: number;
      languages: string[];
      purposes: object;
      services: Array<{ name: string }>;
    };
    expect(clikodoc).toEqual({
      site: 'clikodoc',
      name: config.name,
      revision: config.revision,
      languages: config.languages,
      purposes: Object.keys(config.purposes),
      purposeTitles: { support: 'Assistance en ligne' },
      services: config.services.map((s) => s.name),
      publishedAt: (await f.store.getSite('clikodoc'))!.updatedAt,
      deletedAt: null,
      receipts30Days: 2,
    });
    expect((await sites(f.tokens.rootAdmin)).map((s) => [s.site, s.receipts30Days])).toEqual([
      ['clickcare', 0],
      ['clikodoc', 2],
    ]);
    expect((await sites(f.tokens.otherAdmin)).map((s) => s.site)).toEqual(['clickcare']);
    // 31 days on, those receipts are no longer recent.
    f.setClock(Date.now() + 31 * 86_400_000);
    expect((await sites(f.tokens.admin))[0].receipts30Days).toBe(0);
  });

  it("lists a site's revisions newest first with the notices each logged, decoded", async () => {
    const config = fixtureJson('clikodoc') as { site: string; revision: number; purposes: Record<string, object> };
    const next = {
      ...config,
      revision: config.revision + 1,
      purposes: { ...config.purposes, analytics: { description: { fr: 'Mesure d’audience, hébergée dans l’UE.' } } },
    };
    expect((await put(config.site, next, f.tokens.admin)).status).toBe(200);
    const res = await f.call('/v1/admin/sites/clikodoc/revisions', f.tokens.admin);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { site, revisions } = (await res.json()) as SiteRevisionsAnswer;
    expect(site).toBe('clikodoc');
    expect(revisions.map((r) => r.revision)).toEqual([config.revision + 1, config.revision]);
    // A notice names its revision: every language is logged again, French with the new text.
    expect(revisions[0].notices.map((n) => n.language)).toEqual(revisions[1].notices.map((n) => n.language));
    const french = revisions[0].notices.find((n) => n.language === 'fr')!;
    const analytics = french.notice!.purposes.find((p) => p.id === 'analytics')!;
    expect(analytics.description).toBe('Mesure d’audience, hébergée dans l’UE.');
    expect(revisions[1].notices.every((n) => n.notice?.revision === config.revision && n.jws !== null)).toBe(true);
    expect(revisions[0].publishedAt >= revisions[1].publishedAt).toBe(true);
    expect((await f.call('/v1/admin/sites/nowhere/revisions', f.tokens.rootAdmin)).status).toBe(404);
  });

  it('issues a token shown once, lists it without secret, and revokes it', async () => {
    const created = await f.call('/v1/admin/tokens', f.tokens.admin, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'auditor', sites: ['clikodoc'] }),
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token).toMatch(/^clt_[A-Za-z0-9_-]{43}$/);
    expect((await f.call('/v1/audit/sites/clikodoc/stats', token)).status).toBe(200);
    const listed = await (await f.call('/v1/admin/tokens', f.tokens.admin)).text();
    expect(listed).toContain(id);
    expect(listed).not.toContain(token);
    expect(listed).not.toContain('"hash"');
    expect((await f.call(`/v1/admin/tokens/${id}`, f.tokens.admin, { method: 'DELETE' })).status).toBe(200);
    expect((await f.call(`/v1/admin/tokens/${id}`, f.tokens.admin, { method: 'DELETE' })).status).toBe(404);
    expect((await f.call('/v1/audit/sites/clikodoc/stats', token)).status).toBe(401);
    for (const body of [
      { role: 'owner', sites: ['clikodoc'] },
      { role: 'auditor', sites: [] },
      { role: 'auditor', sites: ['Bad Site'] },
      { role: 'auditor', sites: ['clikodoc'], extra: 1 },
    ]) {
      const res = await f.call('/v1/admin/tokens', f.tokens.admin, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const wildcard = await f.call('/v1/admin/tokens', f.tokens.admin, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'admin', sites: ['*'] }),
    });
    expect(wildcard.status).toBe(403);
  });

  it('issues tokens that expire: 401 token-expired once past, never outliving the admin token that issued them', async () => {
    await f.dispose();
    let now = Date.parse('2026-12-06T10:00:00.000Z');
    f = await auditFixture({ clock: () => now });
    const issue = (token: string, body: Record<string, unknown>) =>
      f.call('/v1/admin/tokens', token, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'admin', sites: ['clikodoc'], ...body }),
      });
    const created = await issue(f.tokens.admin, { expiresAt: '2026-12-06T12:00:00+01:00' });
    expect(created.status).toBe(201);
    const admin = (await created.json()) as { id: string; token: string; expiresAt: string };
    expect(admin.expiresAt).toBe('2026-12-06T11:00:00.000Z');
    const listed = (await (await f.call('/v1/admin/tokens', f.tokens.admin)).json()) as {
      tokens: Array<{ id: string; expiresAt: string | null }>;
    };
    expect(listed.tokens.find((t) => t.id === admin.id)?.expiresAt).toBe('2026-12-06T11:00:00.000Z');
    // What it issues expires with it by default, and may not live longer.
    const child = (await (await issue(admin.token, { role: 'auditor' })).json()) as {
      token: string;
      expiresAt: string;
    };
    expect(child.expiresAt).toBe(admin.expiresAt);
    expect((await issue(admin.token, { expiresAt: '2026-12-06T11:00:01.000Z' })).status).toBe(403);
    for (const expiresAt of ['2026-12-06T09:59:59.000Z', 'tomorrow', '2026-13-01T00:00:00Z', 42]) {
      expect((await issue(f.tokens.admin, { expiresAt })).status, String(expiresAt)).toBe(400);
    }
    expect((await f.call('/v1/audit/sites/clikodoc/stats', child.token)).status).toBe(200);
    now = Date.parse(admin.expiresAt);
    for (const token of [admin.token, child.token]) {
      const refused = await f.call('/v1/audit/sites/clikodoc/stats', token);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('token-expired');
    }
    expect((await f.call('/v1/audit/sites/clikodoc/stats', f.tokens.admin)).status).toBe(200);
  });
});
