// The few controls every view repeats, drawn one way so that they look and weigh the same everywhere.
import type { ComponentChildren } from 'preact';

/** One action: its label and what a click does. */
export type Action = [label: string, onClick: (event: MouseEvent) => void];

/**
 * A row of equally weighted buttons (falsy entries skipped): same class, same size. `quiet` draws them
 * outlined: for the actions of a placeholder or the history, which must not outweigh the page.
 */
export function Actions({ list, quiet }: { list: Array<Action | false | null | undefined>; quiet?: boolean }) {
  return (
    <div class="acts">
      {list.map(
        (b) =>
          b && (
            <button type="button" class={quiet ? 'b q' : 'b'} onClick={b[1]}>
              {b[0]}
            </button>
          ),
      )}
    </div>
  );
}

/** The × in a corner, named for screen readers and on hover. */
export function CloseButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="x" aria-label={label} title={label} onClick={onClick}>
      ×
    </button>
  );
}

/** A link to a privacy policy, in a new tab so the choice in progress stays on screen. */
export function PrivacyLink({ href, label }: { href?: string; label: string }) {
  return href ? (
    <a href={href} target="_blank" rel="noopener">
      {label}
    </a>
  ) : null;
}

/** One row of a term list: the term, its value, and the value's class. */
export type Term = [term: string, value: ComponentChildren, className?: string];

/** A list of terms and their values (falsy rows skipped), laid out as two columns. */
export function Terms({ rows }: { rows: Array<Term | false | null | undefined | ''> }) {
  return <dl>{rows.map((row) => row && [<dt>{row[0]}</dt>, <dd class={row[2]}>{row[1]}</dd>])}</dl>;
}
