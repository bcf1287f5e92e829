// Scenarios 1 and 5: a first visit before any choice, then "Reject all" and the close button.
import { expect, test } from 'vitest';
import type { Scenario } from './harness/browser';
import { screenshot } from './harness/browser';
import { DEMO, openDemo, standIns } from './harness/demo';
import { acknowledged, payloadOf, verifiedInclusion } from './harness/ledger';
import { configDocument, gatedEmbeds, gatedScripts, purposeCookies } from './harness/page-facts';
import { installProbes, readProbes } from './harness/probes';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

/** Nothing gated ran, loaded or was even requested, and no third party was contacted. */
async function assertNothingLoaded(s: Scenario) {
  await s.page.waitForLoadState('networkidle');
  expect(s.blocked, 'requests to third-party hosts').toEqual([]);
  const scripts = await gatedScripts(s.page);
  expect(scripts.length, 'the demo has gated scripts').toBeGreaterThan(0);
  expect(
    scripts.filter((g) => !g.inert),
    'gated scripts activated',
  ).toEqual([]);
  const probes = await readProbes(s.page);
  expect(
    probes.scripts.filter((p) => p.consent !== null && p.type !== 'text/plain'),
    'gated scripts inserted live',
  ).toEqual([]);
  const gatedPaths = scripts.filter((g) => g.src).map((g) => new URL(g.src).pathname);
  expect(
    s.requests.filter((r) => gatedPaths.some((p) => r.endsWith(` ${p}`))),
    'gated script URLs fetched',
  ).toEqual([]);
  const embeds = await gatedEmbeds(s.page);
  expect(embeds.length, 'the demo has gated embeds').toBeGreaterThan(0);
  expect(
    embeds.filter((e) => e.src !== ''),
    'gated embeds given a URL',
  ).toEqual([]);
  expect(await standIns(s.page), 'what the stand-ins of third-party tags recorded').toEqual({
    ran: [],
    hits: [],
    pixels: [],
  });
}

test('1. first visit: the banner, and before any choice no third party, no gated script, no purpose cookie; three equal answers', async () => {
  const s = await suite.scenario();
  await installProbes(s.context);
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.banner.waitFor({ state: 'visible' });
  await assertNothingLoaded(s);

  const doc = await configDocument(suite.collector, DEMO.site);
  expect(await purposeCookies(s.context, doc), 'cookies of consent-requiring services').toEqual([]);
  expect(
    (await s.context.cookies()).map((c) => c.name),
    'cookies set before any choice',
  ).toEqual([]);

  // Equal prominence: same box size (within 1 px) and the very same computed style.
  await expect.poll(() => ui.answers.count()).toBe(3);
  const boxes = await Promise.all([0, 1, 2].map(async (i) => (await ui.answers.nth(i).boundingBox())!));
  for (const box of boxes.slice(1)) {
    expect(Math.abs(box.width - boxes[0].width)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.height - boxes[0].height)).toBeLessThanOrEqual(1);
  }
  const styles = await ui.answers.evaluateAll((buttons) =>
    buttons.map((b) => {
      const style = getComputedStyle(b);
      // Size may differ by sub-pixels with the label's length; it is compared above, within 1 px.
      const sized = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin', 'transform-origin']);
      return Object.fromEntries([...style].filter((p) => !sized.has(p)).map((p) => [p, style.getPropertyValue(p)]));
    }),
  );
  expect(styles[1]).toEqual(styles[0]);
  expect(styles[2]).toEqual(styles[0]);
  expect(await ui.answers.allTextContents()).toEqual([
    ui.t('banner.acceptAll'),
    ui.t('banner.rejectAll'),
    ui.t('banner.customize'),
  ]);
  await screenshot(s.page, 'banner');
});

for (const [name, button] of [
  ['Reject all', 'rejectAll'],
  ['the close button ("continue without accepting")', 'close'],
] as const) {
  test(`5. ${name}: nothing loads, and the receipt records every purpose denied`, async () => {
    const s = await suite.scenario();
    await installProbes(s.context);
    const ui = consentUI(s.page);
    await openDemo(s.page, suite.collector);
    await ui[button].click();
    await ui.banner.waitFor({ state: 'detached' });
    await assertNothingLoaded(s);

    const doc = await configDocument(suite.collector, DEMO.site);
    const asked = doc.notice.purposes.map((p) => p.id).filter((id) => id !== 'necessary');
    const [receipt] = await acknowledged(s.page, DEMO.site, 1);
    const payload = payloadOf(receipt.jws);
    expect(payload.method).toBe('reject-all');
    expect(payload.choices).toEqual(Object.fromEntries(asked.map((id) => [id, 'denied'])));
    await verifiedInclusion(suite.collector, DEMO.site, receipt.id, receipt.jws);
    // Refusing is remembered: the next page view asks nothing and still loads nothing.
    await s.page.reload();
    await ui.reopen.waitFor({ state: 'visible' });
    expect(await ui.banner.count()).toBe(0);
    await assertNothingLoaded(s);
  });
}
