// The console (Sites, admin tokens only) in Chromium against the real collector: the list, a
// site's JSON with a field error shown by the collector's own validator, a changed text that needs
// a bump (proposed, then published), the new revision served by the config route and its notices in
// the log's history; an auditor token sees no Sites and gets 403 from the admin routes. axe on
// every console view; screenshots to e2e/screenshots only.
import { describe, expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { screenshot } from './harness/browser';
import { expectNoAxeViolations, signIn } from './harness/console';
import { DEMO, openDemo } from './harness/demo';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const SITE = 'clikodoc';
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

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
    await page.getByRole('button', { name: fr['site.asJson'], exact: true }).click();
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
    await screenshot(plan, 'console-needs-bump');
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

  test('an admin edits the demo site in the form: a field error at its field, fixed, a new banner title and a safeguard published, read on the demo page', async () => {
    const { collector } = suite;
    const token = await collector.token('admin', [DEMO.site]);
    const { page } = await suite.scenario({ context: { viewport: LAPTOP } });
    await signIn(page, collector, token);
    await page.goto(`${collector.origin}/audit/#/sites/${DEMO.site}`);
    const form = page.locator('.site-form');
    await form.waitFor();
    await page.locator('.issue-summary, .site-form > .good').first().waitFor();
    expect(await form.locator('> .good').count()).toBe(1);
    await expectNoAxeViolations(page, 'site form');
    await screenshot(page, 'console-form');

    // A host typed as a URL in the first service: the validator's message under that very field.
    const service = form.locator('fieldset[data-service="0"]');
    const hosts = service.getByLabel(fr['form.hosts'], { exact: true });
    const typed = await hosts.inputValue();
    await hosts.fill(`https://www.googletagmanager.com/gtag/js\n${typed.split('\n').slice(1).join('\n')}`);
    const hostIssue = page.locator('#f-services-0-hosts-issues');
    await expect.poll(() => hostIssue.textContent()).toContain('write "www.googletagmanager.com"');
    expect(await hostIssue.textContent()).toContain(fr['form.line'].replace('{n}', '1'));
    expect(await hosts.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.issue-summary').getAttribute('data-issues')).toBe('1');
    await expectNoAxeViolations(page, 'site form, field error');
    await screenshot(page, 'console-form-error');
    // The summary's entry takes the keyboard to the field.
    await page.locator('.issue-summary button').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-services-0-hosts');
    await hosts.fill(typed);
    await expect.poll(() => hostIssue.count()).toBe(0);

    // The first service's safeguard, and the banner's French title in the site's own words.
    const safeguard = 'Clauses contractuelles types de la Commission européenne';
    await page.locator('#f-services-0-safeguard-fr').fill(safeguard);
    const title = 'Vos données, vos règles';
    await page.locator('#f-texts-banner-title-fr').fill(title);
    await page.getByRole('button', { name: fr['site.review'] }).click();
    const plan = page.locator('.plan');
    await expect.poll(() => plan.getAttribute('data-outcome')).toBe('needs-bump');
    expect(await plan.locator('[data-diff=notice-fr] [data-field="texts.banner.title"] ins').textContent()).toBe(title);
    expect(await plan.locator('[data-diff=fields]').textContent()).toContain('services[0].safeguard.fr');
    const before = (await (await collector.fetch(`/v1/sites/${DEMO.site}/config?lang=fr`)).json()) as {
      config: { revision: number };
    };
    const next = before.config.revision + 1;
    await page.getByRole('button', { name: fr['site.bump'].replace('{revision}', String(next)) }).click();
    await expect.poll(() => page.locator('#f-revision').inputValue()).toBe(String(next));
    await page.getByRole('button', { name: fr['site.review'] }).click();
    await expect.poll(() => plan.getAttribute('data-outcome')).toBe('asks-again');
    await page.getByRole('button', { name: fr['site.publish'].replace('{revision}', String(next)) }).click();
    await expect.poll(() => page.locator('[data-published]').getAttribute('data-published')).toBe(String(next));

    // A visitor of the demo reads the new title, and the safeguard beside the transfer in the dialog.
    const visitor = await suite.scenario({ context: { viewport: PHONE } });
    const ui = consentUI(visitor.page);
    await openDemo(visitor.page, collector);
    await ui.banner.getByRole('heading', { name: title }).waitFor();
    await ui.customize.click();
    await ui.dialog.waitFor();
    expect(await ui.dialog.textContent()).toContain(safeguard);
    await screenshot(visitor.page, 'console-published-banner');
  });

  test('an admin of every site creates one from the console: a blank form naming what is missing, then revision 1 published', async () => {
    const { collector } = suite;
    const token = await collector.token('admin', ['*']);
    const { page } = await suite.scenario({ context: { viewport: PHONE } });
    // A token of every site asks which one to read first.
    await page.goto(`${collector.origin}/audit/`);
    await page.getByLabel(fr['signin.token']).fill(token);
    await page.getByRole('button', { name: fr['signin.submit'] }).click();
    await page.getByRole('button', { name: fr['header.open'] }).click();
    await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
    await page.goto(`${collector.origin}/audit/#/sites`);
    const id = page.getByLabel(fr['sites.newId'], { exact: true });
    await id.fill('Nouvelle Clinique');
    await page.getByRole('button', { name: fr['sites.create'] }).click();
    expect(await page.locator('#new-site-problem').textContent()).toBe(fr['sites.badId']);
    await id.fill('nouvelle-clinique');
    await page.getByRole('button', { name: fr['sites.create'] }).click();
    await page.getByRole('heading', { name: fr['site.newTitle'].replace('{site}', 'nouvelle-clinique') }).waitFor();
    const summary = page.locator('.issue-summary');
    await summary.waitFor();
    const missing = await summary.locator('li code').allTextContents();
    expect(missing).toEqual(['name', 'origins', 'policyUrl']);
    await expectNoAxeViolations(page, 'new site');
    await screenshot(page, 'console-new-site-375');
    await page.locator('#f-name').fill('Nouvelle Clinique');
    await page.locator('#f-origins').fill('https://www.nouvelle-clinique.fr');
    await page.locator('#f-policyUrl').fill('https://www.nouvelle-clinique.fr/confidentialite');
    await page.locator('.site-form > .good').waitFor();
    await page.getByRole('button', { name: fr['site.review'] }).click();
    await expect.poll(() => page.locator('.plan').getAttribute('data-outcome')).toBe('new-site');
    await page.getByRole('button', { name: fr['site.publish'].replace('{revision}', '1') }).click();
    await expect.poll(() => page.locator('[data-published]').getAttribute('data-published')).toBe('1');
    const served = (await (await collector.fetch('/v1/sites/nouvelle-clinique/config?lang=fr')).json()) as {
      config: { revision: number; name: string };
    };
    expect(served.config).toMatchObject({ revision: 1, name: 'Nouvelle Clinique' });
    await page.getByRole('heading', { name: fr['site.title'].replace('{site}', 'nouvelle-clinique') }).waitFor();
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
