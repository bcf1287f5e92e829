// The demo site (apps/demo/public, served at `/` by `consent-ledger serve --demo`): its pages, the
// site they embed, and what its local stand-ins of third-party tags record in the page.
import type { Page } from 'playwright-core';
import type { Collector } from './server';

/** The demo's pages per language and the site id their consent.js tag names (fixtures/sites/demo.json). */
export const DEMO = {
  site: 'demo',
  path: '/',
  pages: { fr: '/', en: '/en.html', nl: '/nl.html', de: '/de.html' },
} as const;

/** The traces the embeds' stand-ins (maps.html, video.html) leave in `window.__ran` of their parent page. */
export const EMBED_TRACES = ['maps', 'video'];

/** Opens a demo page and waits for its load event. */
export async function openDemo(page: Page, collector: Collector, path: string = DEMO.path): Promise<void> {
  await page.goto(collector.origin + path, { waitUntil: 'load' });
}

/** What the stand-ins recorded: `window.__ran` (gtag, linkedin, maps... in the order they ran), the gtag hits and pixels. */
export function standIns(page: Page): Promise<{ ran: string[]; hits: unknown[]; pixels: unknown[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __ran?: string[]; __gtag?: { hits: unknown[] }; __pixels?: unknown[] };
    return { ran: [...(w.__ran ?? [])], hits: [...(w.__gtag?.hits ?? [])], pixels: [...(w.__pixels ?? [])] };
  });
}
