// The view and its object in the address's fragment (`#/subject/<id>`, `#/sites/<site>`, `#/stats`...). Never the token.

export const VIEWS = ['subject', 'search', 'stats', 'export', 'log', 'sites'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  subject: string | null;
  /** The site open in the console (`#/sites/<site>`); absent or null for the list. */
  site?: string | null;
}

/** Reads a fragment; anything unknown is the subject view. */
export function parseRoute(hash: string): Route {
  const [view, object] = hash.replace(/^#\/?/, '').split('/');
  if (!(VIEWS as readonly string[]).includes(view)) return { view: 'subject', subject: null };
  const decoded = object ? decodeURIComponent(object) : null;
  if (view === 'sites') return { view, subject: null, site: decoded };
  return { view: view as View, subject: view === 'subject' ? decoded : null };
}

/** The fragment of a route. */
export function routeHash(route: Route): string {
  if (route.view === 'subject' && route.subject) return `#/subject/${encodeURIComponent(route.subject)}`;
  if (route.view === 'sites' && route.site) return `#/sites/${encodeURIComponent(route.site)}`;
  return `#/${route.view}`;
}
