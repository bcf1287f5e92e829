// The public routes' shapes: what a visitor's browser sends and reads (config, receipts), and what
// anyone may fetch to check the log (keys, checkpoint, proofs, the export's header).
import * as v from 'valibot';
import { MAX_BATCH } from './constants';
import { B64U, COUNT, JwksSchema, NoticeSchema, SITE, SiteConfigSchema } from './documents';

/** `GET /v1/sites/:site/config` (also embedded in the per-site script, and what a page may inline). */
export const ConfigAnswerSchema = v.object({
  config: SiteConfigSchema,
  language: v.pipe(v.string(), v.description('The negotiated language')),
  notice: NoticeSchema,
  textHash: v.pipe(B64U, v.description("SHA-256 of the notice's JCS: what receipts sign")),
});

/** Query of `GET /v1/sites/:site/config` (and of the per-site script). */
export const ConfigParamsSchema = v.object({
  lang: v.optional(v.pipe(v.string(), v.description("The page's language; Accept-Language is the fallback"))),
});

/** `POST /v1/receipts`: 1 to 100 compact JWS of one site, in chain order, and nothing else. */
export const ReceiptsRequestSchema = v.strictObject({
  receipts: v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(MAX_BATCH)),
});

/** The acks of a batch, in its order: 201 when some receipt was new, 200 when all were replays. */
export const ReceiptsAnswerSchema = v.object({
  acks: v.pipe(v.array(v.string()), v.description('Compact JWS (EdDSA, typ consent-ack+jws), one per receipt')),
});

/** `GET /v1/keys`. */
export { JwksSchema };

/** `GET /healthz`. */
export const HealthAnswerSchema = v.object({ status: v.literal('ok') });

/** `GET /v1/sites/:site/log/proof/:id`: an entry's inclusion in the latest checkpoint. Hashes base64url. */
export const InclusionProofSchema = v.object({
  site: SITE,
  id: v.pipe(v.string(), v.description("A receipt's id, or a notice's textHash")),
  index: COUNT,
  leafHash: B64U,
  treeSize: COUNT,
  hashes: v.array(B64U),
  checkpoint: v.pipe(v.string(), v.description('The C2SP signed note the proof is against')),
});

/** 202 for an entry sequenced but not yet integrated into the tree. */
export const PendingSchema = v.object({ status: v.literal('pending') });

/** `GET /v1/sites/:site/log/consistency?from=&to=`. */
export const ConsistencyProofSchema = v.object({
  site: SITE,
  from: COUNT,
  to: COUNT,
  hashes: v.array(B64U),
});

const TREE_SIZE = v.pipe(v.string(), v.regex(/^\d{1,15}$/));

/** Query of `GET /v1/sites/:site/log/consistency`: `0 < from <= to <=` the latest size. */
export const ConsistencyParamsSchema = v.object({
  from: v.pipe(TREE_SIZE, v.description('The older tree size')),
  to: v.optional(v.pipe(TREE_SIZE, v.description('The newer tree size (default: the latest)'))),
});

/** One witness of `GET /v1/sites/:site/log/witnesses`. */
export const WitnessStandingSchema = v.object({
  vkey: v.pipe(v.string(), v.description("The witness's verifier key (c2sp.org/signed-note, 0x04 cosignature form)")),
  name: v.pipe(v.string(), v.description('Its key name')),
  cosignedSize: v.nullable(
    v.pipe(COUNT, v.description('The largest tree size it cosigned; null before its first cosignature')),
  ),
  behind: v.pipe(COUNT, v.description('Entries of the latest checkpoint it has not cosigned yet')),
  checkpoint: v.nullable(
    v.pipe(v.string(), v.description('The checkpoint it last cosigned, with every cosignature line it gathered')),
  ),
});

/** `GET /v1/sites/:site/log/witnesses`: how far each witness the collector asks has cosigned the log. */
export const WitnessStatusSchema = v.object({
  site: SITE,
  size: v.pipe(COUNT, v.description("The latest checkpoint's tree size")),
  quorum: v.pipe(COUNT, v.description('How many cosignatures make a checkpoint witnessed (0 without witnesses)')),
  quorumReached: v.pipe(v.boolean(), v.description('Whether the latest checkpoint carries the quorum')),
  witnesses: v.array(WitnessStandingSchema),
});

/** First line of a full NDJSON export; then exactly `treeSize` entry lines, in index order. */
export const ExportHeaderSchema = v.object({
  v: v.optional(
    v.pipe(
      v.literal(2),
      v.description('The export format: 2 since a partial export ends with a signed statement; absent in format 1'),
    ),
  ),
  site: SITE,
  checkpoint: v.pipe(v.string(), v.description('The C2SP signed note the export is cut at')),
  treeSize: COUNT,
  keys: JwksSchema,
});

/** First line of a partial export (`from`/`to`): every notice and the receipts received in the range, each line with its inclusion proof; format 2 ends with `{ "statement": JWS }`. */
export const PartialExportHeaderSchema = v.object({
  ...ExportHeaderSchema.entries,
  range: v.object({ from: v.nullable(v.string()), to: v.nullable(v.string()) }),
});

export type ConfigAnswer = v.InferOutput<typeof ConfigAnswerSchema>;
export type ConfigParams = v.InferInput<typeof ConfigParamsSchema>;
export type ConsistencyParams = v.InferInput<typeof ConsistencyParamsSchema>;
export type ReceiptsRequest = v.InferInput<typeof ReceiptsRequestSchema>;
export type ReceiptsAnswer = v.InferOutput<typeof ReceiptsAnswerSchema>;
export type HealthAnswer = v.InferOutput<typeof HealthAnswerSchema>;
export type InclusionProofBundle = v.InferOutput<typeof InclusionProofSchema>;
export type Pending = v.InferOutput<typeof PendingSchema>;
export type ConsistencyProofBundle = v.InferOutput<typeof ConsistencyProofSchema>;
export type WitnessStatusAnswer = v.InferOutput<typeof WitnessStatusSchema>;
export type ExportHeader = v.InferOutput<typeof ExportHeaderSchema>;
export type PartialExportHeader = v.InferOutput<typeof PartialExportHeaderSchema>;
