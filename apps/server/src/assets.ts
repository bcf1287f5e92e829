// Files the server serves besides the API (whose collector serves the SDK's scripts itself): the
// auditor UI (@consent-ledger/auditor's dist) and, with --demo, the demo site (@consent-ledger/demo's
// public). Each is built by its own package; until it exists, its URLs answer a clean JSON 404.
// The packages are found as Node finds them (their exports), so a server installed outside the
// checkout (`pnpm deploy`, or from a registry) serves the files installed beside it.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AppEnv,
  contentAddressed,
  type Encoded,
  encodeAll,
  errorResponse,
  notModified,
  sendEncoded,
} from '@consent-ledger/collector';
import { type Context, Hono } from 'hono';

/** Types worth compressing (text). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

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

/** The folder a package is installed in, resolved from this module through its `./package.json` export. */
export function packageDir(name: string): string {
  return dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
}

/** Where the served files are: the SDK's build output, the auditor UI's, the demo site. */
export interface AssetDirs {
  sdk: string;
  auditor: string;
  demo: string;
}

/** The asset folders of the installed packages. */
export function installedAssets(): AssetDirs {
  return {
    sdk: join(packageDir('@consent-ledger/sdk'), 'dist'),
    auditor: join(packageDir('@consent-ledger/auditor'), 'dist'),
    demo: join(packageDir('@consent-ledger/demo'), 'public'),
  };
}

export interface AssetOptions {
  /** The auditor UI's built files. */
  auditor: string;
  /** The demo site, served at `/`; none without `--demo`. */
  demo: string | null;
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

/**
 * Serves a folder under a URL prefix, `index.html` for folders. Pages are revalidated on every visit
 * (they change on rebuild); a file whose name carries its content hash (the auditor's console chunk)
 * is cached for good, as the SDK's chunks are; other scripts and files for five minutes like a third
 * party's tag would be, so a returning visitor's granted scripts start from the HTTP cache.
 */
function folder(app: Hono<AppEnv>, prefix: string, dir: string): void {
  // Text files are compressed once per version (modification time and size) and kept.
  const encoded = new Map<string, { version: string; encoded: Promise<Encoded> }>();
  const handler = async (c: Context<AppEnv>) => {
    const path = fileIn(dir, c.req.path.slice(prefix.length - 1));
    if (!path) return notFound(c);
    const { mtimeMs, size } = statSync(path);
    const version = `${Math.floor(mtimeMs).toString(36)}-${size.toString(36)}`;
    const etag = `"${version}"`;
    const cacheControl =
      extname(path) === '.html'
        ? 'no-cache'
        : contentAddressed(basename(path))
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=300';
    if (COMPRESSIBLE.has(extname(path))) {
      let cached = encoded.get(path);
      if (cached?.version !== version) {
        cached = { version, encoded: encodeAll(readFileSync(path)) };
        encoded.set(path, cached);
      }
      return sendEncoded(c, await cached.encoded, { etag, cacheControl, contentType: TYPES[extname(path)] });
    }
    c.header('ETag', etag);
    if (notModified((h) => c.req.header(h), { etag })) return c.body(null, 304);
    return send(c, path, readFileSync(path), cacheControl);
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

/** Routes for the auditor UI and, with `demo`, the demo site. Mount after the API. */
export function assetRoutes(options: AssetOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/audit', (c) => c.redirect('/audit/', 301));
  securityHeaders(app, '/audit/', AUDITOR_CSP);
  folder(app, '/audit/', options.auditor);
  if (options.demo) folder(app, '/', options.demo);
  return app;
}
