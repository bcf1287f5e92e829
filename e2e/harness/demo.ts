// The demo site (apps/demo, served by `consent-ledger serve --demo`): where it is and which site it embeds.
import type { Page } from 'playwright-core';
import type { Collector } from './server';

/** The demo's practitioner page and the site id its consent.js tag names. */
export const DEMO = { path: '/', site: 'clikodoc' } as const;

/** Opens the demo page and waits until it has loaded. */
export async function openDemo(page: Page, collector: Collector, path: string = DEMO.path): Promise<void> {
  await page.goto(collector.origin + path, { waitUntil: 'load' });
}
