// The console (apps/auditor at /audit/) as its e2e tests drive it: signing in with a token of one
// site, and axe over a whole view.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fr } from '../../apps/auditor/src/i18n/fr';
import { axeViolations } from './axe';
import type { Collector } from './server';

/** Fails with the violations' details unless axe finds none in the page's body. */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  const violations = await axeViolations(page, ['body']);
  expect(violations, `${view}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Signs in (French UI) with a token of one site: it opens at once. */
export async function signIn(page: Page, collector: Collector, token: string): Promise<void> {
  await page.goto(`${collector.origin}/audit/`);
  await page.getByLabel(fr['signin.token']).fill(token);
  await page.getByRole('button', { name: fr['signin.submit'] }).click();
  await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
}
