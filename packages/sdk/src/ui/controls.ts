// The few controls every view repeats, drawn one way so that they look and weigh the same everywhere.
import { type Child, h } from './dom';

/** A row of equally weighted buttons (`[label, onClick]`, falsy entries skipped): same class, same size. */
export function actions(...buttons: Array<[string, (event: MouseEvent) => void] | false | undefined>): HTMLElement {
  return h(
    'div',
    { class: 'acts' },
    buttons.map((b) => b && h('button', { class: 'b', onclick: b[1] }, b[0])),
  );
}

/** The × in a corner, named for screen readers and on hover. */
export function closeButton(label: string, onclick: () => void): HTMLElement {
  return h('button', { class: 'x', 'aria-label': label, title: label, onclick }, '×');
}

/** A link to a privacy policy, in a new tab so the choice in progress stays on screen. */
export function privacyLink(href: string | undefined, label: string): HTMLElement | undefined {
  return href ? h('a', { href, target: '_blank', rel: 'noopener' }, label) : undefined;
}

/** A list of terms and their values (`[term, value, class of the value?]`; falsy rows skipped), laid out as two columns. */
export function terms(...rows: Array<[string, Child, string?] | false | null | undefined | ''>): HTMLElement {
  return h(
    'dl',
    null,
    rows.map((row) => row && [h('dt', null, row[0]), h('dd', { class: row[2] }, row[1])]),
  );
}
