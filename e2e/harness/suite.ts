// One collector and one browser per test file (started in beforeAll, stopped in afterAll); one
// browser context per scenario, closed after it whatever happened.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newScenario, type Scenario, type ScenarioOptions } from './browser';
import { type Collector, type CollectorOptions, startCollector } from './server';

/** What a test file shares: filled in by beforeAll. */
export interface Suite {
  collector: Collector;
  browser: Browser;
  /** A fresh context for one scenario (closed after the test). */
  scenario(options?: ScenarioOptions): Promise<Scenario>;
}

/** Registers the file's hooks and returns the suite its tests use. */
export function useSuite(options: CollectorOptions = {}): Suite {
  const open: Scenario[] = [];
  const suite = {
    scenario: async (o?: ScenarioOptions) => {
      const s = await newScenario(suite.browser, o);
      open.push(s);
      return s;
    },
  } as Suite;
  beforeAll(async () => {
    const [collector, browser] = await Promise.allSettled([startCollector(options), launchBrowser()]);
    // Keep what did start, so afterAll stops it even when the other failed.
    if (collector.status === 'fulfilled') suite.collector = collector.value;
    if (browser.status === 'fulfilled') suite.browser = browser.value;
    for (const r of [collector, browser]) if (r.status === 'rejected') throw r.reason;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.context.close()));
  });
  afterAll(async () => {
    await Promise.all([suite.browser?.close(), suite.collector?.stop()]);
  });
  return suite;
}
