// consent.js's JSX runtime (build.mjs points `preact/jsx-runtime` here): Preact's own createElement,
// already in the bundle, does what preact/jsx-runtime's separate vnode factory does for our markup
// (no dev-only `__source`/`__self`), for about 100 bytes less. Tests run on the real runtime.
import { createElement, Fragment, type ComponentChildren, type ComponentType } from 'preact';

/** Creates a vnode from compiled JSX: `props` holds the children, `key` comes apart. */
export const jsx = (type: string | ComponentType<object>, props: { children?: ComponentChildren }, key?: string | number) =>
  createElement(type, key == null ? props : { ...props, key });

export { jsx as jsxs, Fragment };
