// Debian's Chromium driven by playwright-core (never a downloaded browser), one context per
// scenario, and a network guard: loopback goes through, everything else is refused and recorded,
// so a scenario can prove that no third party was contacted.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '@consent-ledger/scanner';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'e2e/screenshots');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Launches the system Chromium with the scanner's quiet flags; a missing browser is an error, never a reason to skip. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh --system)`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface ScenarioOptions {
  /** Global Privacy Control: `navigator.globalPrivacyControl = true` and `Sec-GPC: 1`. */
  gpc?: boolean;
  /** Browser languages, most preferred first (`navigator.languages`, `Accept-Language`). */
  locale?: string;
  /** Passed to `browser.newContext`. */
  context?: BrowserContextOptions;
}

/** One scenario's browser context and what its network guard refused. */
export interface Scenario {
  context: BrowserContext;
  page: Page;
  /** Every non-loopback URL the pages tried to fetch, in order (all refused). */
  blocked: string[];
  /** Every loopback request, as `METHOD path` (to count receipts sent, for instance). */
  requests: string[];
  /** Answers `url` (on loopback) with `html` instead of the server: pages the demo does not have. */
  servePage(url: string, html: string): Promise<void>;
}

/** A fresh context (no cookies, no IndexedDB) with the network guard installed, and its first page. */
export async function newScenario(browser: Browser, options: ScenarioOptions = {}): Promise<Scenario> {
  const headers: Record<string, string> = options.gpc ? { 'Sec-GPC': '1' } : {};
  const context = await browser.newContext({
    locale: options.locale ?? 'fr-FR',
    extraHTTPHeaders: headers,
    acceptDownloads: true,
    ...options.context,
  });
  if (options.gpc) {
    // Chromium does not expose GPC by default (STACK.md).
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
  }
  const blocked: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (LOOPBACK.has(url.hostname)) {
      requests.push(`${request.method()} ${url.pathname}${url.search}`);
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return {
    context,
    page,
    blocked,
    requests,
    servePage: async (url, html) => {
      await context.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
    },
  };
}

/**
 * Reads one key of the SDK's IndexedDB store (database `consent-ledger`, store `kv`, as idb-keyval
 * lays it out). Undefined when the database does not exist yet: reading never creates it, which
 * would otherwise leave the SDK a database without its store.
 */
export function readIdb<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('consent-ledger');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction('kv', 'readonly').objectStore('kv').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T | undefined);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Polls `probe` until it returns a truthy value (then returns it) or `timeoutMs` passes (then throws `what`). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Writes `e2e/screenshots/<name>.png` (ignored by git) of a page or one element. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}
