// The consent UI as a visitor finds it: by role and by the texts of the notice's language (the
// default catalogs of `protocol`), looked up through our open shadow roots as assistive tools do.
import { catalogs, type Language, type TextKey } from '@consent-ledger/protocol';
import type { Locator, Page } from 'playwright-core';

/** A text of the default catalog in `lang`, with `{name}` placeholders filled. */
export function text(lang: Language, key: TextKey, values: Record<string, string> = {}): string {
  return catalogs[lang].texts[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** A purpose's default title in `lang` (built-in purposes only). */
export function purposeTitle(lang: Language, purpose: keyof (typeof catalogs)['fr']['purposes']): string {
  return catalogs[lang].purposes[purpose].title;
}

/** Locators of the banner, dialog, history view, re-open button and placeholders of one page. */
export function consentUI(page: Page, lang: Language = 'fr') {
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

export type ConsentUI = ReturnType<typeof consentUI>;
