// The entry of consent.js's sync chunk (consent-sync.<hash>.js, built by build.mjs), handed back to the
// bundle that loaded it (see chunk-script.ts).
import { currentHandoff } from './chunk-script';
import * as sync from './sync';

currentHandoff().resolve(sync);
