// Scenario 10: the French, Dutch, English and German pages each get their texts, and each receipt's
// textHash is the hash of the very notice the auditor API returns for it.
import { type Language, noticeHash } from '@consent-ledger/protocol';
import { expect, test } from 'vitest';
import { DEMO, openDemo } from './harness/demo';
import { acknowledged, auditHistory, payloadOf } from './harness/ledger';
import { useSuite } from './harness/suite';
import { consentUI } from './harness/ui';

const suite = useSuite();

for (const lang of Object.keys(DEMO.pages) as Array<keyof typeof DEMO.pages & Language>) {
  test(`10. the ${lang} page: banner in ${lang}, receipt textHash = hash of the notice the auditor sees`, async () => {
    // A browser preferring another language: the page's <html lang> decides.
    const s = await suite.scenario({ locale: lang === 'en' ? 'de-DE' : 'en-US' });
    const ui = consentUI(s.page, lang);
    await openDemo(s.page, suite.collector, DEMO.pages[lang]);
    await ui.banner.waitFor({ state: 'visible' });
    const title = await ui.banner.getByRole('heading').textContent();
    expect(title).toBe(ui.t('banner.title'));
    expect(await ui.answers.allTextContents()).toEqual([
      ui.t('banner.acceptAll'),
      ui.t('banner.rejectAll'),
      ui.t('banner.customize'),
    ]);
    expect(await ui.host.evaluate((host) => host.shadowRoot!.querySelector('[lang]')?.getAttribute('lang'))).toBe(lang);
    await ui.acceptAll.click();

    const [receipt] = await acknowledged(s.page, DEMO.site, 1);
    const payload = payloadOf(receipt.jws);
    expect(payload.language).toBe(lang);
    const token = await suite.collector.token('auditor', [DEMO.site]);
    const history = await auditHistory(suite.collector, token, DEMO.site, payload.subject);
    const shown = history.notices[payload.textHash];
    expect(shown, 'the auditor has the notice the receipt names').toBeTruthy();
    expect(shown.language).toBe(lang);
    expect(noticeHash(shown.notice!)).toBe(payload.textHash);
    expect(shown.notice!.texts['banner.title']).toBe(title);
  });
}
