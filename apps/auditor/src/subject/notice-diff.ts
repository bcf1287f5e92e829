// What changed between two notices a visitor was shown: every displayed text flattened to a named
// field (a text key, a purpose's title or description, a service's field), then compared.
import type { Notice } from '@consent-ledger/protocol';

/** One field that differs; `before` or `after` is null when the field was added or removed. */
export interface NoticeChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Every displayed field of a notice by a stable name (`purposes.maps.title`, `services.intercom.transfer`...). */
export function noticeFields(notice: Notice): Map<string, string> {
  const fields = new Map<string, string>();
  fields.set('revision', String(notice.revision));
  fields.set('language', notice.language);
  fields.set('policyUrl', notice.policyUrl);
  for (const [key, text] of Object.entries(notice.texts)) fields.set(`texts.${key}`, text);
  for (const p of notice.purposes) {
    fields.set(`purposes.${p.id}.title`, p.title);
    fields.set(`purposes.${p.id}.description`, p.description);
  }
  for (const s of notice.services) {
    for (const [key, value] of Object.entries(s)) {
      if (key !== 'id') fields.set(`services.${s.id}.${key}`, Array.isArray(value) ? value.join(', ') : String(value));
    }
  }
  return fields;
}

/** The fields that differ between two notices, in the order of the newer one, removed fields last. */
export function noticeChanges(before: Notice, after: Notice): NoticeChange[] {
  const a = noticeFields(before);
  const b = noticeFields(after);
  const changes: NoticeChange[] = [];
  for (const [field, value] of b) {
    const old = a.get(field);
    if (old !== value) changes.push({ field, before: old ?? null, after: value });
  }
  for (const [field, value] of a) if (!b.has(field)) changes.push({ field, before: value, after: null });
  return changes;
}
