// consent.js's lazy views draw with the bundle's own Preact, never a copy (build.mjs resolves `preact`
// here for the chunk): one renderer, one set of options, and no second 4 KB to load.
import { currentHandoff } from '../../chunk-script';
import type { sharedPreact } from '../load-views-script';

const shared = currentHandoff().shared.preact as typeof sharedPreact;

export const { createElement, Fragment, Component } = shared;
