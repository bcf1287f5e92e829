// The bench's pages are built from the demo's own page: if it changes shape, this fails before a bench run does.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../e2e/harness/server';
import { CONTENDERS, splitDemoPage, writeBenchSite } from './contenders';

const demo = join(ROOT, 'apps/demo/public');
const dir = mkdtempSync(join(tmpdir(), 'banner-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench site', () => {
  writeBenchSite(demo, dir);
  const pageOf = (name: string) => readFileSync(join(dir, CONTENDERS.find((c) => c.name === name)!.path), 'utf8');

  it("finds our tag and the demo's gated tags and embeds", () => {
    const { page, gated, embeds } = splitDemoPage(readFileSync(join(demo, 'index.html'), 'utf8'));
    expect(page).not.toContain('consent.js');
    expect(gated.map((tag) => [tag.purpose, tag.src])).toEqual([
      ['analytics', 'vendor/gtag.js?id=G-DEMO123'],
      ['analytics', null],
      ['marketing', 'vendor/insight.js?partner=51234'],
    ]);
    expect(embeds.map((embed) => [embed.purpose, embed.src])).toEqual([
      ['maps', 'vendor/maps.html?q=12+rue+Saint-Jean+Lyon'],
      ['audiovideo', 'vendor/video.html?room=dr-martin'],
    ]);
  });

  it("serves our page as it is, and every peer's page with its files and none of our tag", () => {
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(readFileSync(join(demo, 'index.html'), 'utf8'));
    for (const contender of CONTENDERS.slice(1)) {
      const html = pageOf(contender.name);
      expect(html, contender.name).not.toContain('/v1/sites/demo/consent.js');
      // The page's body is the demo's: same heading, same embeds.
      expect(html, contender.name).toContain('<h1>Dr Claire Martin</h1>');
      expect(html.match(/<iframe /g), contender.name).toHaveLength(2);
      for (const path of contender.files?.paths ?? [])
        expect(existsSync(join(dir, 'peers', contender.files!.package, path)), path).toBe(true);
    }
  });

  it("gates the analytics tag each peer's way, and leaves it inert on the page alone", () => {
    expect(pageOf('vanilla-cookieconsent')).toContain('data-category="analytics" src="vendor/gtag.js?id=G-DEMO123"');
    expect(pageOf('orejime')).toContain(
      '<template data-purpose="analytics"><script src="vendor/gtag.js?id=G-DEMO123">',
    );
    expect(pageOf('klaro')).toContain('data-name="google-analytics" data-src="vendor/gtag.js?id=G-DEMO123"');
    expect(pageOf('tarteaucitron')).toContain('tarteaucitron.addScript("vendor/gtag.js?id=G-DEMO123")');
    expect(pageOf('page alone')).toContain('<script type="text/plain" data-consent="analytics" src="vendor/gtag.js');
  });
});
