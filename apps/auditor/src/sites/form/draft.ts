// The form edits a draft config as plain JSON: any value the owner typed stays in it as typed (a
// number field holding "12a" keeps the string), so the collector's validator, run on every change,
// says what is wrong at the very field, with the very message `sites put` and the API would give.
import type { Issue } from '@consent-ledger/protocol';

/** A place in the draft: object keys and array indexes, from the top. */
export type Path = ReadonlyArray<string | number>;
export type Draft = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, or undefined when any step is missing. */
export function getAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const step of path) {
    if (typeof step === 'number') at = Array.isArray(at) ? at[step] : undefined;
    else at = isObject(at) ? at[step] : undefined;
  }
  return at;
}

/**
 * A copy of `value` with `path` set to `next`; undefined removes an object member (so a field left
 * empty takes its default) or an array item. Keys keep their order: a renamed field stays in place.
 */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [step, ...rest] = path;
  if (typeof step === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    const item = setAt(list[step], rest, next);
    if (item === undefined) list.splice(step, 1);
    else list[step] = item;
    return list;
  }
  const object = isObject(value) ? { ...value } : {};
  const member = setAt(object[step], rest, next);
  if (member === undefined) delete object[step];
  else object[step] = member;
  return object;
}

/** `object` with key `from` renamed `to`, in the same place. */
export function renameKey(object: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value]));
}

/** A path written as the validator writes it: `services[2].purpose`, `texts["banner.title"].fr`. */
export function pathText(path: Path): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (!/^[A-Za-z_$][\w$-]*$/.test(step)) text += `[${JSON.stringify(step)}]`;
    else text += text ? `.${step}` : step;
  }
  return text;
}

/** The id of the form control for a path, so an issue can link to its field. */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The issues at `path` or inside it (`origins` owns `origins[1]`). */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

/**
 * The field an issue belongs to: its own path when the form shows a control for it, else the
 * nearest enclosing one (`services[0].hosts[1]` -> `services[0].hosts`), else null.
 */
export function owningField(path: string, shown: (path: string) => boolean): string | null {
  let at = path;
  while (at) {
    if (shown(at)) return at;
    // A quoted key (`["banner.title"]`) is one step, whatever dots it holds.
    const cut = at.endsWith('"]') ? at.lastIndexOf('["') : Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
    if (cut <= 0) return null;
    at = at.slice(0, cut);
  }
  return null;
}

/** A number field's value: an integer when the text is one, else the text itself (for the validator to name). */
export function numberValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** One item per non-blank line, trimmed. */
export const linesValue = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
