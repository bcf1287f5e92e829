// The views that open on a click, or on a page's ask(), loaded apart from the banner (see ../load-views.ts).
export { Ask } from './ask';
export { Dialog } from './dialog';
