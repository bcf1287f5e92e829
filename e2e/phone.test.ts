// Issue 15: the demo on a 375 x 667 phone. The first layer and the preferences dialog fit the width
// (nothing cut off, no sideways scrolling), every control is reachable (scrolled to, it is the element
// drawn at its centre), the dialog's answers stay pinned in view while its body scrolls, and accept
// and reject look alike: same size, colours and weight.
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot } from './harness/browser';
import { openDemo } from './harness/demo';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();
const PHONE = { width: 375, height: 667 };

/** Controls of `layer` (banner or dialog) that stick out of the viewport's width, or are cut inside their box. */
function cutOff(page: Page, layer: 'banner' | 'dialog'): Promise<string[]> {
  return page.evaluate((layer) => {
    const root = document.querySelector('#consent-ledger')!.shadowRoot!;
    const box = root.querySelector<HTMLElement>(layer === 'banner' ? '.bn' : '[role="dialog"]')!;
    const out: string[] = [];
    const frame = box.getBoundingClientRect();
    if (frame.left < 0 || frame.right > innerWidth) out.push(`${layer}: ${frame.left}..${frame.right}`);
    for (const el of box.querySelectorAll<HTMLElement>('button, a, [role=switch], h2, p, code, dd')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) out.push(`${name}: ${r.left}..${r.right}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
        out.push(`${name}: clipped`);
    }
    if (document.documentElement.scrollWidth > innerWidth)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
    return out;
  }, layer);
}

/** Scrolls `control` into view and tells whether it is what is drawn at its centre (so a tap reaches it). */
function reachable(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const top = (el.getRootNode() as ShadowRoot).elementFromPoint(x, y);
    return x >= 0 && x <= innerWidth && y >= 0 && y <= innerHeight && !!top && (top === el || el.contains(top));
  });
}

/** What makes a button prominent: its box and its look. */
function looks(control: Locator) {
  return control.evaluate((el) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      width: Math.round(r.width),
      height: Math.round(r.height),
      background: s.backgroundColor,
      color: s.color,
      border: s.border,
      font: `${s.fontWeight} ${s.fontSize}`,
    };
  });
}

/** Whether `control` lies wholly inside the viewport, unscrolled. */
const inView = (control: Locator) =>
  control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  });

test('15 a 375 px phone: first layer and preferences fit, every control reachable, accept and reject alike', async () => {
  const s = await suite.scenario({ context: { viewport: PHONE, isMobile: true, hasTouch: true } });
  const ui = consentUI(s.page);
  await openDemo(s.page, suite.collector);
  await ui.acceptAll.waitFor();

  expect(await cutOff(s.page, 'banner')).toEqual([]);
  for (const control of [ui.acceptAll, ui.rejectAll, ui.customize, ui.close])
    expect(await reachable(control), (await control.textContent()) ?? undefined).toBe(true);
  for (const control of [ui.acceptAll, ui.rejectAll, ui.customize]) expect(await inView(control)).toBe(true);
  expect(await looks(ui.rejectAll)).toEqual(await looks(ui.acceptAll));
  expect(await looks(ui.customize)).toEqual(await looks(ui.acceptAll));
  await screenshot(s.page, 'phone-banner');

  await ui.customize.tap();
  await ui.save.waitFor();
  expect(await cutOff(s.page, 'dialog')).toEqual([]);
  // The answers are in view before any scrolling, and stay there once the body scrolled to its end.
  const answers = [ui.save, ui.dialogAccept, ui.dialogReject];
  for (const control of answers) expect(await inView(control), (await control.textContent()) ?? undefined).toBe(true);
  expect(await looks(ui.dialogReject)).toEqual(await looks(ui.dialogAccept));
  await screenshot(s.page, 'phone-dialog');
  const switches = ui.dialog.getByRole('switch');
  expect(await switches.count()).toBeGreaterThanOrEqual(4);
  for (const control of await switches.all()) expect(await reachable(control)).toBe(true);
  for (const control of [...answers, ui.dialogClose, ui.historyLink])
    expect(await reachable(control), (await control.textContent()) ?? undefined).toBe(true);
  for (const control of answers) expect(await inView(control), (await control.textContent()) ?? undefined).toBe(true);
  await screenshot(s.page, 'phone-dialog-scrolled');

  // A tap on a switch and on Save works with a finger.
  const first = switches.first();
  const before = await first.getAttribute('aria-checked');
  await first.tap();
  expect(await first.getAttribute('aria-checked')).not.toBe(before);
  await ui.save.tap();
  await ui.dialog.waitFor({ state: 'detached' });
  expect(await ui.banner.count()).toBe(0);
});
