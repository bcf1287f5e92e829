// consent.js's loader of its sync chunk (build.mjs resolves ./load-sync here for consent.js).
import { loadChunk, once } from './chunk-script';
import type { Sync } from './load-sync';

// The chunk's file name, content-hashed: build.mjs writes it in after building the chunk.
declare const __CONSENT_SYNC__: string;

/** Loads the sync chunk (once; a failed load is tried again on the next call). */
export const loadSync: () => Promise<Sync> = once(() => loadChunk(__CONSENT_SYNC__));
