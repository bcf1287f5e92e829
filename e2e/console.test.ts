// The console (Sites, admin tokens only) in Chromium against the real collector: the list, a
// site's JSON with a field error shown by the collector's own validator, a changed text that needs
// a bump (proposed, then published), the new revision served by the config route and its notices in
// the log's history; an auditor token sees no Sites and gets 403 from the admin routes. axe on
// every console view; screenshots to e2e/screenshots only.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { axeViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import type { Collector } from './harness/server';
import { useSuite } from './harness/suite';

const SITE = 'clikodoc';
const LAPTOP = { width: 1280, height: 900 };

async function expectNoAxeViolations(page: Page, view: string) {
  const violations = await axeViolations(page, ['body']);
  expect(violations, `${view}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Signs in with a token of one site: it opens at once. */
async function signIn(page: Page, collector: Collector, token: string) {
  await page.goto(`${collector.origin}/audit/`);
  await page.getByLabel(fr['signin.token']).fill(token);
  await page.getByRole('button', { name: fr['signin.submit'] }).click();
  await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
}

describe('the console', () => {
  const suite = useSuite();

  test('an admin lists its sites, fixes a field error, publishes a changed text at the proposed revision and sees it logged', async () => {
    const { collector } = suite;
    const token = await collector.token('admin', [SITE]);
    const before = (await (await collector.fetch(`/v1/sites/${SITE}/config?lang=fr`)).json()) as {
      config: { revision: number };
    };
    const { page } = await suite.scenario({ context: { viewport: LAPTOP } });
    await signIn(page, collector, token);
    const nav = page.getByRole('navigation', { name: fr['nav.label'] });
    await nav.getByRole('link', { name: fr['nav.sites'] }).click();
    const row = page.locator(`tr[data-site=${SITE}]`);
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await row.locator('td').first().textContent()).toBe(String(before.config.revision));
    await expectNoAxeViolations(page, 'sites');
    await screenshot(page, 'console-sites');

    await row.getByRole('link').click();
    const json = page.getByLabel(fr['site.jsonLabel']);
    await expect.poll(() => json.inputValue()).toContain(`"site": "${SITE}"`);
    expect(page.url()).toContain(`#/sites/${SITE}`);
    const config = JSON.parse(await json.inputValue());
    const review = page.getByRole('button', { name: fr['site.review'] });

    // A service naming a purpose the site does not have: refused at its field, nothing sent.
    config.services[0].purpose = 'maps2';
    await json.fill(JSON.stringify(config, null, 2));
    await review.click();
    const problem = page.locator('[data-plan=invalid]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/services\[0\]\.purpose: .*"maps2"/);
    await expectNoAxeViolations(page, 'site, invalid field');

    // Fixed, with a new French text for analytics at the same revision: the bump is proposed.
    config.services[0].purpose = 'maps';
    config.purposes.analytics = {
      ...config.purposes.analytics,
      description: { fr: 'Mesure d’audience anonyme, hébergée dans l’UE.' },
    };
    await json.fill(JSON.stringify(config, null, 2));
    await review.click();
    const plan = page.locator('.plan');
    await expect.poll(() => plan.getAttribute('data-outcome')).toBe('needs-bump');
    expect(
      await plan.locator('[data-diff=notice-fr] [data-field="purposes.analytics.description"] ins').textContent(),
    ).toBe('Mesure d’audience anonyme, hébergée dans l’UE.');
    await expectNoAxeViolations(page, 'site, needs a bump');
    await screenshot(page, 'console-needs-bump');
    const next = before.config.revision + 1;
    await page.getByRole('button', { name: fr['site.bump'].replace('{revision}', String(next)) }).click();
    await expect.poll(async () => JSON.parse(await json.inputValue()).revision).toBe(next);
    await review.click();
    await expect.poll(() => plan.getAttribute('data-outcome')).toBe('asks-again');
    await page.getByRole('button', { name: fr['site.publish'].replace('{revision}', String(next)) }).click();
    await expect.poll(() => page.locator('[data-published]').getAttribute('data-published')).toBe(String(next));

    // The collector serves the new revision, and the log holds its notices: the history shows them first.
    const after = (await (await collector.fetch(`/v1/sites/${SITE}/config?lang=fr`)).json()) as {
      config: { revision: number };
      textHash: string;
    };
    expect(after.config.revision).toBe(next);
    await expect.poll(() => page.locator('.revisions > li').first().getAttribute('data-revision')).toBe(String(next));
    const logged = page.locator(`.revisions > li[data-revision="${next}"] details[data-language=fr]`);
    await logged.locator('> summary').click();
    expect(await logged.textContent()).toContain('Mesure d’audience anonyme, hébergée dans l’UE.');
    const revisions = (await (
      await collector.fetch(`/v1/admin/sites/${SITE}/revisions`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { revisions: Array<{ revision: number; notices: Array<{ textHash: string }> }> };
    expect(revisions.revisions[0].notices.map((n) => n.textHash)).toContain(after.textHash);
    await expectNoAxeViolations(page, 'site, published');
    await screenshot(page, 'console-published');
  });

  test('an auditor token sees no Sites and is refused by the admin routes', async () => {
    const { collector } = suite;
    const token = await collector.token('auditor', [SITE]);
    const { page } = await suite.scenario({ context: { viewport: LAPTOP } });
    await signIn(page, collector, token);
    const nav = page.getByRole('navigation', { name: fr['nav.label'] });
    await nav.getByRole('link', { name: fr['nav.stats'] }).waitFor();
    expect(await nav.getByRole('link', { name: fr['nav.sites'] }).count()).toBe(0);
    for (const path of ['/v1/admin/sites', `/v1/admin/sites/${SITE}`, `/v1/admin/sites/${SITE}/revisions`]) {
      const res = await collector.fetch(path, { headers: { authorization: `Bearer ${token}` } });
      expect([path, res.status]).toEqual([path, 403]);
    }
  });
});
