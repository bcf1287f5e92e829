// consent.js's loader of its lazy views (build.mjs resolves ./load-views here for consent.js): the
// chunk draws with this bundle's own Preact, handed over with it (see ../chunk-script.ts).
import { Component, createElement, Fragment } from 'preact';
import { loadChunk, once } from '../chunk-script';
import type { Views } from './load-views';

// The chunk's file name, content-hashed: build.mjs writes it in after building the chunk.
declare const __CONSENT_VIEWS__: string;

/** What the views chunk takes from consent.js (views/preact-shared.ts reads it). */
export const sharedPreact = { createElement, Fragment, Component };

/** Loads the views chunk (once; a failed load is tried again on the next call). */
export const loadViews: () => Promise<Views> = once(() => loadChunk(__CONSENT_VIEWS__, { preact: sharedPreact }));
