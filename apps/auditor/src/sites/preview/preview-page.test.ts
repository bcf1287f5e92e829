import { configDocument, validateSiteConfig } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import demo from '../../../../../fixtures/sites/demo.json';
import { previewPage } from './preview-page';

const SOURCES = {
  consentJs: 'https://consent.example.org/consent.js',
  helper: 'https://consent.example.org/audit/preview-frame',
};
const checked = (patch: object = {}) => {
  const result = validateSiteConfig({ ...demo, ...patch });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
/** The page parsed as the frame parses it. */
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the preview page', () => {
  it('inlines the config document a visitor would get, then the real consent.js in preview mode, then the helper', () => {
    const config = checked();
    const page = parse(previewPage(config, 'nl', 'dialog', SOURCES));
    expect(page.documentElement.lang).toBe('nl');
    const inline = page.getElementById('consent-ledger-config')!;
    expect(inline.getAttribute('type')).toBe('application/json');
    expect(JSON.parse(inline.textContent!)).toEqual(configDocument(config, 'nl'));
    const scripts = [...page.querySelectorAll('script[src]')];
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual([SOURCES.consentJs, `${SOURCES.helper}.js`]);
    expect(scripts[0].getAttribute('data-site')).toBe('demo');
    expect(scripts[0].hasAttribute('data-preview')).toBe(true);
    expect(scripts[1].getAttribute('data-view')).toBe('dialog');
    // Its own policy on top of the console's: no connection at all, whatever runs in it.
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "connect-src 'none'",
    );
  });

  it('keeps a hostile site name and text inside their elements', () => {
    const name = 'Cabinet </script><script src="https://evil.example/x.js"></script> & "Co" <!--';
    const config = checked({
      name,
      texts: { 'banner.title': { fr: '</script><img src=x onerror=alert(1)>' } },
    });
    const page = parse(previewPage(config, 'fr', 'banner', SOURCES));
    expect(page.querySelectorAll('script').length).toBe(3);
    expect(page.querySelectorAll('img').length).toBe(0);
    expect(page.title).toBe(name);
    expect(page.querySelector('.site-head')?.textContent).toBe(name);
    const inline = JSON.parse(page.getElementById('consent-ledger-config')!.textContent!);
    expect(inline.config.name).toBe(name);
    expect(inline.notice.texts['banner.title']).toBe('</script><img src=x onerror=alert(1)>');
  });
});
