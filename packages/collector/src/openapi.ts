// The OpenAPI 3.1 description of every collector route, generated from protocol's wire schemas (the
// ones the handlers' answers `satisfies` and requests are parsed with), so a field cannot drift from
// its description. routes/ops.test.ts compares the paths with the routes the app registers, and
// answers.test.ts checks real answers against the same schemas.

import * as api from '@consent-ledger/protocol/api';
import { type ConversionConfig, type JsonSchema, toJsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema';
import type * as v from 'valibot';

type Json = Record<string, unknown>;
type Schema = v.GenericSchema;

/** Answer shapes, listed once under components/schemas; nested ones become `$ref`s. */
const COMPONENTS = {
  Error: api.ErrorBodySchema,
  SiteConfig: api.SiteConfigSchema,
  Notice: api.NoticeSchema,
  ReceiptPayload: api.ReceiptPayloadSchema,
  AckPayload: api.AckPayloadSchema,
  Jwks: api.JwksSchema,
  ConfigAnswer: api.ConfigAnswerSchema,
  ReceiptsAnswer: api.ReceiptsAnswerSchema,
  Health: api.HealthAnswerSchema,
  InclusionProof: api.InclusionProofSchema,
  Pending: api.PendingSchema,
  ConsistencyProof: api.ConsistencyProofSchema,
  WitnessStatus: api.WitnessStatusSchema,
  ExportHeader: api.ExportHeaderSchema,
  PartialExportHeader: api.PartialExportHeaderSchema,
  Redaction: api.RedactionSchema,
  AuditSites: api.AuditSitesAnswerSchema,
  SubjectHistory: api.SubjectHistorySchema,
  ReceiptSearch: api.ReceiptSearchAnswerSchema,
  Stats: api.StatsAnswerSchema,
  SiteRecord: api.SiteRecordSchema,
  AdminSites: api.AdminSitesAnswerSchema,
  SiteRevisions: api.SiteRevisionsAnswerSchema,
  Published: api.PublishAnswerSchema,
  Site: api.SiteAnswerSchema,
  SiteDeleted: api.SiteDeletedAnswerSchema,
  TokenSummary: api.TokenSummarySchema,
  TokenIssued: api.TokenIssuedSchema,
  TokenList: api.TokenListAnswerSchema,
  TokenRevoked: api.TokenRevokedAnswerSchema,
  VisitorReceipts: api.VisitorReceiptsAnswerSchema,
  Erasure: api.ErasureAnswerSchema,
} satisfies Record<string, Schema>;
type Component = keyof typeof COMPONENTS;

const CONVERSION: ConversionConfig = { target: 'draft-2020-12' };
const components = toJsonSchemaDefs(COMPONENTS, {
  ...CONVERSION,
  typeMode: 'output',
  overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
});

const ref = (name: Component): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Component, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json('Error', description);
const text = (type: string, description: string, extra: Json = {}) => ({
  description,
  ...extra,
  content: { [type]: { schema: { type: 'string' } } },
});
const script = (description: string) => text('text/javascript', description);
/** A request body, as a client writes it (defaults optional). */
const body = (schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema: toJsonSchema(schema, { ...CONVERSION, typeMode: 'input' }) } },
});

const param = (name: string, where: 'path' | 'query', schema: Json | JsonSchema, required: boolean) => {
  const { description, ...rest } = schema as Json;
  return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
};
const inPath = (name: string, schema: Schema | Json) =>
  param(name, 'path', '~standard' in schema ? toJsonSchema(schema as Schema, CONVERSION) : schema, true);
/** The query parameters of an object schema, each described as the schema describes it. */
const queryOf = (schema: v.ObjectSchema<v.ObjectEntries, undefined>) =>
  Object.entries(schema.entries).map(([name, entry]) =>
    param(name, 'query', toJsonSchema(entry as Schema, { ...CONVERSION, typeMode: 'input' }), false),
  );

const site = inPath('site', api.SITE);
const subject = inPath('subject', api.SUBJECT);
const tokenErrors = {
  401: error('Missing, unknown or revoked token (`unauthorized`)'),
  403: error('Wrong role, or a site outside the token (`forbidden`)'),
};
const auditor = { security: [{ bearer: [] }], tags: ['audit'] };
const admin = { security: [{ bearer: [] }], tags: ['admin'] };
const visitor = { security: [{ dpop: [] }], tags: ['visitor'] };
const pub = { tags: ['public'] };
const ops = { tags: ['ops'] };

function op(summary: string, fields: Json, responses: Json): Json {
  return { summary, ...fields, responses };
}

/** Every route: path -> method -> operation. */
function paths(): Record<string, Record<string, Json>> {
  return {
    '/healthz': { get: op('Health: the process is up and its store answers', ops, { 200: json('Health', 'Healthy') }) },
    '/openapi.json': {
      get: op('This document', ops, {
        200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
      }),
    },
    '/v1/keys': { get: op("The collector's public keys", pub, { 200: json('Jwks', 'JWKS') }) },
    '/v1/sites/{site}/config': {
      get: op(
        'A site config with its notice resolved for the negotiated language (`lang`, then Accept-Language), and its textHash',
        { ...pub, parameters: [site, ...queryOf(api.ConfigParamsSchema)] },
        {
          200: json('ConfigAnswer', 'Config (strong ETag)'),
          304: { description: 'Not modified' },
          404: error('unknown-site'),
        },
      ),
    },
    '/v1/sites/{site}/consent.js': {
      get: op(
        "The site's own script: the SDK bundle given the site's config answer (negotiated like the config route), so no config request stands before the banner. ETag names both; cached 5 minutes, then stale-while-revalidate",
        { ...pub, parameters: [site, ...queryOf(api.ConfigParamsSchema)] },
        {
          200: script(
            'The script, in the encoding Accept-Encoding prefers (br, gzip; Vary: Accept-Language, Accept-Encoding)',
          ),
          304: { description: 'Not modified (each encoding has its own ETag)' },
          404: error('unknown-site; not-found when the collector serves no SDK bundle'),
        },
      ),
    },
    '/{file}': {
      get: op(
        "The SDK's build output: `/consent.js` (ETag, 5 minutes, `Link` to its versioned name), `consent.<12 hex>.js` and content-addressed chunks (`<name>.<hash>.js`), cached for good",
        {
          ...pub,
          parameters: [
            inPath('file', {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)?\\.(js|mjs|css)$',
              description: 'A script or style sheet of the SDK build',
            }),
          ],
        },
        {
          200: script('The file, in the encoding Accept-Encoding prefers (br, gzip; Vary: Accept-Encoding)'),
          304: { description: 'Not modified (each encoding has its own ETag)' },
          404: error('not-found'),
        },
      ),
    },
    '/v1/receipts': {
      post: op(
        'Submit 1 to 100 device-signed receipts of one site, in chain order; answers their acks once committed',
        { ...pub, requestBody: body(api.ReceiptsRequestSchema) },
        {
          200: json('ReceiptsAnswer', 'Every receipt was already in the log'),
          201: json('ReceiptsAnswer', 'Accepted'),
          400: error('malformed, unsupported-alg, bad-signature, bad-thumbprint (with `index`)'),
          403: error('origin-not-allowed'),
          409: error('prev-mismatch (with `expected`), id-conflict'),
          413: error('too-large'),
          415: error('unsupported-media-type'),
          422: error('unknown-site, unknown-revision, unknown-notice'),
          429: error('rate-limited (with Retry-After)'),
          503: error('unavailable (shutting down)'),
        },
      ),
    },
    '/v1/sites/{site}/log/checkpoint': {
      get: op(
        "The latest checkpoint of a site's log (C2SP signed note)",
        { ...pub, parameters: [site] },
        {
          200: text('text/plain', 'Checkpoint; ETag (a hash of the note) and Last-Modified (when it was signed)'),
          304: { description: 'Not modified (If-None-Match, or If-Modified-Since)' },
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },
    '/v1/sites/{site}/log/proof/{id}': {
      get: op(
        "An entry's inclusion proof against the latest checkpoint",
        { ...pub, parameters: [site, inPath('id', { type: 'string', description: 'Receipt id or notice textHash' })] },
        {
          200: json('InclusionProof', 'Proof'),
          202: json('Pending', 'Sequenced, not yet integrated'),
          404: error('unknown-entry'),
        },
      ),
    },
    '/v1/sites/{site}/log/consistency': {
      get: op(
        'A consistency proof between two tree sizes',
        { ...pub, parameters: [site, ...queryOf(api.ConsistencyParamsSchema)] },
        {
          200: json('ConsistencyProof', 'Proof (immutable)'),
          400: error('malformed'),
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },
    '/v1/sites/{site}/log/witnesses': {
      get: op(
        'How far each witness the collector asks has cosigned the log, and whether the latest checkpoint has its quorum',
        { ...pub, parameters: [site] },
        {
          200: json('WitnessStatus', 'Witnesses'),
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },

    '/v1/audit/sites': {
      get: op('The sites this token may read (every site for "*"), in id order, deleted ones included', auditor, {
        200: json('AuditSites', 'Sites'),
        400: error('malformed (a query parameter)'),
        ...tokenErrors,
      }),
    },
    '/v1/audit/sites/{site}/subjects/{subject}': {
      get: op(
        "A subject's full history: receipts, acks, proofs, notices, grant periods",
        { ...auditor, parameters: [site, subject] },
        {
          200: json('SubjectHistory', 'History'),
          400: error('malformed'),
          ...tokenErrors,
          404: error('unknown-site, or no receipt of this subject (not-found)'),
        },
      ),
    },
    '/v1/audit/sites/{site}/receipts': {
      get: op(
        'Search receipts; keyset pagination on the log index, stable under concurrent appends',
        { ...auditor, parameters: [site, ...queryOf(api.ReceiptSearchParamsSchema)] },
        { 200: json('ReceiptSearch', 'A page'), 400: error('malformed'), ...tokenErrors, 404: error('unknown-site') },
      ),
    },
    '/v1/audit/sites/{site}/export': {
      get: op(
        'Streamed export at the latest checkpoint: NDJSON (an ExportHeader or PartialExportHeader line, then the entry lines; verifiable offline) or CSV',
        { ...auditor, parameters: [site, ...queryOf(api.ExportParamsSchema)] },
        {
          200: {
            description: 'The export, streamed (X-Tree-Size)',
            content: {
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          400: error('malformed'),
          ...tokenErrors,
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },
    '/v1/audit/sites/{site}/stats': {
      get: op(
        'Consent statistics per day or week: granted, denied, rate and withdrawals per purpose, method mix',
        { ...auditor, parameters: [site, ...queryOf(api.StatsParamsSchema)] },
        { 200: json('Stats', 'Stats'), 400: error('malformed'), ...tokenErrors, 404: error('unknown-site') },
      ),
    },

    '/v1/admin/sites': {
      get: op(
        'List the sites the admin token covers: revision, languages, purposes, services, last publication, receipts in the last 30 days',
        admin,
        { 200: json('AdminSites', 'Sites'), ...tokenErrors },
      ),
    },
    '/v1/admin/sites/{site}/revisions': {
      get: op(
        "A site's published revisions, newest first, with the notices each appended to the log as they were logged",
        { ...admin, parameters: [site] },
        { 200: json('SiteRevisions', 'Revisions'), ...tokenErrors, 404: error('unknown-site') },
      ),
    },
    '/v1/admin/sites/{site}': {
      put: op(
        'Publish a site config (validated; its new notices appended to the log)',
        { ...admin, parameters: [site], requestBody: body(api.SiteConfigSchema) },
        {
          200: json('Published', 'Updated'),
          201: json('Published', 'Created'),
          400: error('invalid-config (with issues), malformed'),
          409: error(
            'revision-conflict (with published, lowest, changed): a notice text changed without a higher revision, or the revision is lower than the published one',
          ),
          ...tokenErrors,
          413: error('too-large'),
          415: error('unsupported-media-type'),
        },
      ),
      get: op(
        'A site config',
        { ...admin, parameters: [site] },
        { 200: json('Site', 'Site'), ...tokenErrors, 404: error('unknown-site') },
      ),
      delete: op(
        'Delete a site: it refuses new receipts, its log stays readable to auditors',
        { ...admin, parameters: [site] },
        { 200: json('SiteDeleted', 'Deleted'), ...tokenErrors, 404: error('unknown-site') },
      ),
    },
    '/v1/admin/tokens': {
      post: op(
        'Issue an API token (its secret shown once)',
        { ...admin, requestBody: body(api.TokenRequestSchema) },
        { 201: json('TokenIssued', 'Issued'), 400: error('malformed'), ...tokenErrors },
      ),
      get: op("List the tokens within the admin token's sites (never their secrets)", admin, {
        200: json('TokenList', 'Tokens'),
        ...tokenErrors,
      }),
    },
    '/v1/admin/tokens/{id}': {
      delete: op(
        'Revoke a token',
        { ...admin, parameters: [inPath('id', { type: 'string', description: 'Token id' })] },
        { 200: json('TokenRevoked', 'Revoked'), ...tokenErrors, 404: error('not-found') },
      ),
    },

    '/v1/subjects/{subject}/receipts': {
      get: op(
        "The visitor's own receipts in every site, with acks and inclusion proofs",
        { ...visitor, parameters: [subject] },
        { 200: json('VisitorReceipts', 'Receipts'), 401: error('bad-proof'), 429: error('rate-limited') },
      ),
    },
    '/v1/subjects/{subject}': {
      delete: op(
        "Erase the visitor's receipts in every site: payloads redacted, leaf hashes kept",
        { ...visitor, parameters: [subject] },
        { 200: json('Erasure', 'Erased'), 401: error('bad-proof'), 429: error('rate-limited') },
      ),
    },
  };
}

/** The OpenAPI document; `server` is the collector's public URL, or its name (host and port). */
export function openApiDocument(server: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Consent Ledger collector',
      version: '1',
      description: 'Device-signed consent receipts appended to a per-site RFC 9162 Merkle log (docs/design.md).',
    },
    servers: [{ url: server.includes('://') ? server : `http://${server}` }],
    paths: paths(),
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An auditor or admin token (consent-ledger tokens create)',
        },
        dpop: {
          type: 'apiKey',
          in: 'header',
          name: 'DPoP',
          description:
            'RFC 9449 proof signed with the device key: typ dpop+jwt, ES256, jwk, claims htm, htu, iat (within 60 s), jti (once per 5 minutes)',
        },
      },
    },
  };
}
