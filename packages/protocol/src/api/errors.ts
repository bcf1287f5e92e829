// The error body every /v1 route answers with, and every code it may carry.
import * as v from 'valibot';
import { API_ERROR_CODES } from './constants';

/** One config problem, with its path (`services[2].purpose`). */
export const IssueSchema = v.object({ path: v.string(), message: v.string() });

/** `{ "error": { "code", "message", ...details } }`, with the right HTTP status. */
export const ErrorBodySchema = v.object({
  error: v.object({
    code: v.picklist(API_ERROR_CODES),
    message: v.string(),
    index: v.optional(
      v.pipe(v.number(), v.integer(), v.description("The failing receipt's position in its batch (POST /v1/receipts)")),
    ),
    expected: v.optional(
      v.pipe(v.nullable(v.string()), v.description("prev-mismatch: the subject's last accepted leaf hash")),
    ),
    issues: v.optional(v.pipe(v.array(IssueSchema), v.description('invalid-config: every problem, with its path'))),
    published: v.optional(
      v.pipe(v.nullable(v.number()), v.description('revision-conflict: the published revision (null for a new site)')),
    ),
    lowest: v.optional(
      v.pipe(v.number(), v.description('revision-conflict: the lowest revision that would be accepted')),
    ),
    changed: v.optional(
      v.pipe(v.array(v.string()), v.description('revision-conflict: the languages whose notice text changed')),
    ),
  }),
});

/** The JSON body of every error answer. */
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
