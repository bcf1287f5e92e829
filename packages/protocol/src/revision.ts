// What a revision means: a returning visitor is asked again exactly when the revision rises, so the
// revision must rise whenever a text they read changes, and never go down. One definition for the
// collector (which refuses a config breaking the rule) and the console (which shows it before publishing).
import type { Language, SiteConfig } from './config';
import { noticeHash } from './notice';
import { resolveNotice } from './resolve-notice';

/** What publishing a config over the published one does. */
export type RevisionOutcome =
  /** No config was published: a new site. */
  | 'new-site'
  /** Same revision, every notice text unchanged: returning visitors keep their choices. */
  | 'keeps-choices'
  /** A higher revision: every returning visitor is asked again. */
  | 'asks-again'
  /** Refused: same revision, but a notice text changed, so its visitors would never be asked about it. */
  | 'needs-bump'
  /** Refused: a lower revision than the published one. */
  | 'lower-revision';

/** The published config against the one about to be. */
export interface RevisionCheck {
  outcome: RevisionOutcome;
  /** The published revision; null for a new site. */
  published: number | null;
  /** The revision the new config carries. */
  revision: number;
  /** Languages offered before and after whose notice text differs (revision aside). */
  changed: Language[];
  /** Languages the new config adds and drops. */
  added: Language[];
  removed: Language[];
  /** The lowest revision this config may be published at: the published one when no text changed, else one more. */
  lowest: number;
}

/** The notice hash of `config` in `language`, as if it carried `revision` (so only texts are compared). */
function textsHash(config: SiteConfig, language: Language, revision: number): string {
  return noticeHash(resolveNotice({ ...config, revision }, language));
}

/** Compares two validated configs of one site: which notice texts changed and whether `next` may be published. */
export function checkRevision(published: SiteConfig | null, next: SiteConfig): RevisionCheck {
  if (!published)
    return {
      outcome: 'new-site',
      published: null,
      revision: next.revision,
      changed: [],
      added: [],
      removed: [],
      lowest: 1,
    };
  const changed = next.languages.filter(
    (language) =>
      published.languages.includes(language) &&
      textsHash(published, language, next.revision) !== textsHash(next, language, next.revision),
  );
  const added = next.languages.filter((language) => !published.languages.includes(language));
  const removed = published.languages.filter((language) => !next.languages.includes(language));
  const lowest = changed.length > 0 ? published.revision + 1 : published.revision;
  const outcome: RevisionOutcome =
    next.revision < published.revision
      ? 'lower-revision'
      : next.revision > published.revision
        ? 'asks-again'
        : changed.length > 0
          ? 'needs-bump'
          : 'keeps-choices';
  return { outcome, published: published.revision, revision: next.revision, changed, added, removed, lowest };
}

/** Why a config may not be published, naming the fix; null when it may. */
export function revisionProblem(check: RevisionCheck): string | null {
  const { outcome, published, revision, changed, lowest } = check;
  if (outcome === 'needs-bump')
    return `revision ${revision} is already published with other texts (the notice changed in ${changed.join(', ')}), so returning visitors would never be asked about them: publish it as revision ${lowest} (sites put --bump does it), or undo the text changes`;
  if (outcome === 'lower-revision') {
    const fix =
      lowest === published
        ? `publish it as revision ${published} (no text changed, visitors keep their choices) or higher to ask every visitor again`
        : `publish it as revision ${lowest} or higher (the notice changed in ${changed.join(', ')})`;
    return `revision ${revision} is lower than the published revision ${published}: ${fix} (sites put --bump does it)`;
  }
  return null;
}
