// The views that open on a click, loaded apart from the banner (see ../load-views.ts).
export { Dialog } from './dialog';
