import { afterEach, describe, expect, it, vi } from 'vitest';
import demo from '../../../../../fixtures/sites/demo.json';
import { click, flush, mount } from '../../test-dom';
import { PREVIEW_DELAY_MS, previewSources, SitePreview } from './site-preview';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const SOURCES = previewSources('', 'https://consent.example.org/audit/#/sites/demo');
const frame = (root: ParentNode) => root.querySelector('iframe') as HTMLIFrameElement;
/** The config document the frame's page inlines. */
const inlined = (root: ParentNode) =>
  JSON.parse(
    new DOMParser().parseFromString(frame(root).srcdoc, 'text/html').getElementById('consent-ledger-config')!
      .textContent!,
  );
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

/** The preview over `draft`, re-rendered with `redraw(next)` as the site view does on each edit. */
async function preview(draft: unknown) {
  const { render } = await import('preact');
  const { createI18n, I18nContext } = await import('../../i18n/i18n');
  const root = await mount(<div />);
  const draw = (d: unknown) =>
    render(
      <I18nContext.Provider value={createI18n('en')}>
        <SitePreview draft={d} sources={SOURCES} />
      </I18nContext.Provider>,
      root,
    );
  draw(draft);
  await flush();
  return { root, redraw: draw };
}

describe('the live preview', () => {
  it('loads consent.js from the collector and the helper from beside the console', () => {
    expect(SOURCES).toEqual({
      consentJs: 'https://consent.example.org/consent.js',
      helper: 'https://consent.example.org/audit/preview-frame',
    });
  });

  it('frames the draft in an opaque-origin sandbox, in the UI language when the site has it, then in any of its languages', async () => {
    const { root } = await preview(structuredClone(demo));
    const iframe = frame(root);
    // Scripts only: without allow-same-origin the frame can reach neither the session nor the token.
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts allow-popups allow-popups-to-escape-sandbox');
    expect(iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(inlined(root)).toMatchObject({ language: 'en', config: { site: 'demo', revision: 1 } });
    expect(iframe.title).toBe('Banner preview: English, Desktop');

    const select = root.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(demo.languages);
    select.value = 'de';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(inlined(root).language).toBe('de');
    expect(inlined(root).notice.language).toBe('de');
    expect(frame(root).title).toBe('Banner preview: Deutsch, Desktop');
  });

  it('switches to the dialog and to a 375 px phone, and starts over in a new frame', async () => {
    const { root } = await preview(structuredClone(demo));
    expect(frame(root).srcdoc).toContain('data-view="banner"');
    await click(button(root, 'Preferences'));
    expect(frame(root).srcdoc).toContain('data-view="dialog"');
    expect(button(root, 'Preferences').getAttribute('aria-pressed')).toBe('true');
    await click(button(root, 'Phone (375 px)'));
    expect(root.querySelector('.preview-stage')?.classList.contains('phone')).toBe(true);
    expect(frame(root).title).toBe('Banner preview: English, Phone (375 px)');
    const before = frame(root);
    await click(button(root, 'Start over'));
    expect(frame(root)).not.toBe(before);
  });

  it('follows the draft once it stops changing, and keeps the last valid one while it is invalid', async () => {
    const { root, redraw } = await preview(structuredClone(demo));
    vi.useFakeTimers();
    const renamed = { ...structuredClone(demo), name: 'Cabinet Saint-Paul' };
    redraw(renamed);
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 50);
    expect(inlined(root).config.name).toBe('Cabinet Médical Saint-Jean');
    // Another keystroke starts the wait again.
    redraw({ ...renamed, name: 'Cabinet Saint-Pierre' });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 50);
    expect(inlined(root).config.name).toBe('Cabinet Médical Saint-Jean');
    // Preact runs the effect that starts the wait after the next frame (within 100 ms).
    await vi.advanceTimersByTimeAsync(150);
    expect(inlined(root).config.name).toBe('Cabinet Saint-Pierre');

    redraw({ ...renamed, services: [{ ...demo.services[0], purpose: 'maps2' }] });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS + 150);
    expect(inlined(root).config.name).toBe('Cabinet Saint-Pierre');
    expect(root.querySelector('.alert[role=status]')?.textContent).toBe(
      'The preview shows the last valid version: fix the flagged fields to update it.',
    );
  });

  it('shows nothing for a draft never valid, and says so', async () => {
    const { root } = await preview({ site: 'new', name: '' });
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.querySelector('[data-preview]')?.getAttribute('data-preview')).toBe('none');
    expect(root.textContent).toContain('No preview yet: the draft must be valid first.');
  });

  it('hears only its own frame: "started", or "failed" with the reason', async () => {
    const { root } = await preview(structuredClone(demo));
    const section = root.querySelector('.preview')!;
    const say = async (word: string, source: MessageEventSource | null) => {
      dispatchEvent(new MessageEvent('message', { data: { consentLedgerPreview: word }, source }));
      await flush();
    };
    expect(section.getAttribute('data-preview')).toBe('loading');
    await say('failed', window);
    expect(section.getAttribute('data-preview')).toBe('loading');
    await say('started', frame(root).contentWindow);
    expect(section.getAttribute('data-preview')).toBe('started');
    // A new page is loading until its frame speaks.
    await click(button(root, 'Preferences'));
    expect(section.getAttribute('data-preview')).toBe('loading');
    await say('failed', frame(root).contentWindow);
    expect(section.getAttribute('data-preview')).toBe('failed');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('consent.js could not start');
  });
});
