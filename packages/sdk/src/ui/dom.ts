// The banner's whole rendering layer. Its views are a few small trees that change on a handful of
// events (a decision, the dialog opening, the history arriving), so each view builds fresh elements
// and its owner swaps them in; a virtual DOM (Preact: 4.0 KB brotli, over a third of consent.js's
// 11 KB budget) would buy nothing these views need.

/** What a view may put in an element: nodes, text, nothing (`false`, `null`, `undefined`), or lists of those. */
export type Child = Node | string | number | false | null | undefined | Child[];

/** Attributes by their HTML name, and `on<event>` listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

/**
 * Builds an element. `onclick`-style props become listeners; `true` sets an empty attribute and
 * `false`/`null`/`undefined` none (ARIA states are passed as the strings "true"/"false"); children are
 * appended in order, lists flattened.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value as EventListener);
    else if (value != null && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...flat(children));
  return element;
}

/** The nodes and strings of a child list, in order, without the empty ones. */
export function flat(children: Child[]): Array<Node | string> {
  const out: Array<Node | string> = [];
  for (const c of children) {
    if (Array.isArray(c)) out.push(...flat(c));
    else if (c != null && c !== false) out.push(typeof c === 'number' ? String(c) : c);
  }
  return out;
}
