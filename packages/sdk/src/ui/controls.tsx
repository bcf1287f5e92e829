// The few controls every view repeats, drawn one way so that they look and weigh the same everywhere.

/** A row of equally weighted buttons (`[label, onClick]`, falsy entries skipped): same class, same size. */
export function actions(...buttons: Array<[string, () => void] | false | undefined>) {
  return <div class="acts">{buttons.map((b) => b && <button class="b" onClick={b[1]}>{b[0]}</button>)}</div>;
}

/** The × in a corner, named for screen readers and on hover. */
export function closeButton(label: string, onClick: () => void) {
  return (
    <button class="x" aria-label={label} title={label} onClick={onClick}>
      ×
    </button>
  );
}

/** A link to a privacy policy, in a new tab so the choice in progress stays on screen. */
export function privacyLink(href: string | undefined, label: string) {
  return (
    href && (
      <a href={href} target="_blank" rel="noopener">
        {label}
      </a>
    )
  );
}
