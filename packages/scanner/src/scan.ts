// The crawl: same-origin links breadth-first from the start URL, three passes per page, then what
// was seen attributed to the site's services and the findings drawn. A scan that stops early (bad
// input, a page that fails, an interruption) still answers a report with what it gathered.
import type { SiteConfig } from '@consent-ledger/protocol';
import type { Browser } from 'playwright-core';
import { attributor } from './attribute';
import { findChromium, launchChromium } from './browser';
import { classifyPass } from './classify';
import { fetchConfig, type LoadedConfig, readConfigFile } from './config-source';
import { contextSource } from './contexts';
import { ScanError } from './errors';
import { findings } from './findings';
import { ownHosts } from './party';
import { type RawPass, runPass } from './pass';
import { PASSES, type PageRecord, type PassName, type ScanReport } from './report';
import type { ConsentTag } from './snapshot';

export interface ScanOptions {
  /** Where the crawl starts (http or https). */
  url: string;
  /** A config file to compare against (`--config`); else the config is fetched from the collector. */
  configFile?: string;
  /** The collector's base URL; by default the one the pages' Consent Ledger tag loads from. */
  collector?: string;
  /** The site id; by default the one the pages' tag names. */
  site?: string;
  /** At most this many pages scanned (default 10), links followed at most `depth` deep (default 2). */
  pages?: number;
  depth?: number;
  /** Per page load (default 20 s). */
  timeoutMs?: number;
  /** Stops the scan: the browser is closed and the report says `interrupted`. */
  signal?: AbortSignal;
  /** One line per page scanned (progress). */
  onProgress?: (line: string) => void;
  /** The Chromium to drive (default: CHROMIUM_PATH or the installed one). */
  chromiumPath?: string;
  /** Take a screenshot of every pass (for the HTML report; default true). */
  screenshots?: boolean;
}

/** The report, the config it was compared against, and a JPEG per page and pass (`<page url> <pass>`). */
export interface ScanResult {
  report: ScanReport;
  config: SiteConfig | null;
  screenshots: Map<string, Buffer>;
}

interface Visited {
  record: PageRecord;
  raw: Partial<Record<PassName, RawPass>>;
}

/** Links not worth a browser: files rather than pages. */
const NOT_A_PAGE =
  /\.(pdf|zip|gz|tgz|jpe?g|png|gif|webp|avif|svg|ico|mp3|mp4|webm|ogg|docx?|xlsx?|pptx?|odt|ods|csv|json|xml|txt|ics|vcf)$/i;

/** The crawlable form of a link: same origin as the start, http(s), no fragment; null otherwise. */
function crawlable(href: string, origin: string): string | null {
  try {
    const url = new URL(href);
    if (url.origin !== origin || NOT_A_PAGE.test(url.pathname)) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Scans a site (see the module comment); rejects only on a bug, never on bad input. */
export async function scanSite(options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const maxPages = options.pages ?? 10;
  const maxDepth = options.depth ?? 2;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const start = new URL(options.url);
  const visited: Visited[] = [];
  const collectors = new Set<string>(options.collector ? [options.collector.replace(/\/+$/, '')] : []);
  const screenshots = new Map<string, Buffer>();
  let loaded: LoadedConfig | null = null;
  let browser: Browser | null = null;
  let error: ScanError | null = null;
  const stop = () => void browser?.close().catch(() => undefined);
  options.signal?.addEventListener('abort', stop);

  try {
    if (options.signal?.aborted) throw new ScanError('interrupted', 'interrupted before the scan started');
    if (options.configFile) {
      loaded = await readConfigFile(options.configFile);
      if (options.site && loaded.config.site !== options.site)
        throw new ScanError(
          'invalid-config',
          `${options.configFile} is the config of "${loaded.config.site}", not of --site ${options.site}`,
        );
    } else if (options.collector && options.site)
      loaded = await fetchConfig(options.collector, options.site, timeoutMs);
    browser = await launchChromium(options.chromiumPath ?? findChromium());
    const contexts = contextSource(browser);
    const passOptions = (url: string) => ({ contexts, url, timeoutMs, screenshot: options.screenshots ?? true });
    if (options.signal?.aborted) throw new ScanError('interrupted', 'interrupted before the first page');
    const queue: Array<{ url: string; depth: number }> = [{ url: start.href.replace(/#.*$/, ''), depth: 0 }];
    const queued = new Set(queue.map((q) => q.url));
    let scanned = 0;
    while (queue.length > 0 && scanned < maxPages) {
      const { url, depth } = queue.shift()!;
      const record: PageRecord = { url, depth, status: null, title: '', lang: '', site: null, passes: {} };
      const page: Visited = { record, raw: {} };
      visited.push(page);
      const first = await runPass('first-visit', passOptions(url));
      record.status = first.status;
      const landedOrigin = new URL(first.finalUrl).origin;
      if (landedOrigin !== start.origin) {
        const why = `redirects to ${first.finalUrl}, another origin`;
        if (depth === 0) throw new ScanError('off-origin', `${url} ${why}: scan that URL instead`);
        record.skipped = why;
        options.onProgress?.(`skipped ${url}: ${why}`);
        continue;
      }
      if (!/html/i.test(first.contentType)) {
        const why = `is not an HTML page (${first.contentType || 'no content type'})`;
        if (depth === 0) throw new ScanError('not-html', `${url} ${why}`);
        record.skipped = why;
        options.onProgress?.(`skipped ${url}: ${why}`);
        continue;
      }
      const facts = first.facts!;
      Object.assign(record, { title: facts.title, lang: facts.lang, site: facts.tag?.site ?? null });
      if (facts.tag) collectors.add(facts.tag.collector.replace(/\/+$/, ''));
      loaded ??= await configFromTag(facts.tag, options, timeoutMs);
      if (facts.tag && facts.tag.site !== loaded.config.site) {
        record.skipped = `carries the Consent Ledger tag of another site ("${facts.tag.site}")`;
        options.onProgress?.(`skipped ${url}: ${record.skipped}`);
        continue;
      }
      page.raw['first-visit'] = first;
      for (const pass of ['after-reject', 'after-accept'] as const)
        page.raw[pass] = await runPass(pass, passOptions(url));
      scanned++;
      for (const link of facts.links) {
        const next = crawlable(link, start.origin);
        if (next && depth < maxDepth && !queued.has(next)) {
          queued.add(next);
          queue.push({ url: next, depth: depth + 1 });
        }
      }
      const times = PASSES.map((pass) => `${pass} ${seconds(page.raw[pass]!.durationMs)}`).join(', ');
      options.onProgress?.(`[${scanned}/${Math.min(maxPages, scanned + queue.length)}] ${url} (${times})`);
    }
  } catch (caught) {
    if (options.signal?.aborted) error = new ScanError('interrupted', 'interrupted: the browser was closed');
    else if (caught instanceof ScanError) error = caught;
    else throw caught;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await (browser as Browser | null)?.close().catch(() => undefined);
  }

  const config = loaded?.config ?? null;
  const attr = attributor(config, collectors);
  const pages = visited.map(({ record, raw }) => {
    const own = ownHosts(record.url, config?.origins ?? []);
    for (const pass of PASSES) {
      const seen = raw[pass];
      if (!seen) continue;
      record.passes[pass] = classifyPass(seen, record.url, own, attr);
      if (seen.screenshot.length > 0) screenshots.set(`${record.url} ${pass}`, seen.screenshot);
    }
    return record;
  });
  const report: ScanReport = {
    site: config?.site ?? null,
    url: start.href,
    startedAt,
    finishedAt: new Date().toISOString(),
    config: loaded ? { source: loaded.source, revision: loaded.config.revision } : null,
    complete: error === null,
    ...(error ? { error: error.toFailure() } : {}),
    pages,
    findings: config ? findings(pages, config, error === null) : [],
  };
  return { report, config, screenshots };
}

/** The config named by the first page's tag (or `--site` / `--collector` completing it). */
async function configFromTag(tag: ConsentTag | null, options: ScanOptions, timeoutMs: number): Promise<LoadedConfig> {
  const collector = options.collector ?? tag?.collector;
  const site = options.site ?? tag?.site;
  if (!collector || !site)
    throw new ScanError(
      'no-config',
      `${options.url} has no Consent Ledger tag to read the site from: pass --config FILE, or --collector URL and --site SITE`,
    );
  return fetchConfig(collector, site, timeoutMs);
}
