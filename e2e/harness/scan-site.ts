// A small site with known violations, for `consent-ledger scan`: pages on one loopback port, "third
// parties" on a second one, its consent.js from the real collector on a third.
// - `/`: an ungated inline script sets `_fx_track` (declared marketing) before any choice; a gated
//   analytics script from `localhost:<B>` (declared host) sets `_fx_stats` and pings its host, and a
//   gated analytics iframe from there answers with a third-party `_fx_widget` (which Chromium
//   refuses); a gated marketing pixel from `127.0.0.1:<B>`, a host no service declares; every page
//   sets the necessary, HttpOnly `fx_session`. Links: /contact.html, a PDF and another origin.
// - `/contact.html`: the tag and nothing else. `/start.html` links to `/never.html`, which never
//   answers; `/moved` redirects to the other port. The config also declares a maps service nobody uses.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI, type Collector, ROOT } from './server';

export interface ScanSite {
  /** `http://127.0.0.1:<A>`: the site's origin. */
  origin: string;
  /** `<B>`: the third parties' port (`localhost:<B>` declared, `127.0.0.1:<B>` not). */
  thirdPartyPort: number;
  /** The site config published on the collector (site `scanfix`). */
  config: Record<string, unknown>;
  stop(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const port = (server: Server) => (server.address() as AddressInfo).port;

/** The fixture config: one necessary service, one properly gated, one ungated, one never used. */
function siteConfig(origin: string) {
  return {
    site: 'scanfix',
    name: 'Fixture Santé',
    origins: [origin],
    revision: 1,
    policyUrl: `${origin}/confidentialite.html`,
    languages: ['fr', 'en'],
    purposes: { analytics: {}, marketing: {}, maps: {} },
    services: [
      {
        id: 'fixture-session',
        name: 'Session',
        provider: 'Fixture Santé',
        purpose: 'necessary',
        transfer: 'EU',
        cookies: ['fx_session'],
      },
      {
        id: 'fixture-stats',
        name: 'Statistiques Fixture',
        provider: 'Fixture Analytics',
        purpose: 'analytics',
        transfer: 'EU',
        hosts: ['localhost'],
        cookies: ['_fx_stats', '_fx_widget'],
        retention: { fr: '13 mois', en: '13 months' },
      },
      {
        id: 'fixture-ads',
        name: 'Publicité Fixture',
        provider: 'Fixture Ads',
        purpose: 'marketing',
        transfer: 'US',
        cookies: ['_fx_track'],
      },
      {
        id: 'fixture-maps',
        name: 'Cartes Fixture',
        provider: 'Fixture Maps',
        purpose: 'maps',
        transfer: 'US',
        hosts: ['maps.fixture.example'],
        cookies: ['MAPS_ID'],
      },
    ],
  };
}

function pageHtml(title: string, collector: string, body: string, head = ''): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<script src="${collector}/v1/sites/scanfix/consent.js?lang=fr" async></script>
${head}</head><body><h1>${title}</h1>${body}</body></html>`;
}

/** Starts the fixture site and its third parties, and publishes its config on `collector`. */
export async function startScanSite(collector: Collector): Promise<ScanSite> {
  let b = 0;
  const third = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/stats.js')
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(
          `document.cookie = '_fx_stats=1; path=/; max-age=${60 * 60 * 24 * 395}';\nnew Image().src = 'http://localhost:${b}/collect?id=1';`,
        );
    else if (path === '/pixel.gif' || path === '/collect') res.writeHead(204).end();
    else if (path === '/widget.html')
      res
        .writeHead(200, {
          'content-type': 'text/html',
          'set-cookie': `_fx_widget=w1; Path=/; Max-Age=${60 * 60 * 24 * 30}; SameSite=None; Secure`,
        })
        .end('<!doctype html><title>widget</title><p>Statistiques</p>');
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ailleurs</title>');
  });
  b = port(third);
  const never: ServerResponse[] = [];
  const site = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (body: string) =>
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'set-cookie': 'fx_session=s1; Path=/; HttpOnly; SameSite=Lax',
        })
        .end(body);
    const ungated = `<script>document.cookie = '_fx_track=1; path=/; max-age=86400';</script>`;
    if (path === '/')
      html(
        pageHtml(
          'Fixture Santé',
          collector.origin,
          `<img data-consent="marketing" data-src="http://127.0.0.1:${b}/pixel.gif" alt="" width="1" height="1">
<iframe data-consent="analytics" data-src="http://localhost:${b}/widget.html" title="Statistiques" width="300" height="80"></iframe>
<p><a href="/contact.html">Contact</a> · <a href="/brochure.pdf">Brochure</a> · <a href="http://localhost:${b}/">Partenaire</a></p>`,
          `${ungated}\n<script type="text/plain" data-consent="analytics" src="http://localhost:${b}/stats.js"></script>`,
        ),
      );
    else if (path === '/contact.html') html(pageHtml('Contact', collector.origin, '<a href="/">Accueil</a>'));
    else if (path === '/start.html')
      html(pageHtml('Départ', collector.origin, '<a href="/never.html">Jamais</a>', ungated));
    else if (path === '/never.html') never.push(res);
    else if (path === '/moved') res.writeHead(302, { location: `http://localhost:${b}/` }).end();
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const origin = `http://127.0.0.1:${port(site)}`;
  const config = siteConfig(origin);
  const token = await collector.token('admin', ['*']);
  const published = await collector.fetch('/v1/admin/sites/scanfix', {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  if (!published.ok) throw new Error(`publishing scanfix: ${published.status} ${await published.text()}`);
  return {
    origin,
    thirdPartyPort: b,
    config,
    stop: async () => {
      for (const res of never) res.destroy();
      site.closeAllConnections();
      third.closeAllConnections();
      await Promise.all([site, third].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

/** What a `consent-ledger` run printed and how it exited. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `consent-ledger` with `args` (and `env` added), as a user would. */
export function consentLedger(args: string[], env: Record<string, string> = {}, timeoutMs = 240_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}
