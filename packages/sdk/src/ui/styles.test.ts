import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeRuntime } from './fake-runtime';
import { css } from './styles';
import { control, mounted, resetPage } from './test-dom';
import { viewsCss } from './views/styles';

afterEach(() => {
  resetPage();
  vi.restoreAllMocks();
});

/** The custom properties set by the first `:host{...}` rule after `from`. */
function palette(from: number): Record<string, string> {
  const rule = css.slice(css.indexOf(':host{', from) + 6, css.indexOf('}', css.indexOf(':host{', from)));
  return Object.fromEntries(
    [...rule.matchAll(/--cl-([a-z]+):#([0-9a-f]{6}|[0-9a-f]{3})\b/g)].map((m) => [
      m[1],
      `#${m[2].length === 3 ? m[2].replace(/./g, '$&$&') : m[2]}`,
    ]),
  );
}

// WCAG 2.2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('default palette', () => {
  const schemes = { light: palette(0), dark: palette(css.indexOf('prefers-color-scheme:dark')) };

  it.each(Object.entries(schemes))('%s: text, links and button labels reach 4.5:1, control outlines 3:1', (_, p) => {
    expect(Object.keys(p).sort()).toEqual(['accent', 'bg', 'line', 'on', 'text']);
    expect(contrast(p.text, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(4.5); // links, summaries, focus ring
    expect(contrast(p.on, p.accent)).toBeGreaterThanOrEqual(4.5); // button labels
    expect(contrast(p.line, p.bg)).toBeGreaterThanOrEqual(3); // switch track and knob when off
  });

  it('differs between light and dark', () => {
    expect(schemes.dark.bg).not.toBe(schemes.light.bg);
  });
});

describe('stylesheet', () => {
  it('honours reduced motion and shows focus', () => {
    // The switches' knob is the only thing that moves (in the dialog, whose sheet holds the rule).
    expect(css).not.toMatch(/transition|animation/); // nothing moves on its own: the banner is there in the first frame
    expect(viewsCss).toMatch(/@media \(prefers-reduced-motion:reduce\)\{[^}]*transition:none!important/);
    expect(viewsCss).not.toMatch(/animation/);
    expect(css).toMatch(/:focus-visible\{outline:3px solid/);
  });

  it('is shared through adoptedStyleSheets across shadow roots', async () => {
    const { root } = await mounted(fakeRuntime());
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the nonce without constructable stylesheets', async () => {
    // An older browser: shadow roots without adoptedStyleSheets.
    let owner: object = ShadowRoot.prototype;
    while (!Object.hasOwn(owner, 'adoptedStyleSheets')) owner = Object.getPrototypeOf(owner);
    const adopted = Object.getOwnPropertyDescriptor(owner, 'adoptedStyleSheets')!;
    delete (owner as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    try {
      const { root } = await mounted(fakeRuntime(), 'n0nce');
      const style = root.querySelector('style')!;
      expect(style.nonce).toBe('n0nce');
      expect(style.textContent).toBe(css);
      expect(root.firstChild).toBe(style);
    } finally {
      Object.defineProperty(owner, 'adoptedStyleSheets', adopted);
    }
  });

  it('keeps every target at least 24 px (buttons 44 px)', async () => {
    const { root } = await mounted(fakeRuntime());
    expect(getComputedStyle(control(root, 'banner.acceptAll')).minHeight).toBe('44px');
    const close = getComputedStyle(control(root, 'banner.close'));
    expect([close.width, close.height]).toEqual(['40px', '40px']);
    expect(viewsCss).toMatch(/\.sw\{[^}]*width:48px;height:28px/);
    expect(css).toMatch(/\.ro\{[^}]*width:44px;height:44px/);
    expect(viewsCss).toMatch(/\.lnk\{[^}]*min-height:24px/);
  });

  it('lets the banner fit 320 px and 200 % zoom: it scrolls within the viewport and its buttons wrap', () => {
    expect(css).toMatch(/\.bn,\.dlg\{max-height:calc\(100vh - 16px\);overflow:auto/);
    expect(css).toMatch(
      /\.acts\{display:grid;grid-template-columns:repeat\(auto-fit,minmax\(10em,1fr\)\);grid-auto-rows:1fr/,
    );
  });
});
