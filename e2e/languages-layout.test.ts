// The 24 languages in the real banner, in Debian's Chromium: every first layer fits a 375 px phone,
// a tablet and a laptop (three answers of equal size, each label on one line where the brief asks,
// nothing clipped, the answers visible without scrolling), and every letter of every catalog is
// drawn with a real glyph by the banner's font stack, not the "missing glyph" box. Screenshots of
// the Greek and Bulgarian banners go to e2e/screenshots/.
import { catalogs, LANGUAGE_NAMES, LANGUAGES, type Language } from '@consent-ledger/protocol';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot } from './harness/browser';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();
/** fixtures/sites/europraxis.json offers all 24 languages. */
const SITE = 'europraxis';
const PAGE = '/languages.html';

/** A page in `lang` with the site's own script for that language, as a site would paste it. */
const pageIn = (lang: Language) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${LANGUAGE_NAMES[lang]}</title>
<script src="/v1/sites/${SITE}/consent.js?lang=${lang}" async></script>
</head><body><main><h1>EuroPraxis</h1><p>${LANGUAGE_NAMES[lang]}</p></main></body></html>`;

interface AnswerBox {
  text: string;
  width: number;
  height: number;
  lines: number;
  /** The label's width on one line. */
  natural: number;
  clipped: boolean;
}
interface Layer {
  answers: AnswerBox[];
  /** Bottom edge of the last answer, and of the layer's visible box (it scrolls when taller). */
  answersBottom: number;
  layerBottom: number;
  layerHeight: number;
  lang: string | null;
}

/** Where a layer's three answers are, how many lines each label takes, and whether any is cut. */
function measure(page: Page, layer: 'banner' | 'dialog'): Promise<Layer> {
  return page.evaluate((layer) => {
    const root = document.querySelector('#consent-ledger')!.shadowRoot!;
    // The banner is its `.bn` box (a region by its aria-label), the dialog its role.
    const box = root.querySelector<HTMLElement>(layer === 'banner' ? '.bn' : '[role="dialog"]')!;
    const buttons = [...box.querySelectorAll<HTMLButtonElement>('.acts button')];
    const answers = buttons.map((button) => {
      const rect = button.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(button);
      return {
        text: button.textContent ?? '',
        width: Math.round(rect.width),
        height: Math.round(rect.height),
        lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
        natural: Math.round(range.getBoundingClientRect().width),
        clipped: button.scrollWidth > button.clientWidth,
      };
    });
    const rect = box.getBoundingClientRect();
    return {
      answers,
      answersBottom: Math.round(buttons[buttons.length - 1].getBoundingClientRect().bottom),
      layerBottom: Math.round(Math.min(rect.bottom, innerHeight)),
      layerHeight: Math.round(rect.height),
      lang: root.querySelector('[lang]')?.getAttribute('lang') ?? null,
    };
  }, layer);
}

/** Checks one layer's answers: the expected labels, all of one size, none cut, on at most `lines` lines. */
function expectFits(found: Layer, lang: Language, labels: string[], lines: number) {
  expect(found.lang).toBe(lang);
  expect(found.answers.map((a) => a.text)).toEqual(labels);
  const [first] = found.answers;
  for (const answer of found.answers) {
    expect([answer.width, answer.height], `${lang}: "${answer.text}" is the size of the others`).toEqual([
      first.width,
      first.height,
    ]);
    expect(answer.clipped, `${lang}: "${answer.text}" is cut`).toBe(false);
    expect(answer.lines, `${lang}: "${answer.text}" takes too many lines`).toBeLessThanOrEqual(lines);
  }
}

// The dialog's answers share a row only where each label fits it on one line (issue 15: "Enregistrer
// mes choix" wrapped at 1280 px while the others did not); otherwise they stack, each label whole.
const VIEWPORTS = [
  { name: 'phone', width: 375, height: 667, dialogLines: 1 },
  { name: 'tablet', width: 768, height: 1024, dialogLines: 1 },
  { name: 'laptop', width: 1280, height: 800, dialogLines: 1 },
] as const;

for (const viewport of VIEWPORTS) {
  test(`every language fits a ${viewport.width} px ${viewport.name}: three equal answers, the banner's on one line each, none cut, none below the fold`, async () => {
    const s = await suite.scenario({ context: { viewport: { width: viewport.width, height: viewport.height } } });
    const report: string[] = [];
    for (const lang of LANGUAGES) {
      const { texts } = catalogs[lang];
      const ui = consentUI(s.page, lang);
      const url = `${suite.collector.origin}${PAGE}?${lang}`;
      await s.servePage(url, pageIn(lang));
      await s.page.goto(url, { waitUntil: 'load' });
      await ui.banner.waitFor({ state: 'visible' });
      const banner = await measure(s.page, 'banner');
      expectFits(banner, lang, [texts['banner.acceptAll'], texts['banner.rejectAll'], texts['banner.customize']], 1);
      expect(banner.answersBottom, `${lang}: the answers are below the banner's fold`).toBeLessThanOrEqual(
        banner.layerBottom,
      );
      await ui.customize.click();
      await ui.dialog.waitFor({ state: 'visible' });
      const dialog = await measure(s.page, 'dialog');
      expectFits(
        dialog,
        lang,
        [texts['dialog.save'], texts['dialog.acceptAll'], texts['dialog.rejectAll']],
        viewport.dialogLines,
      );
      const widths = (layer: Layer) => layer.answers.map((a) => a.natural).join('/');
      report.push(`${lang} banner ${banner.layerHeight}px, labels ${widths(banner)}; dialog labels ${widths(dialog)}`);
    }
    // The figures behind the verdicts, for the notes: label widths (px on one line) and banner heights.
    console.log(`${viewport.name} ${viewport.width}x${viewport.height}\n${report.join('\n')}`);
  });
}

/** Every letter the 24 catalogs use, once. */
const LETTERS = [
  ...new Set(
    LANGUAGES.flatMap((lang) => [
      ...Object.values(catalogs[lang].texts),
      ...Object.values(catalogs[lang].purposes).flatMap((p) => [p.title, p.description]),
    ]).flatMap((text) => text.match(/\p{L}/gu) ?? []),
  ),
].sort();

test('Greek, Bulgarian and every other letter of the catalogs are drawn by the banner font stack, not as missing glyphs', async () => {
  const s = await suite.scenario({ context: { viewport: { width: 375, height: 667 } } });
  for (const lang of ['el', 'bg'] as const) {
    const ui = consentUI(s.page, lang);
    const url = `${suite.collector.origin}${PAGE}?${lang}`;
    await s.servePage(url, pageIn(lang));
    await s.page.goto(url, { waitUntil: 'load' });
    await ui.banner.waitFor({ state: 'visible' });
    await screenshot(s.page, `banner-${lang}-phone`);
    await ui.customize.click();
    await ui.dialog.waitFor({ state: 'visible' });
    await screenshot(s.page, `dialog-${lang}-phone`);
  }
  // Each letter drawn on a canvas in the banner's own font, compared with the drawing of a code
  // point no font has (U+0378 is unassigned): identical pixels mean the "missing glyph" box.
  const missing = await s.page.evaluate((letters) => {
    const root = document.querySelector('#consent-ledger')!.shadowRoot!;
    const heading = root.querySelector('h2')!;
    const { fontFamily, fontWeight } = getComputedStyle(heading);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = `${fontWeight} 40px ${fontFamily}`;
      ctx.fillText(text, 8, 48);
      return ctx.getImageData(0, 0, 64, 64).data.join();
    };
    const box = draw('\u0378');
    return { fontFamily, missing: letters.filter((letter) => draw(letter) === box), control: draw('\u0377') === box };
  }, LETTERS);
  expect(missing.fontFamily).toContain('system-ui');
  expect(LETTERS.length, 'letters checked').toBeGreaterThan(150);
  expect(missing.control, 'a real Greek letter (ͷ) is told from the missing-glyph box').toBe(false);
  expect(missing.missing).toEqual([]);
});
