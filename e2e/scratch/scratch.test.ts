import { readFileSync } from 'node:fs';
import { resolveNotice, noticeHash, validateSiteConfig } from '@consent-ledger/protocol';
import { expect, test } from 'vitest';
import { launchBrowser, newScenario, screenshot } from '../harness/browser';
import { installProbes, readProbes, purposeRanAt } from '../harness/probes';
import { consentUI } from '../harness/ui';
import { axeViolations } from '../harness/axe';

test('scratch', async () => {
  const browser = await launchBrowser();
  const s = await newScenario(browser);
  await installProbes(s.context);
  const raw = JSON.parse(readFileSync('/work/main/fixtures/sites/clikodoc.json', 'utf8'));
  const v = validateSiteConfig(raw); if (!v.ok) throw new Error(JSON.stringify(v.error));
  const notice = resolveNotice(v.value, 'fr');
  const doc = { config: v.value, language: 'fr', notice, textHash: noticeHash(notice) };
  await s.context.route('http://127.0.0.1:9/consent.js', (r) => r.fulfill({ contentType: 'text/javascript', body: readFileSync('/work/main/packages/sdk/dist/consent.js', 'utf8') }));
  await s.context.route('http://127.0.0.1:9/a.js', (r) => r.fulfill({ contentType: 'text/javascript', body: 'window.__a=(window.__a||0)+1; document.cookie="_ga=1; path=/"' }));
  await s.context.route('http://127.0.0.1:9/v1/sites/clikodoc/config*', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }));
  await s.servePage('http://127.0.0.1:9/p.html', `<!doctype html><html lang="fr"><title>p</title><main><h1>Page</h1><p>hello</p>
  <iframe data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1" title="Cabinet" width="400" height="300"></iframe></main>
  <script src="/consent.js" data-site="clikodoc" async></script>
  <script type="text/plain" data-consent="analytics" src="/a.js"></script>`);
  await s.page.goto('http://127.0.0.1:9/p.html');
  const ui = consentUI(s.page);
  await ui.banner.waitFor();
  console.log(await ui.answers.count(), await ui.acceptAll.textContent(), await ui.close.count());
  console.log('placeholder', await ui.placeholder('maps').count());
  console.log(JSON.stringify(await axeViolations(s.page, ['#consent-ledger', '[data-consent-placeholder]']), null, 1));
  await screenshot(s.page, 'scratch-banner');
  await ui.customize.click();
  await ui.dialog.waitFor();
  console.log(JSON.stringify(await axeViolations(s.page, ['#consent-ledger'])));
  await screenshot(s.page, 'scratch-dialog');
  await ui.dialogAccept.click();
  await s.page.waitForTimeout(1000);
  const p = await readProbes(s.page);
  console.log(JSON.stringify(p, null, 1), purposeRanAt(p, 'analytics'));
  console.log(s.blocked, s.requests);
  await browser.close();
});
