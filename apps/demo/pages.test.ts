// The demo site is static HTML: these checks keep its pages, their gated elements and the site
// configs they name in step (a typo in a purpose would leave an embed blocked for ever): its own
// (site.json, which `serve --demo` publishes) and the fixtures' clikodoc.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = join(here, 'public');
const sitesDir = join(here, '../../fixtures/sites');
const pages = readdirSync(publicDir).filter((f) => f.endsWith('.html'));
/** A page's elements, inert (a template loads nothing), and its <html lang>. */
function parse(file: string) {
  const html = readFileSync(join(publicDir, file), 'utf8');
  const template = document.createElement('template');
  template.innerHTML = html;
  return Object.assign(template.content, { lang: /<html lang="([a-z-]+)">/.exec(html)?.[1] });
}
/** The elements of `root` matching `selector`, those inside its templates (gated embeds) included. */
const within = (root: ParentNode, selector: string): Element[] => [
  ...root.querySelectorAll(selector),
  ...[...root.querySelectorAll('template')].flatMap((t) => within(t.content, selector)),
];
const site = (id: string) =>
  JSON.parse(readFileSync(id === 'demo' ? join(here, 'site.json') : join(sitesDir, `${id}.json`), 'utf8'));
/** A page's Consent Ledger tag (the per-site script) and the site and language its URL names. */
function tagOf(doc: DocumentFragment) {
  const tag = doc.querySelector<HTMLScriptElement>('script[src^="/v1/sites/"]')!;
  const [, id, lang] = /^\/v1\/sites\/([a-z0-9-]+)\/consent\.js\?lang=([a-z]+)$/.exec(tag.getAttribute('src')!)!;
  return { tag, id, lang };
}

describe('demo pages', () => {
  it('has one site config: fixtures/sites/demo.json (published by --sites fixtures/sites) is site.json', () => {
    expect(readFileSync(join(sitesDir, 'demo.json'), 'utf8')).toBe(readFileSync(join(here, 'site.json'), 'utf8'));
  });

  it('has the French page and one per other language of the demo site', () => {
    const langs = Object.fromEntries(['index.html', 'en.html', 'nl.html', 'de.html'].map((f) => [f, parse(f).lang]));
    expect(langs).toEqual({ 'index.html': 'fr', 'en.html': 'en', 'nl.html': 'nl', 'de.html': 'de' });
    expect(site('demo').languages).toEqual(['fr', 'nl', 'en', 'de']);
  });

  it.each(pages)(
    '%s embeds its site script, async and not render-blocking, for a fixture site that speaks its language',
    (file) => {
      const doc = parse(file);
      const { tag, id, lang } = tagOf(doc);
      // Render-blocking held the page's first paint for the whole script (bench/banner): the recommended embed is async alone.
      expect([tag.hasAttribute('async'), tag.getAttribute('blocking')]).toEqual([true, null]);
      expect(lang).toBe(doc.lang);
      const config = site(id);
      expect(config.languages).toContain(doc.lang!);
      expect(config.origins).toContain('http://localhost:8080');
    },
  );

  it.each(pages)('%s gates only purposes its site asks, and links only to files that exist', (file) => {
    const doc = parse(file);
    const config = site(tagOf(doc).id);
    for (const el of doc.querySelectorAll('[data-consent]'))
      expect(Object.keys(config.purposes)).toContain(el.getAttribute('data-consent'));
    for (const el of within(doc, '[href],[src],[data-src]')) {
      const url = el.getAttribute('data-src') ?? el.getAttribute('src') ?? el.getAttribute('href')!;
      if (url.startsWith('#') || url === tagOf(doc).tag.getAttribute('src')) continue;
      expect(url, `${file}: links must be relative`).not.toMatch(/^(\/|https?:)/);
      const path = url.split(/[?#]/)[0] || 'index.html';
      expect(
        existsSync(join(publicDir, path.endsWith('/') || path === '.' || path === './' ? 'index.html' : path)),
        `${file} -> ${url}`,
      ).toBe(true);
    }
  });

  it('keeps gated scripts inert and embeds in templates until consent', () => {
    const doc = parse('index.html');
    const scripts = [...doc.querySelectorAll('script[data-consent]')];
    expect(scripts.map((s) => [s.getAttribute('type'), s.getAttribute('data-consent')])).toEqual([
      ['text/plain', 'analytics'],
      ['text/plain', 'analytics'],
      ['text/plain', 'marketing'],
    ]);
    // Written inside templates: no frame until granted, not even an empty one.
    expect(doc.querySelectorAll('iframe')).toHaveLength(0);
    const embeds = [...doc.querySelectorAll<HTMLTemplateElement>('template[data-consent]')];
    expect(
      embeds.map((e) => [e.getAttribute('data-consent'), e.content.querySelector('iframe[src]') !== null]),
    ).toEqual([
      ['maps', true],
      ['audiovideo', true],
    ]);
  });

  it('names the stand-in hosts in the demo services, so placeholders name Google Maps and Twilio', () => {
    const services = site('demo').services as Array<{ purpose: string; hosts?: string[] }>;
    for (const purpose of ['maps', 'audiovideo'])
      expect(services.find((s) => s.purpose === purpose)!.hosts).toEqual(
        expect.arrayContaining(['localhost', '127.0.0.1']),
      );
  });
});

describe('third-party stand-ins', () => {
  const run = (file: string, src: string) => {
    const script = document.createElement('script');
    Object.defineProperty(document, 'currentScript', { value: { src }, configurable: true });
    new Function(readFileSync(join(publicDir, 'vendor', file), 'utf8'))();
    script.remove();
  };
  const cookies = () =>
    Object.fromEntries(
      document.cookie
        .split('; ')
        .filter(Boolean)
        .map((c) => c.split('=')),
    );
  const w = window as unknown as { __ran?: string[]; dataLayer?: unknown[]; __gtag?: { hits: unknown[] } };

  it('gtag.js follows Consent Mode: no cookie while analytics_storage is denied, _ga and _ga_<id> once granted', () => {
    w.dataLayer = [['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' }]];
    run('gtag.js', 'http://localhost:8080/vendor/gtag.js?id=G-DEMO123');
    w.dataLayer.push(['config', 'G-DEMO123']);
    expect(cookies()._ga).toBeUndefined();
    w.dataLayer.push(['consent', 'update', { analytics_storage: 'granted' }]);
    w.dataLayer.push(['config', 'G-DEMO123']);
    expect(cookies()._ga).toMatch(/^GA1\.1\.\d+\.\d+$/);
    expect(cookies()._ga_DEMO123).toMatch(/^GS1\.1\./);
    expect(w.__gtag!.hits).toEqual([{ type: 'page_view', id: 'G-DEMO123', page: location.pathname }]);
    expect(w.__ran).toContain('gtag');
  });

  it('insight.js sets li_sugr and records its run', () => {
    run('insight.js', 'http://localhost:8080/vendor/insight.js?partner=51234');
    expect(cookies().li_sugr).toBeTruthy();
    expect(w.__ran).toContain('linkedin');
  });
});
