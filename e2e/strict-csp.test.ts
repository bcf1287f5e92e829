// Issue 15: the demo page under a strict Content-Security-Policy with a nonce (no 'unsafe-inline', no
// 'strict-dynamic', no host allow-list): the banner, its lazily loaded chunks (the dialog and history
// in consent-views, signing and sending in consent-sync), the gated scripts and embeds all work, and
// Chromium reports no violation but the one the page plants on purpose (an inline script without the
// nonce), which proves violations are being heard.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO, standIns } from './harness/demo';
import { acknowledged } from './harness/ledger';
import { configDocument } from './harness/page-facts';
import { ROOT } from './harness/server';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();
const NONCE = 'dGhpcy1pcy1hLXRlc3Qtbm9uY2U';
const POLICY = [
  "default-src 'self'",
  `script-src 'nonce-${NONCE}'`,
  `style-src 'self' 'nonce-${NONCE}'`,
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

test('15 a strict CSP with a nonce: banner, chunks, dialog, history, gated scripts and embeds, no violation', async () => {
  const s = await suite.scenario();
  const ui = consentUI(s.page);
  const url = `${suite.collector.origin}/strict-csp.html`;
  // The demo page as a site with a strict CSP writes it: every script tag carries the nonce (the
  // gated ones too: the SDK passes it on to the live script; the call button's call.js), plus one inline script without it.
  const html = (await readFile(join(ROOT, 'apps/demo/public/index.html'), 'utf8'))
    .replaceAll('<script ', `<script nonce="${NONCE}" `)
    .replace('<script nonce', '<script>window.__unnonced = true</script>\n  <script nonce');
  expect(html.match(/nonce=/g)?.length).toBe(5);
  await s.context.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': POLICY },
      body: html,
    }),
  );
  await s.context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  const violations = () =>
    s.page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.slice());

  await s.page.goto(url, { waitUntil: 'load' });
  await ui.acceptAll.waitFor();
  expect(await s.page.evaluate(() => 'window.__unnonced' in window && '__unnonced' in window)).toBe(false);
  await eventually('the planted violation reported', async () => (await violations()).length > 0);

  // The dialog comes from consent-views; saving signs in consent-sync and sends to the collector.
  await ui.customize.click();
  const doc = await configDocument(suite.collector, DEMO.site);
  const analytics = ui.switchOf(doc.notice.purposes.find((p) => p.id === 'analytics')!.title);
  await analytics.click();
  await ui.save.click();
  await acknowledged(s.page, DEMO.site, 1);
  await eventually('the gated analytics script ran', async () => (await standIns(s.page)).ran.includes('gtag'));

  await ui.reopen.click();
  await ui.historyLink.click();
  await ui.dialog.getByText(ui.t('history.acknowledged'), { exact: true }).waitFor();
  await ui.dialogClose.click();

  // A placeholder's "load once" shows the map in its frame.
  const map = ui.placeholder('maps');
  await ui.loadOnce(map).click();
  await eventually('the map loaded once', async () => (await standIns(s.page)).ran.includes('maps'));

  const chunks = s.requests.filter((r) => /\/consent-(views|sync)\.[\w-]+\.js$/.test(r));
  expect(chunks.length, 'both chunks were loaded').toBeGreaterThanOrEqual(2);
  expect(await violations()).toEqual([{ directive: 'script-src-elem', blocked: 'inline', sample: '' }]);
});
