// The per-site script as it crosses the wire: the built consent.js given a site's config and its notice
// in one language (GET /v1/sites/:site/consent.js?lang=…), brotli as the collector serves it. The code
// alone has its budget in packages/sdk (size-tests/budgets.json, "script-tag"); this one adds what a site
// brings, so a config or a catalog that swells the first visit fails here, not in a visitor's browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCollector } from '@consent-ledger/collector/testing';
import { describe, expect, it } from 'vitest';
import { installedAssets } from './assets';
import { REPO } from './checkout';

const budgets = JSON.parse(readFileSync(join(REPO, 'packages/sdk/size-tests/budgets.json'), 'utf8')) as Record<
  string,
  { brotli: number }
>;
const budget = budgets['site-script'].brotli;

describe('the per-site script over the wire (brotli)', () => {
  for (const file of ['clikodoc', 'clickcare', 'cabinet-praticien', 'europraxis', 'demo']) {
    it(`${file}: every language within ${budget} B`, async () => {
      const h = await testCollector({ site: file, embed: { dir: installedAssets().sdk } });
      try {
        const sizes: string[] = [];
        for (const lang of h.config.languages) {
          const res = await h.collector.app.request(`/v1/sites/${h.config.site}/consent.js?lang=${lang}`, {
            headers: { 'Accept-Encoding': 'br' },
          });
          expect(res.status, await res.clone().text()).toBe(200);
          expect(res.headers.get('content-encoding')).toBe('br');
          const size = (await res.arrayBuffer()).byteLength;
          sizes.push(`${lang} ${size}`);
          expect(size, `${file} in ${lang}`).toBeLessThanOrEqual(budget);
        }
        console.log(`${file}: ${sizes.join(', ')} B brotli (budget ${budget} B)`);
      } finally {
        await h.dispose();
      }
    });
  }
});
