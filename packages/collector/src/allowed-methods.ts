// Which methods a path is served with, for a 405's `Allow`. Matched by Hono's own trie router on
// the app's registered routes, so it agrees with the routing itself; middleware (method ALL) and
// folder routes ending in `*` (a file that may not exist) do not make a path known.
import { TrieRouter } from 'hono/router/trie-router';

/** A registered route, as `app.routes` lists it. */
export interface RouteEntry {
  method: string;
  path: string;
}

/** Methods in the order `Allow` lists them. */
const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Returns a function giving the methods `path` is served with (HEAD with GET), empty for an unknown path. */
export function allowedMethods(routes: () => readonly RouteEntry[]): (path: string) => string[] {
  let built: { count: number; router: TrieRouter<string>; methods: string[] } | null = null;
  return (path) => {
    const all = routes();
    // Routes can be added after the first request (a server mounts its assets last): rebuild then.
    if (!built || built.count !== all.length) {
      const router = new TrieRouter<string>();
      const methods = new Set<string>();
      for (const r of all) {
        if (r.method === 'ALL' || r.path.endsWith('*')) continue;
        router.add(r.method, r.path, r.method);
        methods.add(r.method);
      }
      built = { count: all.length, router, methods: [...methods] };
    }
    const router = built.router;
    const found = new Set(built.methods.filter((m) => router.match(m, path)[0].length > 0));
    if (found.has('GET')) found.add('HEAD');
    return [...found].sort((a, b) => rank(a) - rank(b));
  };
}

function rank(method: string): number {
  const i = ORDER.indexOf(method);
  return i < 0 ? ORDER.length : i;
}
