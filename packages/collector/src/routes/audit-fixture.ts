// Test fixture of the audit, admin and visitor route tests: a collector with two fixture sites,
// tokens of every kind, and helpers to sign receipts chains and call routes with a token.
import type { VerifiedReceipt } from '@consent-ledger/protocol';
import { collectorJwks } from '../keys';
import { Device, fixtureJson, testCollector } from '../testing';
import { issueToken } from '../tokens';

/** Builds the fixture; call `dispose` after each test. */
export async function auditFixture(
  options: {
    clock?: () => number;
    publicUrl?: string | string[];
    limits?: NonNullable<Parameters<typeof testCollector>[0]>['limits'];
  } = {},
) {
  // The real time unless a test sets it (setClock) or brings its own clock.
  let fixed: number | undefined;
  const t = await testCollector({ site: 'clikodoc', clock: () => fixed ?? Date.now(), ...options });
  const other = await t.collector.publishSite(fixtureJson('clickcare'));
  if (!other.ok) throw new Error(other.error.message);
  const at = '2026-12-01T00:00:00.000Z';
  const issue = async (role: 'auditor' | 'admin', sites: string[]) =>
    (await issueToken(t.store, { role, sites }, at)).token;
  const revokedIssued = await issueToken(t.store, { role: 'auditor', sites: ['clikodoc'] }, at);
  await t.store.revokeToken(revokedIssued.id, at);
  const tokens = {
    auditor: await issue('auditor', ['clikodoc']),
    otherAuditor: await issue('auditor', ['clickcare']),
    admin: await issue('admin', ['clikodoc']),
    otherAdmin: await issue('admin', ['clickcare']),
    rootAdmin: await issue('admin', ['*']),
    revoked: revokedIssued.token,
    /** An admin token of every site that expired a second after it was issued. */
    expired: (await issueToken(t.store, { role: 'admin', sites: ['*'], expiresAt: '2026-12-01T00:00:01.000Z' }, at))
      .token,
  };
  const purposes = Object.keys(t.config.purposes);
  const all = (state: 'granted' | 'denied') => Object.fromEntries(purposes.map((p) => [p, state]));

  /** POSTs receipts, failing the test on a refusal. */
  async function submit(receipts: VerifiedReceipt[]): Promise<string[]> {
    const res = await t.post(receipts.map((r) => r.jws));
    if (res.status !== 201 && res.status !== 200) throw new Error(`ingest refused: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { acks: string[] }).acks;
  }

  /** A GET (or other method) with a bearer token. */
  function call(path: string, token?: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
    return t.collector.app.request(path, { ...init, headers });
  }

  return {
    ...t,
    tokens,
    purposes,
    all,
    submit,
    call,
    jwks: collectorJwks(t.key),
    /** What exports are signed with, as the audit route signs them. */
    signer: { keys: collectorJwks(t.key), key: t.key },
    device: () => Device.create(t.config),
    /** Sets the collector's clock (epoch ms) from now on. */
    setClock: (at: number) => {
      fixed = at;
    },
    /** Integrates everything pending (a checkpoint covers every entry after this). */
    sequence: () => t.collector.context.integrator.runOnce(),
  };
}

export type AuditFixture = Awaited<ReturnType<typeof auditFixture>>;
