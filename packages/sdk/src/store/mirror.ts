// A synchronous copy of the visitor's decision in localStorage. IndexedDB answers only after a few
// tasks, too late for the first painted frame; when the config is known at once (inline, or embedded
// by the per-site script), this copy lets the runtime show the banner, or start the granted scripts,
// before the page's first frame. IndexedDB stays the record: when the two differ, IndexedDB wins
// and the copy is rewritten.
import type { StoredDecision } from '../core/state';

const keyOf = (site: string) => `consent-ledger:decision:${site}`;

/** The mirrored decision of `site`: undefined when there is none, null when it cannot be read. */
export function readMirror(site: string): StoredDecision | undefined | null {
  try {
    return JSON.parse(localStorage.getItem(keyOf(site)) ?? 'null') ?? undefined;
  } catch {
    // Blocked storage or a damaged copy: the page waits for IndexedDB, which rewrites the copy.
    return null;
  }
}

/** Mirrors `decision` of `site` (undefined removes the copy); a refusal only costs the synchronous path. */
export function writeMirror(site: string, decision: StoredDecision | undefined): void {
  try {
    if (decision) localStorage.setItem(keyOf(site), JSON.stringify(decision));
    else localStorage.removeItem(keyOf(site));
  } catch {
    // Quota or blocked storage: IndexedDB still holds the decision, read on the next page a little later.
  }
}

/** True when two stored decisions are the same (both absent included; an unreadable copy, null, matches nothing stored). */
export const sameDecision = (a: StoredDecision | undefined | null, b: StoredDecision | undefined | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
