// Files the server serves besides the API: the embed bundle (packages/sdk/dist), alone or as a
// site's own script with its config embedded, the demo site (apps/demo/public, with --demo) and the
// auditor UI (apps/auditor/dist). Each is built by its own package; until it exists, its URLs answer
// a clean JSON 404.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppEnv, errorResponse, notModified } from '@consent-ledger/collector';
import { type Context, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The repository root: the nearest folder up holding pnpm-workspace.yaml (from src/ or dist/ alike). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('the repository root (pnpm-workspace.yaml) was not found');
    dir = up;
  }
  return dir;
}

export interface AssetOptions {
  /** Repository root the asset folders are found in. */
  root: string;
  /** Serve the demo site at `/`. */
  demo: boolean;
  /** The collector's API, asked in-process for the config a per-site script embeds (without it, no per-site scripts). */
  api?: { request(path: string, init?: RequestInit): Response | Promise<Response> };
}

interface Loaded {
  mtimeMs: number;
  body: Uint8Array<ArrayBuffer>;
  version: string;
}

/** A file read once and again only when it changes on disk (a rebuild while serving). */
function cachedFile(path: string): () => Loaded | null {
  let loaded: Loaded | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    if (!loaded || loaded.mtimeMs !== mtimeMs) {
      const body = readFileSync(path);
      loaded = { mtimeMs, body, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    }
    return loaded;
  };
}

/** A file of `dir` named by a URL path, or null (missing, a folder, or outside `dir`). */
function fileIn(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(dir, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (path !== dir && !path.startsWith(dir + sep)) return null;
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

function notFound(c: Context<AppEnv>): Response {
  return errorResponse(c, 404, 'not-found', `${new URL(c.req.url).pathname} is not here (not built yet?)`);
}

function send(c: Context<AppEnv>, path: string, body: Uint8Array<ArrayBuffer>, cacheControl: string): Response {
  c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
  c.header('Cache-Control', cacheControl);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(body);
}

/** `consent.js` at version `v`: `consent.<v>.js`. */
export function versioned(name: string, version: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${version}${name.slice(dot)}`;
}

/**
 * Serves a folder under a URL prefix, `index.html` for folders. Pages are revalidated on every visit
 * (they change on rebuild); scripts and other files are cached for five minutes like a third party's
 * tag would be, so a returning visitor's granted scripts start from the HTTP cache.
 */
function folder(app: Hono<AppEnv>, prefix: string, dir: string): void {
  const handler = (c: Context<AppEnv>) => {
    const path = fileIn(dir, c.req.path.slice(prefix.length - 1));
    if (!path) return notFound(c);
    const { mtimeMs, size } = statSync(path);
    const etag = `"${Math.floor(mtimeMs).toString(36)}-${size.toString(36)}"`;
    c.header('ETag', etag);
    if (notModified((h) => c.req.header(h), { etag })) return c.body(null, 304);
    return send(c, path, readFileSync(path), extname(path) === '.html' ? 'no-cache' : 'public, max-age=300');
  };
  app.get(prefix === '/' ? '/*' : `${prefix}*`, handler);
}

/**
 * The auditor UI's Content-Security-Policy: its own scripts, styles and API only, never framed
 * (`frame-ancestors 'none'`: no clickjacking of a signed-in auditor). `frame-src 'self'` lets the
 * console show a live preview of consent.js in a sandboxed iframe served by this collector; `data:`
 * images are the inline favicon and chart swatches.
 */
export const AUDITOR_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every answer under a prefix (pages, files and their 404s alike). */
function securityHeaders(app: Hono<AppEnv>, prefix: string, csp: string): void {
  app.use(`${prefix}*`, async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    // For browsers without frame-ancestors.
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
  });
}

/** Most per-site scripts kept built (site x language x config version). */
const MAX_SITE_SCRIPTS = 256;

/**
 * `GET /v1/sites/:site/consent.js?lang=`: the bundle wrapped in a function given the site's config
 * document as the config route answers it (same language negotiation), with that answer's ETag so
 * the SDK revalidates it in the background. The page needs no config request before its banner, and
 * a returning visitor's copy comes from the HTTP cache at once, revalidated behind when stale.
 */
function siteScripts(app: Hono<AppEnv>, bundle: () => Loaded | null, api: NonNullable<AssetOptions['api']>): void {
  const built = new Map<string, Uint8Array<ArrayBuffer>>();
  app.get('/v1/sites/:site/consent.js', async (c) => {
    const loaded = bundle();
    if (!loaded) return notFound(c);
    const lang = c.req.query('lang');
    const acceptLanguage = c.req.header('accept-language');
    const answer = await api.request(
      `/v1/sites/${encodeURIComponent(c.req.param('site'))}/config${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`,
      {
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
      },
    );
    // Unknown site (404) and the like: the config route's own JSON error.
    if (answer.status !== 200) return answer;
    const configTag = answer.headers.get('etag')!;
    // Both parts name the script: a new bundle or a changed config is a new ETag.
    const etag = `"${loaded.version}.${configTag.slice(1, -1)}"`;
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Language');
    c.header('Access-Control-Allow-Origin', '*');
    if (notModified((h) => c.req.header(h), { etag })) return c.body(null, 304);
    let body = built.get(etag);
    if (!body) {
      const document = await answer.text();
      const { site } = JSON.parse(document).config as { site: string };
      // The bundle opens with its "use strict" directive, which stays one as the function body's first statement.
      const tail = `\n})(${JSON.stringify({ site, etag: configTag }).slice(0, -1)},"document":${document}});\n`;
      body = Buffer.concat([
        Buffer.from('(function(__consentLedger){'),
        loaded.body,
        Buffer.from(tail),
      ]) as Uint8Array<ArrayBuffer>;
      if (built.size >= MAX_SITE_SCRIPTS) built.clear();
      built.set(etag, body);
    }
    // Stale copies run at once while the browser fetches the next one; the SDK revalidates the config itself.
    return send(c, 'consent.js', body, 'public, max-age=300, stale-while-revalidate=86400');
  });
}

/** Routes for the embed bundle (shared and per site), the auditor UI and, with `demo`, the demo site. Mount after the API. */
export function assetRoutes(options: AssetOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sdkDist = join(options.root, 'packages/sdk/dist');
  const bundles = new Map(['consent.js', 'consent.css'].map((name) => [name, cachedFile(join(sdkDist, name))]));
  for (const [name, file] of bundles) {
    // The stable URL sites embed: cached briefly, so a new release reaches visitors within minutes.
    app.get(`/${name}`, (c) => {
      const loaded = file();
      if (!loaded) return notFound(c);
      const etag = `"${loaded.version}"`;
      c.header('ETag', etag);
      c.header('Link', `</${versioned(name, loaded.version)}>; rel="alternate"`);
      c.header('Access-Control-Allow-Origin', '*');
      if (notModified((h) => c.req.header(h), { etag })) return c.body(null, 304);
      return send(c, name, loaded.body, 'public, max-age=300');
    });
  }
  if (options.api) siteScripts(app, bundles.get('consent.js')!, options.api);
  // The versioned URLs (consent.<hash>.js): their content never changes, so they are cached for good.
  app.get('/:file{consent\\.[0-9a-f]{12}\\.(?:js|css)}', (c) => {
    const [stem, version, ext] = c.req.param('file').split('.');
    const name = `${stem}.${ext}`;
    const loaded = bundles.get(name)?.();
    if (!loaded || loaded.version !== version) return notFound(c);
    c.header('Access-Control-Allow-Origin', '*');
    return send(c, name, loaded.body, 'public, max-age=31536000, immutable');
  });
  app.get('/audit', (c) => c.redirect('/audit/', 301));
  securityHeaders(app, '/audit/', AUDITOR_CSP);
  folder(app, '/audit/', join(options.root, 'apps/auditor/dist'));
  if (options.demo) folder(app, '/', join(options.root, 'apps/demo/public'));
  return app;
}
