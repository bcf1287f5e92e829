// Automatic blocking (issue 16): a page whose third-party tags are untouched — an analytics script in
// the HTML, a map iframe, and an inline script that injects a marketing tag and pixel later — with
// the per-site script asked `?autoblock`. Nothing of theirs runs before consent or after reject-all;
// after accept-all each runs exactly once without a reload; after a withdrawal they stop.
// What is measured here and cannot be helped from a script: tags written in the HTML itself may be
// *requested* early — Chromium's preload scanner fetches the analytics script ahead of the parser (it
// never runs), and a parser-inserted iframe can start loading before the holder sees it (it is then
// stopped and replaced by its placeholder). Tags inserted by scripts are never requested.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { eventually } from './harness/browser';
import { DEMO } from './harness/demo';
import { useSuite } from './harness/suite';

// What the page's script tag exposes, as far as this test drives it (e2e does not import the SDK).
declare global {
  interface Window {
    ConsentLedger?: {
      blocked?(): { tag: string; url: string; purposes: string[] }[];
      acceptAll(): Promise<void>;
      rejectAll(): Promise<void>;
      withdraw(): Promise<void>;
    };
  }
}

const suite = useSuite();

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cabinet</title>
<script src="/v1/sites/${DEMO.site}/consent.js?lang=fr&autoblock" data-debug></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
</head><body><h1>Cabinet du Dr Martin</h1>
<iframe src="https://www.google.com/maps/embed?pb=1" title="Plan" width="400" height="200"></iframe>
<script>
  // What a tag manager does after the page loaded.
  setTimeout(() => {
    const tag = document.createElement('script');
    tag.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
    document.head.appendChild(tag);
    const pixel = new Image();
    pixel.src = 'https://px.ads.linkedin.com/collect?pid=1';
    document.body.appendChild(pixel);
    window.__injected = true;
  }, 50);
</script></body></html>`;

const THIRD_PARTIES: Record<string, { type: string; body: string }> = {
  'www.googletagmanager.com': { type: 'text/javascript', body: "(window.__runs ||= []).push('gtag');" },
  'snap.licdn.com': { type: 'text/javascript', body: "(window.__runs ||= []).push('insight');" },
  'px.ads.linkedin.com': { type: 'image/gif', body: 'GIF89a' },
  'www.google.com': { type: 'text/html', body: '<p>map</p>' },
};

/** Hosts only reached through tags that scripts insert. */
const injectedHost = (host: string) => host === 'snap.licdn.com' || host === 'px.ads.linkedin.com';
const runs = (page: Page) => page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);
const injected = (page: Page) =>
  eventually('the late tags injected', () => page.evaluate(() => (window as { __injected?: boolean }).__injected));

test('untouched third-party tags: none before consent or after reject-all; each once after accept-all; stopped after withdrawal', async () => {
  const s = await suite.scenario();
  const url = `${suite.collector.origin}/autoblock.html`;
  await s.servePage(url, PAGE);
  const requested: string[] = [];
  for (const [host, answer] of Object.entries(THIRD_PARTIES))
    await s.context.route(`https://${host}/**`, (route) => {
      requested.push(new URL(route.request().url()).hostname);
      return route.fulfill({ status: 200, contentType: answer.type, body: answer.body });
    });
  const debug: string[] = [];
  s.page.on('console', (m) => m.type() === 'info' && debug.push(m.text()));

  // First visit: everything held, listed, logged.
  await s.page.goto(url, { waitUntil: 'load' });
  await injected(s.page);
  const blocked = await s.page.evaluate(() =>
    window.ConsentLedger!.blocked!().map((b) => `${b.tag} ${new URL(b.url).hostname} ${b.purposes.join('+')}`),
  );
  expect(blocked.sort()).toEqual([
    'iframe www.google.com maps',
    'img px.ads.linkedin.com marketing',
    'script snap.licdn.com marketing',
    'script www.googletagmanager.com analytics',
  ]);
  expect(debug.filter((line) => line.startsWith('consent-ledger: blocked'))).toHaveLength(4);
  expect(await runs(s.page)).toEqual([]);
  expect(requested.filter(injectedHost), 'nothing injected was requested before consent').toEqual([]);

  // Reject all: still nothing, on this page view and the next.
  await s.page.evaluate(() => window.ConsentLedger!.rejectAll());
  await s.page.reload({ waitUntil: 'load' });
  await injected(s.page);
  expect(await runs(s.page)).toEqual([]);
  expect(requested.filter(injectedHost)).toEqual([]);

  // Accept all: each starts without a reload, exactly once.
  const accepted = requested.length;
  await s.page.evaluate(() => window.ConsentLedger!.acceptAll());
  await eventually('every tag ran', async () => (await runs(s.page)).length >= 2);
  await eventually('the map and the pixel loaded', async () =>
    ['www.google.com', 'px.ads.linkedin.com'].every((h) => requested.slice(accepted).includes(h)),
  );
  expect((await runs(s.page)).sort()).toEqual(['gtag', 'insight']);
  expect(await s.page.evaluate(() => window.ConsentLedger!.blocked!().length)).toBe(0);
  for (const host of ['snap.licdn.com', 'px.ads.linkedin.com', 'www.google.com'])
    expect(
      requested.slice(accepted).filter((h) => h === host),
      host,
    ).toHaveLength(1);

  // Withdraw everything: the page reloads, and from then on nothing runs or is requested again.
  const before = requested.length;
  await Promise.all([
    s.page.waitForNavigation({ waitUntil: 'load' }),
    s.page.evaluate(() => window.ConsentLedger!.withdraw()),
  ]);
  await injected(s.page);
  expect(await runs(s.page)).toEqual([]);
  expect(requested.slice(before).filter(injectedHost)).toEqual([]);
  expect(s.blocked, 'no other third party').toEqual([]);
});
