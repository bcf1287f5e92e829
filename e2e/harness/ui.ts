// The consent UI as a visitor finds it: by role and by the texts of the notice's language (the
// default catalogs of `protocol`), looked up through our open shadow roots as assistive tools do.
import { catalogs, type Language, type TextKey } from '@consent-ledger/protocol';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A text of the default catalog in `lang`, with `{name}` placeholders filled. */
export function text(lang: Language, key: TextKey, values: Record<string, string> = {}): string {
  return catalogs[lang].texts[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Locators of the banner, dialog, history view, re-open button and placeholders of one page (or frame). */
export function consentUI(page: Page | FrameLocator, lang: Language = 'fr') {
  const t = (key: TextKey, values?: Record<string, string>) => text(lang, key, values);
  const exact = (name: string) => ({ name, exact: true });
  const banner = page.getByRole('region', exact(t('banner.label')));
  const dialog = page.getByRole('dialog');
  return {
    t,
    /** The shadow host our UI lives in. */
    host: page.locator('#consent-ledger'),
    banner,
    acceptAll: banner.getByRole('button', exact(t('banner.acceptAll'))),
    rejectAll: banner.getByRole('button', exact(t('banner.rejectAll'))),
    customize: banner.getByRole('button', exact(t('banner.customize'))),
    close: banner.getByRole('button', exact(t('banner.close'))),
    /** The three answers of the first layer, in their order. */
    answers: banner.locator('.acts button'),
    reopen: page.getByRole('button', exact(t('reopen.label'))),
    dialog,
    switchOf: (title: string) => dialog.getByRole('switch', exact(title)),
    save: dialog.getByRole('button', exact(t('dialog.save'))),
    dialogAccept: dialog.getByRole('button', exact(t('dialog.acceptAll'))),
    dialogReject: dialog.getByRole('button', exact(t('dialog.rejectAll'))),
    dialogClose: dialog.getByRole('button', exact(t('dialog.close'))),
    historyLink: dialog.getByRole('button', exact(t('dialog.history'))),
    download: dialog.getByRole('button', exact(t('history.download'))),
    withdrawAll: dialog.getByRole('button', exact(t('withdraw.button'))),
    /** The placeholder drawn in the box of a blocked embed of `purpose`. */
    placeholder: (purpose: string) => page.locator(`[data-consent-placeholder="${purpose}"]`),
    loadOnce: (placeholder: Locator) => placeholder.getByRole('button', exact(t('placeholder.loadOnce'))),
    alwaysAllow: (placeholder: Locator, purposeTitle: string) =>
      placeholder.getByRole('button', exact(t('placeholder.alwaysAllow', { purpose: purposeTitle }))),
  };
}

/** Where keyboard focus is, looking through open shadow roots: the element's role, accessible name and which part of our UI holds it. */
export interface Focused {
  tag: string;
  role: string | null;
  name: string;
  checked: string | null;
  within: 'banner' | 'dialog' | 'placeholder' | 'page';
}

/** The element that has keyboard focus now, described as a screen reader user would hear it (roughly). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: 'none', role: null, name: '', checked: null, within: 'page' as const };
    const root = el.getRootNode() as Document | ShadowRoot;
    const labelledBy = el.getAttribute('aria-labelledby');
    const name = (
      el.getAttribute('aria-label') ??
      (labelledBy ? root.getElementById?.(labelledBy)?.textContent : null) ??
      el.textContent ??
      ''
    ).trim();
    const host = root instanceof ShadowRoot ? root.host : null;
    const within = el.closest('[role="dialog"]')
      ? ('dialog' as const)
      : el.closest('section[aria-label]')
        ? ('banner' as const)
        : host?.hasAttribute('data-consent-placeholder')
          ? ('placeholder' as const)
          : ('page' as const);
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      name,
      checked: el.getAttribute('aria-checked'),
      within,
    };
  });
}

/** Presses `key` until focus is on an element matching `wanted` (at most `max` presses); returns the stops it went through. */
export async function tabUntil(page: Page, wanted: (f: Focused) => boolean, key = 'Tab', max = 60): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    stops.push(f);
    if (wanted(f)) return stops;
  }
  throw new Error(
    `focus never reached the wanted element with ${key}; stops: ${stops.map((f) => `${f.within}:${f.name}`).join(' | ')}`,
  );
}
