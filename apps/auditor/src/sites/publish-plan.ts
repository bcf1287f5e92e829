// What publishing a draft config would do, computed in the browser before anything is sent: the
// collector's own validator (issues at their field), its revision rule (does it ask visitors again,
// is a bump needed), and the diff against the published config, in its fields and in the notice
// each language's visitors would read.
import {
  checkRevision,
  type Language,
  type RevisionCheck,
  resolveNotice,
  type SiteConfig,
  validateSiteConfig,
} from '@consent-ledger/protocol';
import { type NoticeChange, noticeChanges } from '../subject/notice-diff';

/** A draft that cannot be published as it is. */
export interface PlanProblem {
  kind: 'json' | 'invalid' | 'wrong-site';
  /** For `json`, the parser's message; otherwise one line per issue (`services[2].purpose: …`). */
  issues: string[];
}

/** A draft that validates, against the published config. */
export interface Plan {
  config: SiteConfig;
  check: RevisionCheck;
  /** Changed config fields by JSON path (`origins[1]`, `expiresAfterDays`), notice-independent ones included. */
  fields: NoticeChange[];
  /** Per language the draft offers, the changes of the notice its visitors read (revision aside). */
  notices: Array<{ language: Language; changes: NoticeChange[] }>;
}

/** Flattens JSON to leaf paths (`purposes.maps.title.fr`, `origins[0]`). */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) leaves(v, `${path}[${i}]`, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, JSON.stringify(value));
  return out;
}

/** The leaf fields that differ between two JSON values, in the newer one's order, removed ones last. */
export function fieldChanges(before: unknown, after: unknown): NoticeChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: NoticeChange[] = [];
  for (const [field, value] of b)
    if (a.get(field) !== value) changes.push({ field, before: a.get(field) ?? null, after: value });
  for (const [field, value] of a) if (!b.has(field)) changes.push({ field, before: value, after: null });
  return changes;
}

/** Plans the publication of `draft` (the editor's text) over `published` (null for a new site). */
export function planPublication(site: string, published: SiteConfig | null, draft: string): Plan | PlanProblem {
  let json: unknown;
  try {
    json = JSON.parse(draft);
  } catch (error) {
    return { kind: 'json', issues: [(error as Error).message] };
  }
  const valid = validateSiteConfig(json);
  if (!valid.ok) {
    const issues = valid.error.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    return { kind: 'invalid', issues: issues?.length ? issues : [valid.error.message] };
  }
  const config = valid.value;
  if (config.site !== site) return { kind: 'wrong-site', issues: [`site: "${config.site}" ≠ "${site}"`] };
  const notices = config.languages.map((language) => {
    const after = resolveNotice(config, language);
    // Revision aside: whether it rises is the check's to say, not a text change.
    const before =
      published?.languages.includes(language) === true
        ? resolveNotice({ ...published, revision: config.revision }, language)
        : null;
    return { language, changes: before ? noticeChanges(before, after) : [] };
  });
  return { config, check: checkRevision(published, config), fields: fieldChanges(published ?? {}, config), notices };
}

/** True when `plan` is a problem, not a plan. */
export function isProblem(plan: Plan | PlanProblem): plan is PlanProblem {
  return 'kind' in plan;
}
