// The view and subject in the address's fragment (`#/subject/<id>`, `#/stats`...). Never the token.

export const VIEWS = ['subject', 'search', 'stats', 'export', 'log'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  subject: string | null;
}

/** Reads a fragment; anything unknown is the subject view. */
export function parseRoute(hash: string): Route {
  const [view, subject] = hash.replace(/^#\/?/, '').split('/');
  if (!(VIEWS as readonly string[]).includes(view)) return { view: 'subject', subject: null };
  return { view: view as View, subject: view === 'subject' && subject ? decodeURIComponent(subject) : null };
}

/** The fragment of a route. */
export function routeHash(route: Route): string {
  return route.view === 'subject' && route.subject
    ? `#/subject/${encodeURIComponent(route.subject)}`
    : `#/${route.view}`;
}
