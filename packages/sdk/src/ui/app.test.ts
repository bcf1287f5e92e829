// What a redraw must keep: the UI rebuilds a layer's elements when what it shows changes, so focus,
// open sections and untouched layers are checked here rather than left to a diffing library.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, mounted, resetPage } from './test-dom';

afterEach(resetPage);

describe('redraws', () => {
  it('keeps the banner element (and the focus in it) through changes that do not touch it', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    const region = root.querySelector('section[aria-label]');
    control(root, 'banner.rejectAll').focus();
    rt.set({ storage: 'memory' });
    await flush();
    expect(root.querySelector('section[aria-label]')).toBe(region);
    expect(root.activeElement?.textContent).toBe('banner.rejectAll');
  });

  it('redraws the banner in the new language when another notice arrives', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    const fr = testDocument();
    fr.language = 'fr';
    fr.notice = { ...fr.notice, texts: { ...fr.notice.texts, 'banner.title': 'Vos choix' } };
    rt.set({ document: fr });
    await flush();
    expect(root.querySelector('h2')!.textContent).toBe('Vos choix');
    expect(root.querySelector('.w')!.getAttribute('lang')).toBe('fr');
    expect(root.querySelectorAll('section[aria-label]')).toHaveLength(1);
  });

  it('keeps focus on the same control and the open services open when the dialog is redrawn', async () => {
    const rt = fakeRuntime();
    const { root } = await mounted(rt);
    await click(control(root, 'banner.customize'));
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    const details = dialog.querySelector('details')!;
    details.open = true;
    const maps = [...dialog.querySelectorAll<HTMLElement>('[role=switch]')][2];
    await click(maps);
    maps.focus();
    rt.set({ gpc: true });
    await flush();
    expect(dialog.textContent).toContain('dialog.gpc');
    const active = root.activeElement!;
    expect(active).toBe(maps);
    expect(active.getAttribute('aria-labelledby')).toBe('cl-maps');
    // The draft survives the redraw: the switch set before it is still on.
    expect(active.getAttribute('aria-checked')).toBe('true');
    expect(dialog.querySelector('details')!.open).toBe(true);
  });

  it('keeps focus on the button it was on when the history arrives and shifts the controls', async () => {
    const rt = fakeRuntime();
    await rt.acceptAll();
    const { root } = await mounted(rt);
    rt.show('history');
    await flush();
    await flush();
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    control(dialog, 'dialog.title').focus();
    await rt.decide({ maps: 'denied' }, 'save');
    await flush();
    expect(dialog.querySelectorAll('li.svc')).toHaveLength(2);
    expect(root.activeElement?.textContent).toBe('dialog.title');
  });

  it('keeps the placeholder (and the focus in it) through a change that leaves its embed blocked', async () => {
    const rt = fakeRuntime();
    document.body.innerHTML =
      '<iframe width="400" height="300" data-consent="maps" data-src="https://maps.example/embed"></iframe>';
    const element = document.querySelector('iframe')!;
    const { unmount } = await mounted(rt);
    rt.setEmbeds([{ element, purpose: 'maps', service: null }]);
    await flush();
    const shadow = document.querySelector<HTMLElement>('[data-consent-placeholder]')!.shadowRoot!;
    const button = control(shadow, 'placeholder.loadOnce');
    button.focus();
    rt.set({ storage: 'memory' });
    await flush();
    expect(shadow.activeElement).toBe(button);
    expect(button.isConnected).toBe(true);
    unmount();
  });
});
