// The harness itself: the network guard refuses and records third parties, the IndexedDB reader
// neither fails nor creates the database when the SDK has not made it yet.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newScenario, readIdb } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGE = 'http://127.0.0.1:9/guard.html';

test('the guard lets loopback through and refuses, records every other host', async () => {
  const s = await newScenario(browser);
  await s.servePage(
    PAGE,
    `<!doctype html><title>guard</title>
     <img src="https://www.google-analytics.com/collect?v=2">
     <script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
     <script>window.fetched = fetch('https://px.ads.linkedin.com/p').then(() => 'loaded', () => 'refused');</script>`,
  );
  await s.page.goto(PAGE);
  expect(await s.page.evaluate(() => (window as unknown as { fetched: Promise<string> }).fetched)).toBe('refused');
  expect(s.blocked).toEqual(
    expect.arrayContaining([
      'https://www.google-analytics.com/collect?v=2',
      'https://www.googletagmanager.com/gtag/js?id=G-1',
      'https://px.ads.linkedin.com/p',
    ]),
  );
  await s.context.close();
});

test('reading IndexedDB before the SDK made its store returns undefined and leaves no database', async () => {
  const s = await newScenario(browser);
  await s.servePage(PAGE, '<!doctype html><title>idb</title>');
  await s.page.goto(PAGE);
  expect(await readIdb(s.page, 'device')).toBeUndefined();
  expect(await s.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  await s.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('consent-ledger');
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ a: 1 }, 'decision:x');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  expect(await readIdb(s.page, 'decision:x')).toEqual({ a: 1 });
  await s.context.close();
});
