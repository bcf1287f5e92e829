// The entry of consent.js's lazy views chunk (consent-views.<hash>.js, built by build.mjs): the views,
// handed back to the bundle that loaded them (see ../../chunk-script.ts).
import { currentHandoff } from '../../chunk-script';
import * as views from './index';

currentHandoff().resolve(views);
