// The auditor UI under its Content-Security-Policy, in Chromium against the real server: every view
// works with no violation reported, and no other page can frame it (frame-ancestors 'none').
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { useSuite } from './harness/suite';

const suite = useSuite();

/** Records every CSP violation the page reports, from before its first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

describe('auditor UI Content-Security-Policy', () => {
  test('every view works under the policy, with no violation', async () => {
    const { collector } = suite;
    const token = await collector.token('auditor', ['clikodoc']);
    const { page } = await suite.scenario();
    const violations = await recordViolations(page);
    const answer = await page.goto(`${collector.origin}/audit/`);
    const csp = answer!.headers()['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("script-src 'self'");
    await page.getByLabel(fr['signin.token']).fill(token);
    await page.getByRole('button', { name: fr['signin.submit'] }).click();
    await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
    for (const view of ['nav.search', 'nav.stats', 'nav.export', 'nav.log'] as const) {
      await page.getByRole('link', { name: fr[view] }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-title');
    }
    expect(await violations()).toEqual([]);
  });

  test("an admin's console is fetched only on opening Sites, under the policy, with no violation", async () => {
    const { collector } = suite;
    const token = await collector.token('admin', ['clikodoc']);
    const scenario = await suite.scenario();
    const { page } = scenario;
    const violations = await recordViolations(page);
    await page.goto(`${collector.origin}/audit/`);
    await page.getByLabel(fr['signin.token']).fill(token);
    await page.getByRole('button', { name: fr['signin.submit'] }).click();
    const sites = page.getByRole('navigation', { name: fr['nav.label'] }).getByRole('link', { name: fr['nav.sites'] });
    await sites.waitFor();
    const consoleFiles = () => scenario.requests.filter((r) => /^GET \/audit\/console\.[A-Z0-9]{8}\.(js|css)$/.test(r));
    expect(consoleFiles()).toEqual([]);
    await sites.click();
    const row = page.locator('tr[data-site=clikodoc]');
    await row.waitFor();
    // Its styles came with it: the list's table is laid out by the console's style sheet.
    expect(consoleFiles()).toHaveLength(2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-title');
    await row.getByRole('link').click();
    // The site editor and its live preview (consent.js in the sandboxed frame) run under the policy too.
    await expect.poll(() => page.locator('.preview').getAttribute('data-preview'), { timeout: 30_000 }).toBe('started');
    expect(await page.locator('.preview-frame').evaluate((f) => getComputedStyle(f).borderTopWidth)).toBe('0px');
    expect(await violations()).toEqual([]);
  });

  test('another page cannot frame it', async () => {
    const { collector } = suite;
    const scenario = await suite.scenario();
    // A real page on another loopback origin framing the auditor UI.
    const framer = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>framer</title><iframe id="f" src="${collector.origin}/audit/"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    try {
      await scenario.page.goto(`http://localhost:${(framer.address() as AddressInfo).port}/`);
      // Chromium replaces a frame its policy refuses with an error page: the auditor app never runs in it.
      const frame = await (await scenario.page.waitForSelector('#f'))!.contentFrame();
      await expect.poll(() => frame!.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      expect(scenario.requests).toContain('GET /audit/');
    } finally {
      framer.close();
    }
  });
});
