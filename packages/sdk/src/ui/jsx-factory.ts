// consent.js's JSX factory (build.mjs injects it into the bundle and its lazy views): the classic
// transform, `createElement(type, props, ...children)`, which Preact's createElement takes as it is.
// It writes shorter code than the automatic runtime's `jsx(type, { ...props, children: [...] })` and
// needs no wrapper of its own (about 35 B of consent.js and 70 B of the views chunk, brotli). The
// sources and their tests keep the automatic runtime (tsconfig): both give Preact the same vnodes.
export { createElement, Fragment } from 'preact';
