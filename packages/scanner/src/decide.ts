// Making the visitor's choice in a pass: through the banner's own button, found by its accessible
// name (as a person or a screen reader finds it), or through `window.ConsentLedger` when the page
// runs Consent Ledger behind a banner of its own; 'unavailable' when the page offers neither.
import { catalogs } from '@consent-ledger/protocol';
import type { Page } from 'playwright-core';
import type { Decision } from './report';

export type Choice = 'accept' | 'reject';

/** The buttons' names in every catalog language: "Tout accepter", "Accept all", "Alles weigeren"… */
function catalogNames(choice: Choice): string[] {
  const key = choice === 'accept' ? 'banner.acceptAll' : 'banner.rejectAll';
  return Object.values(catalogs).map((catalog) => catalog.texts[key]);
}

/** The part of `window.ConsentLedger` (the SDK's ConsentRuntime) a pass uses. */
interface RuntimeLike {
  ready: Promise<void>;
  get(): { status: string; document?: { notice?: { texts?: Record<string, string> } } | null };
  acceptAll(): Promise<void>;
  rejectAll(): Promise<void>;
}
type WithRuntime = { ConsentLedger?: RuntimeLike };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How long a banner not drawn by Consent Ledger may take to appear. */
const BANNER_WAIT_MS = 5_000;

/** What the page's Consent Ledger runtime says once ready: its status, the button name it shows, whether it draws the banner. */
function runtimeState(page: Page, choice: Choice, timeoutMs: number) {
  return page.evaluate(
    async ({ key, timeoutMs }) => {
      const runtime = (window as unknown as WithRuntime).ConsentLedger;
      if (!runtime) return null;
      await Promise.race([runtime.ready, new Promise((r) => setTimeout(r, timeoutMs))]);
      const snapshot = runtime.get();
      return {
        status: String(snapshot.status),
        name: snapshot.document?.notice?.texts?.[key],
        // The SDK's UI lives in <div id="consent-ledger"> (sdk/src/ui/mount.ts); headless pages have none.
        drawsBanner: document.getElementById('consent-ledger') !== null,
      };
    },
    { key: choice === 'accept' ? 'banner.acceptAll' : 'banner.rejectAll', timeoutMs },
  );
}

/**
 * Makes `choice` on `page` and waits until the runtime (if any) holds it; says how it was made.
 * `deciding` is called just before the click (or the call), so what it triggers can be told apart.
 */
export async function decide(page: Page, choice: Choice, timeoutMs: number, deciding: () => void): Promise<Decision> {
  const runtime = await runtimeState(page, choice, timeoutMs);
  const names = [...new Set([...(runtime?.name ? [runtime.name] : []), ...catalogNames(choice)])];
  const button = page
    .getByRole('button', { name: new RegExp(`^\\s*(${names.map(escapeRegExp).join('|')})\\s*$`, 'i') })
    .filter({ visible: true })
    .first();
  // Our banner is there once the runtime is ready (a busy machine may take a while to draw it); a
  // banner of the site's own over the headless runtime is skipped for the API; someone else's banner
  // may come late.
  const wait = runtime ? (runtime.drawsBanner ? timeoutMs : 0) : Math.min(BANNER_WAIT_MS, timeoutMs);
  let how: Decision;
  if (
    wait > 0 &&
    (await button.waitFor({ state: 'visible', timeout: wait }).then(
      () => true,
      () => false,
    ))
  ) {
    deciding();
    await button.click({ timeout: timeoutMs });
    how = 'banner';
  } else if (runtime) {
    deciding();
    await page.evaluate((choice) => {
      const runtime = (window as unknown as WithRuntime).ConsentLedger!;
      return choice === 'accept' ? runtime.acceptAll() : runtime.rejectAll();
    }, choice);
    how = 'api';
  } else return 'unavailable';
  if (runtime)
    await page.waitForFunction(
      () => (window as unknown as WithRuntime).ConsentLedger?.get().status === 'decided',
      undefined,
      { timeout: timeoutMs },
    );
  return how;
}
