// Every JSON answer of the API, as the real app gives it, read with the protocol schema that
// /openapi.json publishes for it: its types must hold, and it may carry no field the schema does
// not describe (valibot's objects would let one pass silently).
import { createDpopProof } from '@consent-ledger/protocol';
import * as api from '@consent-ledger/protocol/api';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditFixture, auditFixture } from './routes/audit-fixture';

type AnySchema = v.GenericSchema & {
  type: string;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
  value?: AnySchema;
  options?: AnySchema[];
};

/** The paths of members `value` has that `schema` does not describe. */
function undescribed(schema: AnySchema, value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [];
  switch (schema.type) {
    case 'object':
    case 'strict_object': {
      const entries = schema.entries!;
      return Object.entries(value as object).flatMap(([key, member]) =>
        key in entries ? undescribed(entries[key], member, `${path}.${key}`) : [`${path}.${key}`],
      );
    }
    case 'array':
      return (value as unknown[]).flatMap((item, i) => undescribed(schema.item!, item, `${path}[${i}]`));
    case 'record':
      return Object.entries(value as object).flatMap(([key, member]) =>
        undescribed(schema.value!, member, `${path}.${key}`),
      );
    case 'nullable':
    case 'optional':
      return undescribed(schema.wrapped!, value, path);
    case 'union': {
      const fits = schema.options!.find((option) => v.is(option, value))!;
      return undescribed(fits, value, path);
    }
    default:
      return [];
  }
}

/** Reads a JSON answer with its schema: the parsed value, or the test fails naming what is wrong. */
async function answer<S extends v.GenericSchema>(schema: S, res: Response, status = 200): Promise<v.InferOutput<S>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await res.json();
  const parsed = v.safeParse(schema, body);
  expect(parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  expect(undescribed(schema as unknown as AnySchema, body)).toEqual([]);
  return parsed.output as v.InferOutput<S>;
}

describe('every answer is what protocol describes', () => {
  let f: AuditFixture;
  let subject: string;
  let receiptId: string;
  beforeEach(async () => {
    f = await auditFixture();
    const device = await f.device();
    const first = await device.receipt({ method: 'accept-all', choices: f.all('granted') });
    subject = first.payload.subject;
    receiptId = first.payload.id;
    await f.submit([first, await device.receipt({ method: 'withdraw', choices: f.all('denied') })]);
    await f.sequence();
    visitor = device;
  });
  afterEach(async () => {
    await f.dispose();
  });
  let visitor: Awaited<ReturnType<AuditFixture['device']>>;

  it('public routes: config, receipts, keys, health, proofs', async () => {
    await answer(api.ConfigAnswerSchema, await f.call('/v1/sites/clikodoc/config?lang=fr'));
    const receipt = await (await f.device()).receipt();
    await answer(api.ReceiptsAnswerSchema, await f.post([receipt.jws]), 201);
    await answer(api.ReceiptsAnswerSchema, await f.post([receipt.jws]), 200);
    await answer(api.ErrorBodySchema, await f.post({ receipts: [] }), 400);
    await answer(api.ErrorBodySchema, await f.post('{"receipts":["a",2]}'), 400);
    await answer(api.JwksSchema, await f.call('/v1/keys'));
    await answer(api.HealthAnswerSchema, await f.call('/healthz'));
    await answer(api.InclusionProofSchema, await f.call(`/v1/sites/clikodoc/log/proof/${receiptId}`));
    await answer(api.PendingSchema, await f.call(`/v1/sites/clikodoc/log/proof/${receipt.payload.id}`), 202);
    await answer(api.ConsistencyProofSchema, await f.call('/v1/sites/clikodoc/log/consistency?from=1'));
    await answer(api.ErrorBodySchema, await f.call('/v1/sites/nowhere/log/checkpoint'), 404);
  });

  it('audit routes: sites, history, search, stats, and the export header', async () => {
    const token = f.tokens.auditor;
    await answer(api.AuditSitesAnswerSchema, await f.call('/v1/audit/sites', token));
    const history = await answer(
      api.SubjectHistorySchema,
      await f.call(`/v1/audit/sites/clikodoc/subjects/${subject}`, token),
    );
    expect(history.receipts).toHaveLength(2);
    const page = await answer(api.ReceiptSearchAnswerSchema, await f.call('/v1/audit/sites/clikodoc/receipts', token));
    expect(page.receipts).toHaveLength(2);
    await answer(api.StatsAnswerSchema, await f.call('/v1/audit/sites/clikodoc/stats?interval=week', token));
    const exported = await (await f.call('/v1/audit/sites/clikodoc/export', token)).text();
    const header = JSON.parse(exported.slice(0, exported.indexOf('\n')));
    expect(v.safeParse(api.ExportHeaderSchema, header).success).toBe(true);
    expect(undescribed(api.ExportHeaderSchema as unknown as AnySchema, header)).toEqual([]);
    const partial = await (await f.call('/v1/audit/sites/clikodoc/export?from=2020-01-01', token)).text();
    const partialHeader = JSON.parse(partial.slice(0, partial.indexOf('\n')));
    expect(v.safeParse(api.PartialExportHeaderSchema, partialHeader).success).toBe(true);
    await answer(api.ErrorBodySchema, await f.call('/v1/audit/sites/clikodoc/receipts?nope=1', token), 400);
    await answer(api.ErrorBodySchema, await f.call('/v1/audit/sites', 'clt_wrong'), 401);
  });

  it('admin routes: publish, read, delete a site; issue, list, revoke a token', async () => {
    const token = f.tokens.rootAdmin;
    const json = (body: unknown): RequestInit => ({
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const config = { ...f.config, revision: f.config.revision + 1 };
    await answer(api.PublishAnswerSchema, await f.call('/v1/admin/sites/clikodoc', token, json(config)));
    const invalid = await answer(
      api.ErrorBodySchema,
      await f.call('/v1/admin/sites/clikodoc', token, json({ ...config, revision: 'x' })),
      400,
    );
    expect(invalid.error.issues?.length).toBeGreaterThan(0);
    const lower = await answer(
      api.ErrorBodySchema,
      await f.call('/v1/admin/sites/clikodoc', token, json(f.config)),
      409,
    );
    expect(lower.error).toMatchObject({ code: 'revision-conflict', published: config.revision });
    await answer(api.SiteAnswerSchema, await f.call('/v1/admin/sites/clikodoc', token));
    await answer(api.AdminSitesAnswerSchema, await f.call('/v1/admin/sites', token));
    await answer(api.SiteRevisionsAnswerSchema, await f.call('/v1/admin/sites/clikodoc/revisions', token));
    const post = (body: unknown): RequestInit => ({ ...json(body), method: 'POST' });
    const issued = await answer(
      api.TokenIssuedSchema,
      await f.call('/v1/admin/tokens', token, post({ role: 'auditor', sites: ['clikodoc'] })),
      201,
    );
    await answer(api.ErrorBodySchema, await f.call('/v1/admin/tokens', token, post({ role: 'root', sites: [] })), 400);
    await answer(api.TokenListAnswerSchema, await f.call('/v1/admin/tokens', token));
    await answer(
      api.TokenRevokedAnswerSchema,
      await f.call(`/v1/admin/tokens/${issued.id}`, token, { method: 'DELETE' }),
    );
    await answer(api.SiteDeletedAnswerSchema, await f.call('/v1/admin/sites/clickcare', token, { method: 'DELETE' }));
  });

  it("a visitor's routes: own receipts, erasure", async () => {
    const call = async (method: string, path: string) => {
      const url = `http://localhost${path}`;
      const proof = await createDpopProof({ htm: method, htu: url, device: visitor.keys });
      return f.collector.app.request(url, { method, headers: { DPoP: proof } });
    };
    const mine = await answer(api.VisitorReceiptsAnswerSchema, await call('GET', `/v1/subjects/${subject}/receipts`));
    expect(mine.sites[0].receipts).toHaveLength(2);
    await answer(api.ErasureAnswerSchema, await call('DELETE', `/v1/subjects/${subject}`));
  });
});
