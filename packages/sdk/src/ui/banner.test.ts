import { afterEach, describe, expect, it } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, has, mounted, resetPage } from './test-dom';

afterEach(resetPage);

describe('banner', () => {
  it('is a labelled region with the title, the text naming the site and the policy link', async () => {
    const { root } = await mounted(fakeRuntime());
    const region = root.querySelector('section[aria-label]')!;
    expect(region.getAttribute('aria-label')).toBe('banner.label');
    expect(region.querySelector('h2')!.textContent).toBe('banner.title');
    expect(region.querySelector('p')!.textContent).toContain('banner.text Cabinet Demo');
    const link = control(region, 'banner.policy') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://example.org/privacy');
  });

  it('offers Accept all, Reject all and Customize with one identical style, plus a close button', async () => {
    const { root } = await mounted(fakeRuntime());
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.acts button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['banner.acceptAll', 'banner.rejectAll', 'banner.customize']);
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1);
    expect(buttons.every((b) => !b.getAttribute('style'))).toBe(true);
    const styles = buttons.map((b) => {
      const s = getComputedStyle(b);
      return [s.backgroundColor, s.color, s.fontWeight, s.minHeight, s.borderWidth, s.padding].join('|');
    });
    expect(new Set(styles).size).toBe(1);
    expect(control(root, 'banner.close').tagName).toBe('BUTTON');
  });

  it('sits first in the body, so it comes first in the tab order, and outside the page flow', async () => {
    document.body.innerHTML = '<a href="#main">Skip</a><main id="main">Page</main>';
    const { host, root } = await mounted(fakeRuntime());
    expect(document.body.firstElementChild).toBe(host);
    expect(host.shadowRoot!.mode).toBe('open');
    expect(getComputedStyle(host).position).toBe('fixed');
    expect(getComputedStyle(root.querySelector('.bn')!).position).toBe('fixed');
  });

  it.each([
    ['banner.acceptAll', 'acceptAll'],
    ['banner.rejectAll', 'rejectAll'],
    ['banner.close', 'rejectAll'],
  ])('%s calls %s and the banner goes', async (name, method) => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    await click(control(root, name));
    await flush();
    expect(rt.calls).toEqual([[method]]);
    expect(root.querySelector('section[aria-label]')).toBeNull();
    expect(rt.get().status).toBe('decided');
  });

  it('Customize opens the preferences dialog and decides nothing', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    await click(control(root, 'banner.customize'));
    expect(root.querySelector('[role=dialog]')).not.toBeNull();
    expect(rt.calls).toEqual([]);
  });

  it('is not shown while loading, nor once decided; the re-open button is', async () => {
    const loading = fakeRuntime(null);
    const first = await mounted(loading);
    expect(first.root.querySelector('section[aria-label]')).toBeNull();
    expect(first.root.querySelector('button')).toBeNull();
    first.unmount();
    const { root } = await mounted(fakeRuntime(testDocument(), { status: 'decided' }));
    expect(root.querySelector('section[aria-label]')).toBeNull();
    expect(control(root, 'reopen.label').className).toBe('ro left');
  });

  it('a site asking nothing (only necessary cookies) gets no re-open button; the theme moves it to the right', async () => {
    const necessaryOnly = testDocument({ purposes: {}, services: [] });
    const first = await mounted(fakeRuntime(necessaryOnly, { status: 'decided', choices: {} }));
    expect(first.root.querySelector('button')).toBeNull();
    first.unmount();
    const { root } = await mounted(fakeRuntime(testDocument({ theme: { reopen: 'right' } }), { status: 'decided' }));
    expect(control(root, 'reopen.label').className).toBe('ro right');
  });

  it('comes back when the runtime asks again (revision bump)', async () => {
    const rt = fakeRuntime(testDocument(), { status: 'decided' });
    const { root } = await mounted(rt);
    rt.set({ status: 'needs-decision', reason: 'revision' });
    await flush();
    expect(root.querySelector('section[aria-label]')).not.toBeNull();
    expect(has(root, 'reopen.label')).toBe(false);
  });

  it('follows the theme: custom properties on the host, the position as a class', async () => {
    const doc = testDocument({ theme: { accent: '#7a1f5c', radius: '0', font: 'Georgia, serif', position: 'top' } });
    const { host, root } = await mounted(fakeRuntime(doc));
    expect(host.style.getPropertyValue('--cl-accent')).toBe('#7a1f5c');
    expect(host.style.getPropertyValue('--cl-radius')).toBe('0');
    expect(host.style.getPropertyValue('--cl-font')).toBe('Georgia, serif');
    expect(host.style.getPropertyValue('--cl-bg')).toBe('');
    expect(root.querySelector('.bn')!.classList.contains('top')).toBe(true);
  });

  it('marks its content with the notice language', async () => {
    const { root } = await mounted(fakeRuntime(testDocument({}, 'fr')));
    expect(root.querySelector('.w')!.getAttribute('lang')).toBe('fr');
  });

  it('announces a decision in a polite live region', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    const live = root.querySelector('[aria-live=polite]')!;
    expect(live.textContent).toBe('');
    await click(control(root, 'banner.rejectAll'));
    expect(live.textContent).toBe('announce.saved');
  });

  it('moves focus to the re-open button after a decision, instead of losing it', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    const accept = control(root, 'banner.acceptAll');
    accept.focus();
    await click(accept);
    await flush();
    expect(root.activeElement).toBe(control(root, 'reopen.label'));
  });

  it('unmounts without leaving anything behind', async () => {
    const { unmount } = await mounted(fakeRuntime());
    unmount();
    expect(document.getElementById('consent-ledger')).toBeNull();
  });
});
