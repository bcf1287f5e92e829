// The auditor's routes' shapes (`/v1/audit/...`, auditor or admin token): the sites a token reads,
// a subject's history, receipt search and consent statistics.
import * as v from 'valibot';
import { METHODS } from '../receipt';
import {
  AckPayloadSchema,
  B64U,
  CHOICES,
  COUNT,
  NoticeSchema,
  ReceiptPayloadSchema,
  SITE,
  SUBJECT,
  TIMESTAMP,
} from './documents';
import { InclusionProofSchema, PendingSchema } from './public';

/** Why and when an entry's payload was removed (its leaf hash stays). */
export const RedactionSchema = v.object({
  at: TIMESTAMP,
  reason: v.pipe(v.string(), v.description('erasure | retention')),
});

/** A site a token may read. */
export const AuditSiteSchema = v.object({
  site: SITE,
  name: v.string(),
  languages: v.array(v.string()),
  deletedAt: v.pipe(
    v.nullable(TIMESTAMP),
    v.description('Set for a deleted site: it takes no receipts, its log stays readable'),
  ),
});

/** `GET /v1/audit/sites`: in id order, deleted ones included. */
export const AuditSitesAnswerSchema = v.object({ sites: v.array(AuditSiteSchema) });

/** A notice a receipt names, decoded. */
export const HistoryNoticeSchema = v.object({
  index: COUNT,
  textHash: B64U,
  revision: v.number(),
  language: v.string(),
  receivedAt: TIMESTAMP,
  /** Null once redacted. */
  jws: v.nullable(v.string()),
  notice: v.nullable(NoticeSchema),
});

/** One receipt of a subject's history, decoded and raw; payload fields are null once redacted. */
export const HistoryReceiptSchema = v.object({
  index: COUNT,
  id: v.string(),
  leafHash: B64U,
  receivedAt: TIMESTAMP,
  jws: v.nullable(v.string()),
  payload: v.nullable(ReceiptPayloadSchema),
  ack: v.nullable(v.string()),
  ackPayload: v.nullable(AckPayloadSchema),
  /** The notice's textHash; look it up in `notices`. */
  textHash: v.nullable(B64U),
  redacted: v.nullable(RedactionSchema),
  /** Against the latest checkpoint; `pending` until the entry is integrated. */
  proof: v.union([InclusionProofSchema, PendingSchema]),
});

/** One period during which a purpose was granted. */
export const GrantPeriodSchema = v.object({
  grantedAt: TIMESTAMP,
  grantedBy: v.string(),
  grantedIndex: COUNT,
  /** Null while still granted. */
  withdrawnAt: v.nullable(TIMESTAMP),
  withdrawnBy: v.nullable(v.string()),
  withdrawnIndex: v.nullable(COUNT),
});

/** A checkpoint as the history names it. */
export const CheckpointSummarySchema = v.object({
  size: COUNT,
  rootHash: B64U,
  note: v.string(),
  createdAt: TIMESTAMP,
});

/** `GET /v1/audit/sites/:site/subjects/:subject`. */
export const SubjectHistorySchema = v.pipe(
  v.object({
    site: SITE,
    subject: SUBJECT,
    checkpoint: v.nullable(CheckpointSummarySchema),
    receipts: v.pipe(v.array(HistoryReceiptSchema), v.description('Oldest first, in chain order')),
    notices: v.pipe(
      v.record(v.string(), HistoryNoticeSchema),
      v.description('The notices the receipts name, by textHash'),
    ),
    timeline: v.pipe(
      v.record(v.string(), v.array(GrantPeriodSchema)),
      v.description('Per purpose, its grant periods, oldest first; every purpose any receipt lists appears'),
    ),
    current: v.pipe(CHOICES, v.description("Each purpose's state after the last unredacted receipt")),
  }),
  v.description(
    'Every receipt of the subject with its ack and inclusion proof, the notices they name, per purpose its grant periods',
  ),
);

/** A receipt as the search lists it (only unredacted receipts match): its fields without JWS and ack (see the subject's history). */
export const ReceiptSummarySchema = v.object({
  index: COUNT,
  id: v.string(),
  subject: SUBJECT,
  receivedAt: TIMESTAMP,
  method: v.picklist(METHODS),
  choices: CHOICES,
  revision: v.number(),
  language: v.string(),
  textHash: B64U,
  issuedAt: TIMESTAMP,
  page: v.string(),
  leafHash: B64U,
});

/** `GET /v1/audit/sites/:site/receipts`: a page, keyset-paginated on the log index. */
export const ReceiptSearchAnswerSchema = v.object({
  receipts: v.array(ReceiptSummarySchema),
  nextCursor: v.pipe(v.nullable(v.string()), v.description('Pass back as `cursor`; null on a short page')),
});

/** Counts of one purpose. */
export const PurposeStatsSchema = v.object({
  granted: COUNT,
  denied: COUNT,
  /** Denials of a purpose the subject's previous entry granted. */
  withdrawn: COUNT,
  /** granted / (granted + denied), null when neither. */
  rate: v.nullable(v.number()),
});

const statsTotals = {
  receipts: COUNT,
  /** Receipts per method, only methods that occur. */
  methods: v.record(v.string(), COUNT),
  /** Per purpose that occurs in a receipt's choices. */
  purposes: v.record(v.string(), PurposeStatsSchema),
};

/** One UTC day or ISO week of stats. */
export const StatsBucketSchema = v.object({
  start: v.pipe(v.string(), v.description('YYYY-MM-DD: the day, or the Monday of the week')),
  ...statsTotals,
});

/** `GET /v1/audit/sites/:site/stats`: buckets in ascending order, empty ones omitted, and their total. */
export const StatsAnswerSchema = v.object({
  site: SITE,
  interval: v.picklist(['day', 'week']),
  from: v.nullable(TIMESTAMP),
  to: v.nullable(TIMESTAMP),
  buckets: v.array(StatsBucketSchema),
  total: v.object(statsTotals),
});

const DATE = v.pipe(v.string(), v.description('A UTC date (2026-12-01) or an ISO 8601 date-time'));
const range = {
  from: v.optional(v.pipe(DATE, v.description('Received at or after (inclusive)'))),
  to: v.optional(v.pipe(DATE, v.description('Received before (exclusive)'))),
};

/** Query of `GET /v1/audit/sites/:site/receipts` (filters combine with AND; unknown parameters are refused). */
export const ReceiptSearchParamsSchema = v.object({
  purpose: v.optional(v.pipe(v.string(), v.description('Receipts listing this purpose'))),
  state: v.optional(v.pipe(v.picklist(['granted', 'denied']), v.description('With purpose: its state'))),
  method: v.optional(v.picklist(METHODS)),
  ...range,
  order: v.optional(v.pipe(v.picklist(['asc', 'desc']), v.description('Index order (default asc)'))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.description('Page size, 1 to 1000 (default 50)'))),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.description('nextCursor of the previous page'))),
});

/** Query of `GET /v1/audit/sites/:site/stats`. */
export const StatsParamsSchema = v.object({
  interval: v.optional(v.pipe(v.picklist(['day', 'week']), v.description('UTC days or ISO weeks (default day)'))),
  ...range,
});

/** Query of `GET /v1/audit/sites/:site/export`. */
export const ExportParamsSchema = v.object({
  format: v.optional(v.pipe(v.picklist(['ndjson', 'csv']), v.description('Default ndjson'))),
  ...range,
});

export type Redaction = v.InferOutput<typeof RedactionSchema>;
export type AuditSite = v.InferOutput<typeof AuditSiteSchema>;
export type AuditSitesAnswer = v.InferOutput<typeof AuditSitesAnswerSchema>;
export type HistoryNotice = v.InferOutput<typeof HistoryNoticeSchema>;
export type HistoryReceipt = v.InferOutput<typeof HistoryReceiptSchema>;
export type GrantPeriod = v.InferOutput<typeof GrantPeriodSchema>;
export type SubjectHistory = v.InferOutput<typeof SubjectHistorySchema>;
export type ReceiptSummary = v.InferOutput<typeof ReceiptSummarySchema>;
export type ReceiptSearchAnswer = v.InferOutput<typeof ReceiptSearchAnswerSchema>;
export type PurposeStats = v.InferOutput<typeof PurposeStatsSchema>;
export type StatsBucket = v.InferOutput<typeof StatsBucketSchema>;
export type StatsAnswer = v.InferOutput<typeof StatsAnswerSchema>;
export type ReceiptSearchParams = v.InferInput<typeof ReceiptSearchParamsSchema>;
export type StatsParams = v.InferInput<typeof StatsParamsSchema>;
export type ExportParams = v.InferInput<typeof ExportParamsSchema>;
