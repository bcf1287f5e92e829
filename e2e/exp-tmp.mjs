import { chromium } from 'playwright-core';

const TOKEN = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
const reqs = [];
page.on('request', (r) => reqs.push(`${r.method()} ${r.url()}`));
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
await page.goto('http://127.0.0.1:38471/audit/');
await page.locator('input').first().fill(TOKEN);
await page
  .locator('form button[type=submit], button:has-text("Se connecter"), button:has-text("Sign in")')
  .first()
  .click();
await page.waitForTimeout(1000);
await page.goto('http://127.0.0.1:38471/audit/#/sites/demo');
await page.locator('.preview').waitFor();
await page.waitForTimeout(3000);
console.log('state', await page.locator('.preview').getAttribute('data-preview'));
await page.locator('.preview').scrollIntoViewIfNeeded();
await page.screenshot({ path: '/tmp/cexp/p1.png' });
await page.getByRole('button', { name: /Preferences|Préférences/ }).click();
await page.waitForTimeout(2000);
console.log('state', await page.locator('.preview').getAttribute('data-preview'));
await page.locator('.preview').screenshot({ path: '/tmp/cexp/p2.png' });
await page.getByRole('button', { name: /Phone|Téléphone/ }).click();
await page.waitForTimeout(1000);
await page.locator('.preview').screenshot({ path: '/tmp/cexp/p3.png' });
console.log(reqs.filter((r) => !r.includes('/audit/')).join('\n'));
await b.close();
