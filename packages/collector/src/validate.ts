// Requests checked against their protocol schemas: the first problem, and where it is, becomes a
// 400 `malformed` that says what the body must be.
import * as v from 'valibot';
import { ApiError, type ErrorDetails } from './errors';

/** `value` as `schema` reads it, or a 400 `malformed` naming the first problem (`receipts.3: Invalid type…`). */
export function parseRequest<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  expected: string,
  details: (path: readonly PropertyKey[]) => ErrorDetails = () => ({}),
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => item.key as PropertyKey) ?? [];
  const where = path.length ? `${path.join('.')}: ` : '';
  throw new ApiError(400, 'malformed', `${where}${issue.message}; the body must be ${expected}`, details(path));
}
