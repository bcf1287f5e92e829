// A visitor's own routes' shapes (`/v1/subjects/...`, DPoP with the device key): every receipt of
// theirs with its ack and proof, and their erasure.
import * as v from 'valibot';
import { RedactionSchema } from './audit';
import { COUNT, SITE, SUBJECT, TIMESTAMP } from './documents';
import { InclusionProofSchema, PendingSchema } from './public';

/** One receipt of the visitor's, as stored: its JWS and ack are null once redacted. */
export const VisitorReceiptSchema = v.object({
  index: COUNT,
  id: v.string(),
  receivedAt: TIMESTAMP,
  jws: v.nullable(v.string()),
  ack: v.nullable(v.string()),
  redacted: v.nullable(RedactionSchema),
  proof: v.union([InclusionProofSchema, PendingSchema]),
});

/** `GET /v1/subjects/:subject/receipts`: per site where the subject has receipts. */
export const VisitorReceiptsAnswerSchema = v.object({
  subject: SUBJECT,
  sites: v.array(v.object({ site: SITE, receipts: v.array(VisitorReceiptSchema) })),
});

/** `DELETE /v1/subjects/:subject`: payloads redacted in every site, leaf hashes kept. */
export const ErasureAnswerSchema = v.object({
  subject: SUBJECT,
  at: TIMESTAMP,
  erased: v.array(v.object({ site: SITE, redacted: COUNT })),
});

export type VisitorReceipt = v.InferOutput<typeof VisitorReceiptSchema>;
export type VisitorReceiptsAnswer = v.InferOutput<typeof VisitorReceiptsAnswerSchema>;
export type ErasureAnswer = v.InferOutput<typeof ErasureAnswerSchema>;
