// The OpenAPI 3.1 description of every collector route (openapi.test.ts compares it with the
// routes the app registers, so a route cannot be added without being described).

type Schema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const path = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const site = path('site', 'Site id', { type: 'string', pattern: '^[a-z0-9-]{2,64}$' });
const subject = path('subject', 'Subject id: the RFC 7638 thumbprint of the device key', {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{43}$',
});
const dateTime = { type: 'string', description: 'A UTC date (2026-12-01) or an ISO 8601 date-time' };

/** Responses every bearer-token route may give before it looks at the request. */
const tokenErrors = {
  401: error('Missing, unknown or revoked token (`unauthorized`)'),
  403: error('Wrong role, or a site outside the token (`forbidden`)'),
};
const auditor = { security: [{ bearer: [] }], tags: ['audit'] };
const admin = { security: [{ bearer: [] }], tags: ['admin'] };
const visitor = { security: [{ dpop: [] }], tags: ['visitor'], responses: {} };
const range = [query('from', 'Received at or after', dateTime), query('to', 'Received before', dateTime)];

function op(summary: string, fields: Operation, responses: Record<string, unknown>): Operation {
  return { summary, ...fields, responses: { ...(fields.responses as object), ...responses } };
}

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          index: { type: 'integer' },
          expected: { type: ['string', 'null'] },
          issues: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
  Jwks: {
    type: 'object',
    required: ['keys'],
    properties: {
      keys: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            kty: { const: 'OKP' },
            crv: { const: 'Ed25519' },
            x: { type: 'string' },
            kid: { type: 'string' },
            name: { type: 'string', description: 'The signed-note key name of the checkpoints' },
            vkey: {
              type: 'string',
              description: 'The same key as a signed-note verifier key: name+keyid+base64(0x01 || key)',
            },
          },
        },
      },
    },
  },
  SiteConfig: {
    type: 'object',
    description: 'A site configuration (DESIGN.md, Site config); unknown fields are refused with their path',
    required: ['site', 'name', 'origins', 'revision', 'policyUrl', 'languages', 'purposes', 'services'],
  },
  SiteRecord: {
    type: 'object',
    properties: {
      site: { type: 'string' },
      config: ref('SiteConfig'),
      createdAt: { type: 'string' },
      updatedAt: { type: 'string' },
      deletedAt: { type: ['string', 'null'] },
    },
  },
  InclusionProof: {
    type: 'object',
    required: ['site', 'id', 'index', 'leafHash', 'treeSize', 'hashes', 'checkpoint'],
    properties: {
      site: { type: 'string' },
      id: { type: 'string' },
      index: { type: 'integer' },
      leafHash: { type: 'string' },
      treeSize: { type: 'integer' },
      hashes: { type: 'array', items: { type: 'string' } },
      checkpoint: { type: 'string' },
    },
  },
  Pending: { type: 'object', properties: { status: { const: 'pending' } } },
  Token: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      role: { enum: ['auditor', 'admin'] },
      sites: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string' },
      revokedAt: { type: ['string', 'null'] },
    },
  },
  AuditSite: {
    type: 'object',
    required: ['site', 'name', 'languages', 'deletedAt'],
    properties: {
      site: { type: 'string' },
      name: { type: 'string' },
      languages: { type: 'array', items: { type: 'string' } },
      deletedAt: { type: ['string', 'null'] },
    },
  },
  ReceiptSummary: {
    type: 'object',
    properties: {
      index: { type: 'integer' },
      id: { type: 'string' },
      subject: { type: 'string' },
      receivedAt: { type: 'string' },
      method: { type: 'string' },
      choices: { type: 'object', additionalProperties: { enum: ['granted', 'denied'] } },
      revision: { type: 'integer' },
      language: { type: 'string' },
      textHash: { type: 'string' },
      issuedAt: { type: 'string' },
      page: { type: 'string' },
      leafHash: { type: 'string' },
    },
  },
  SubjectHistory: {
    type: 'object',
    description:
      'Every receipt of the subject (decoded and raw JWS, ack, inclusion proof), oldest first in chain order; the notices they name; per purpose its grant periods',
    properties: {
      site: { type: 'string' },
      subject: { type: 'string' },
      checkpoint: { type: ['object', 'null'] },
      receipts: { type: 'array', items: { type: 'object' } },
      notices: { type: 'object', additionalProperties: { type: 'object' } },
      timeline: {
        type: 'object',
        additionalProperties: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              grantedAt: { type: 'string' },
              grantedBy: { type: 'string' },
              grantedIndex: { type: 'integer' },
              withdrawnAt: { type: ['string', 'null'] },
              withdrawnBy: { type: ['string', 'null'] },
              withdrawnIndex: { type: ['integer', 'null'] },
            },
          },
        },
      },
      current: { type: 'object', additionalProperties: { enum: ['granted', 'denied'] } },
    },
  },
  Stats: {
    type: 'object',
    properties: {
      site: { type: 'string' },
      interval: { enum: ['day', 'week'] },
      from: { type: ['string', 'null'] },
      to: { type: ['string', 'null'] },
      buckets: { type: 'array', items: { type: 'object' } },
      total: { type: 'object' },
    },
  },
};

/** The OpenAPI document; `server` is the collector's public URL, or its name (host and port). */
export function openApiDocument(server: string): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {
    '/healthz': {
      get: op(
        'Health: the process is up and its store answers',
        { tags: ['ops'] },
        { 200: json({ type: 'object' }, 'Healthy') },
      ),
    },
    '/openapi.json': { get: op('This document', { tags: ['ops'] }, { 200: json({ type: 'object' }, 'OpenAPI 3.1') }) },
    '/v1/keys': { get: op("The collector's public keys", { tags: ['public'] }, { 200: json(ref('Jwks'), 'JWKS') }) },
    '/v1/sites/{site}/config': {
      get: op(
        'A site config with its resolved notice and textHash',
        { tags: ['public'], parameters: [site, query('lang', 'Preferred language')] },
        {
          200: json(
            {
              type: 'object',
              properties: {
                config: ref('SiteConfig'),
                language: { type: 'string' },
                notice: { type: 'object' },
                textHash: { type: 'string' },
              },
            },
            'Config',
          ),
          304: { description: 'Not modified (ETag)' },
          404: error('Unknown site'),
        },
      ),
    },
    '/v1/receipts': {
      post: op(
        'Submit 1 to 100 device-signed receipts, in chain order; answers their acks once committed',
        {
          tags: ['public'],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['receipts'],
                  properties: { receipts: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string' } } },
                },
              },
            },
          },
        },
        {
          200: json(
            { type: 'object', properties: { acks: { type: 'array', items: { type: 'string' } } } },
            'Every receipt was already in the log',
          ),
          201: json({ type: 'object', properties: { acks: { type: 'array', items: { type: 'string' } } } }, 'Accepted'),
          400: error('malformed, unsupported-alg, bad-signature, bad-thumbprint'),
          403: error('origin-not-allowed'),
          409: error('prev-mismatch, id-conflict'),
          413: error('too-large'),
          415: error('unsupported-media-type'),
          422: error('unknown-site, unknown-revision, unknown-notice'),
          429: error('rate-limited'),
        },
      ),
    },
    '/v1/sites/{site}/log/checkpoint': {
      get: op(
        "The latest checkpoint of a site's log (C2SP signed note)",
        { tags: ['public'], parameters: [site] },
        {
          200: {
            description: 'Checkpoint; ETag (a hash of the note) and Last-Modified (when it was signed)',
            headers: { ETag: { schema: { type: 'string' } }, 'Last-Modified': { schema: { type: 'string' } } },
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          304: { description: 'Not modified (If-None-Match, or If-Modified-Since)' },
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },
    '/v1/sites/{site}/log/proof/{id}': {
      get: op(
        "An entry's inclusion proof against the latest checkpoint",
        { tags: ['public'], parameters: [site, path('id', 'Receipt id or notice textHash')] },
        {
          200: json(ref('InclusionProof'), 'Proof'),
          202: json(ref('Pending'), 'Accepted, not yet integrated'),
          404: error('unknown-entry'),
        },
      ),
    },
    '/v1/sites/{site}/log/consistency': {
      get: op(
        'A consistency proof between two tree sizes',
        {
          tags: ['public'],
          parameters: [
            site,
            query('from', 'Older size', { type: 'integer', minimum: 1 }),
            query('to', 'Newer size (default: latest)', { type: 'integer' }),
          ],
        },
        {
          200: json(
            {
              type: 'object',
              properties: {
                site: { type: 'string' },
                from: { type: 'integer' },
                to: { type: 'integer' },
                hashes: { type: 'array', items: { type: 'string' } },
              },
            },
            'Proof',
          ),
          400: error('malformed'),
          404: error('unknown-site, no-checkpoint'),
        },
      ),
    },

    '/v1/audit/sites': {
      get: op(
        'The sites this token (auditor or admin) may read (every site for "*"), in id order, deleted ones included (their logs stay readable)',
        { ...auditor },
        {
          200: json({ type: 'object', properties: { sites: { type: 'array', items: ref('AuditSite') } } }, 'Sites'),
          400: error('malformed (a query parameter)'),
          ...tokenErrors,
        },
      ),
    },
    '/v1/audit/sites/{site}/subjects/{subject}': {
      get: op(
        "A subject's full history",
        { ...auditor, parameters: [site, subject] },
        {
          200: json(ref('SubjectHistory'), 'History'),
          ...tokenErrors,
          404: error('unknown-site, or no receipt of this subject (not-found)'),
        },
      ),
    },
    '/v1/audit/sites/{site}/receipts': {
      get: op(
        'Search receipts; keyset pagination on the log index, stable under concurrent appends',
        {
          ...auditor,
          parameters: [
            site,
            query('purpose', 'Receipts listing this purpose'),
            query('state', 'With purpose: its state', { enum: ['granted', 'denied'] }),
            query('method', 'Method', { enum: ['accept-all', 'reject-all', 'save', 'embed', 'withdraw', 'gpc'] }),
            ...range,
            query('limit', 'Page size (1 to 1000, default 50)', { type: 'integer' }),
            query('cursor', 'nextCursor of the previous page'),
            query('order', 'Index order', { enum: ['asc', 'desc'] }),
          ],
        },
        {
          200: json(
            {
              type: 'object',
              properties: {
                receipts: { type: 'array', items: ref('ReceiptSummary') },
                nextCursor: { type: ['string', 'null'] },
              },
            },
            'A page',
          ),
          400: error('malformed'),
          ...tokenErrors,
          404: error('unknown-site'),
        },
      ),
    },
    '/v1/audit/sites/{site}/export': {
      get: op(
        'Streamed export of the log at its latest checkpoint: NDJSON (header, then exactly treeSize entry lines; verifiable offline) or CSV; with from/to, the entries received in the range and every notice, each line with its inclusion proof',
        { ...auditor, parameters: [site, query('format', 'Format', { enum: ['ndjson', 'csv'] }), ...range] },
        {
          200: {
            description: 'The export, streamed',
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
        { ...auditor, parameters: [site, ...range, query('interval', 'Bucket', { enum: ['day', 'week'] })] },
        { 200: json(ref('Stats'), 'Stats'), 400: error('malformed'), ...tokenErrors, 404: error('unknown-site') },
      ),
    },

    '/v1/admin/sites/{site}': {
      put: op(
        'Publish a site config (validated; new notices appended to its log)',
        {
          ...admin,
          parameters: [site],
          requestBody: { required: true, content: { 'application/json': { schema: ref('SiteConfig') } } },
        },
        {
          200: json(
            {
              type: 'object',
              properties: { site: ref('SiteRecord'), appended: { type: 'array', items: { type: 'object' } } },
            },
            'Updated',
          ),
          201: json(
            {
              type: 'object',
              properties: { site: ref('SiteRecord'), appended: { type: 'array', items: { type: 'object' } } },
            },
            'Created',
          ),
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
        {
          200: json({ type: 'object', properties: { site: ref('SiteRecord') } }, 'Site'),
          ...tokenErrors,
          404: error('unknown-site'),
        },
      ),
      delete: op(
        'Delete a site: it refuses new receipts, its log stays readable to auditors',
        { ...admin, parameters: [site] },
        {
          200: json(
            { type: 'object', properties: { site: { type: 'string' }, deletedAt: { type: 'string' } } },
            'Deleted',
          ),
          ...tokenErrors,
          404: error('unknown-site'),
        },
      ),
    },
    '/v1/admin/tokens': {
      post: op(
        'Issue an API token (shown once)',
        {
          ...admin,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['role', 'sites'],
                  properties: {
                    role: { enum: ['auditor', 'admin'] },
                    sites: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        {
          201: json({ allOf: [ref('Token'), { type: 'object', properties: { token: { type: 'string' } } }] }, 'Issued'),
          400: error('malformed'),
          ...tokenErrors,
        },
      ),
      get: op(
        "List tokens within the admin token's sites (never their secrets)",
        { ...admin },
        {
          200: json({ type: 'object', properties: { tokens: { type: 'array', items: ref('Token') } } }, 'Tokens'),
          ...tokenErrors,
        },
      ),
    },
    '/v1/admin/tokens/{id}': {
      delete: op(
        'Revoke a token',
        { ...admin, parameters: [path('id', 'Token id')] },
        {
          200: json({ type: 'object', properties: { id: { type: 'string' }, revoked: { const: true } } }, 'Revoked'),
          ...tokenErrors,
          404: error('not-found'),
        },
      ),
    },

    '/v1/subjects/{subject}/receipts': {
      get: op(
        "The visitor's own receipts in every site, with acks and inclusion proofs",
        { ...visitor, parameters: [subject] },
        {
          200: json(
            {
              type: 'object',
              properties: { subject: { type: 'string' }, sites: { type: 'array', items: { type: 'object' } } },
            },
            'Receipts',
          ),
          401: error('bad-proof'),
          429: error('rate-limited'),
        },
      ),
    },
    '/v1/subjects/{subject}': {
      delete: op(
        "Erase the visitor's receipts: payloads redacted, leaf hashes kept",
        { ...visitor, parameters: [subject] },
        {
          200: json(
            {
              type: 'object',
              properties: {
                subject: { type: 'string' },
                at: { type: 'string' },
                erased: { type: 'array', items: { type: 'object' } },
              },
            },
            'Erased',
          ),
          401: error('bad-proof'),
          429: error('rate-limited'),
        },
      ),
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Consent Ledger collector',
      version: '1',
      description: 'Device-signed consent receipts appended to a per-site RFC 9162 Merkle log (DESIGN.md).',
    },
    servers: [{ url: server.includes('://') ? server : `http://${server}` }],
    paths,
    components: {
      schemas,
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
