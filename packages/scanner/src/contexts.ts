// Fresh browser contexts for the passes, each made while the previous pass runs: starting a context's
// renderer is the slowest step of a pass on a busy machine, and a pass spends most of its time waiting
// for the network to settle. A context made ahead has loaded nothing, so it is as fresh as a new one.
import type { Browser, BrowserContext, Page } from 'playwright-core';

const VIEWPORT = { width: 1280, height: 800 };

/** A context and its first (blank) page. */
export interface Fresh {
  context: BrowserContext;
  page: Page;
}

export interface ContextSource {
  /** The next fresh context; the caller closes it (the one made ahead closes with the browser). */
  take(): Promise<Fresh>;
}

/** Makes fresh contexts of `browser`, one ahead. */
export function contextSource(browser: Browser): ContextSource {
  const make = async (): Promise<Fresh> => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    return { context, page: await context.newPage() };
  };
  let ahead: Promise<Fresh> | null = null;
  return {
    take() {
      const current = ahead ?? make();
      ahead = make();
      // Awaited by the next take() or close(); a failure then is theirs.
      ahead.catch(() => undefined);
      return current;
    },
  };
}
