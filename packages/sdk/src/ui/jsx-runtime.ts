// consent.js's JSX runtime (build.mjs points `preact/jsx-runtime` here, for the bundle and its lazy
// views alike): Preact's own createElement, which the bundle holds anyway, does what
// preact/jsx-runtime's separate vnode factory does for our markup (no dev-only `__source`/`__self`),
// for about 100 bytes less. Tests run on Preact's real runtime.
import { type ComponentChildren, type ComponentType, createElement, Fragment } from 'preact';

/** Creates a vnode from compiled JSX: `props` holds the children, `key` comes apart. */
export const jsx = (
  type: string | ComponentType<object>,
  props: { children?: ComponentChildren },
  key?: string | number,
) => createElement(type, key == null ? props : { ...props, key });

export { Fragment, jsx as jsxs };
