import { afterEach, describe, expect, it } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, key, mounted, resetPage } from './test-dom';

afterEach(resetPage);

async function openDialog(rt = fakeRuntime()) {
  const m = await mounted(rt);
  const opener = control(m.root, 'banner.customize');
  opener.focus();
  await click(opener);
  return { ...m, rt, opener, dialog: m.root.querySelector<HTMLElement>('[role=dialog]')! };
}

const switches = (dialog: HTMLElement) => [...dialog.querySelectorAll<HTMLElement>('[role=switch]')];

describe('preferences dialog', () => {
  it('is a labelled modal dialog that takes focus', async () => {
    const { root, dialog } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('dialog.title');
    expect(root.activeElement).toBe(dialog);
    expect(dialog.textContent).toContain('dialog.intro');
  });

  it('has one switch per asked purpose, all off by default, and necessary always on without a switch', async () => {
    const { root, dialog } = await openDialog();
    const list = switches(dialog);
    expect(list.map((s) => root.getElementById(s.getAttribute('aria-labelledby')!)!.textContent)).toEqual([
      'title:analytics',
      'title:marketing',
      'title:maps',
      'title:audiovideo',
    ]);
    expect(list.every((s) => s.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(list.map((s) => root.getElementById(s.getAttribute('aria-describedby')!)!.textContent)).toContain(
      'description:maps',
    );
    const necessary = dialog.querySelector('.p')!;
    expect(necessary.textContent).toContain('title:necessary');
    expect(necessary.textContent).toContain('dialog.alwaysOn');
    expect(necessary.querySelector('[role=switch]')).toBeNull();
  });

  it('opened on a site asking nothing (its own link): the necessary purpose and the policy, no switch and no answer', async () => {
    const rt = fakeRuntime(testDocument({ purposes: {}, services: [] }), { status: 'decided', choices: {} });
    const m = await mounted(rt);
    rt.show();
    await flush();
    const dialog = m.root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(dialog.textContent).toContain('title:necessary');
    expect(switches(dialog)).toEqual([]);
    expect(dialog.querySelector('.acts')).toBeNull();
    expect(dialog.querySelector('a')!.getAttribute('href')).toBe('https://example.org/privacy');
  });

  it('pre-fills the switches with the choices in force (a returning visitor re-asked)', async () => {
    const rt = fakeRuntime(testDocument(), {
      status: 'needs-decision',
      reason: 'revision',
      choices: { analytics: 'granted', marketing: 'denied', maps: 'granted', audiovideo: 'denied' },
    });
    const { dialog } = await openDialog(rt);
    expect(switches(dialog).map((s) => s.getAttribute('aria-checked'))).toEqual(['true', 'false', 'true', 'false']);
  });

  it('Save records exactly the switches set, with method save', async () => {
    const { rt, dialog, root } = await openDialog();
    const [analytics, , maps] = switches(dialog);
    await click(maps);
    await click(analytics);
    await click(analytics);
    expect(maps.getAttribute('aria-checked')).toBe('true');
    expect(rt.calls).toEqual([]);
    await click(control(dialog, 'dialog.save'));
    await flush();
    expect(rt.calls).toEqual([
      ['decide', { analytics: 'denied', marketing: 'denied', maps: 'granted', audiovideo: 'denied' }, 'save'],
    ]);
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it.each([
    ['dialog.acceptAll', 'acceptAll'],
    ['dialog.rejectAll', 'rejectAll'],
  ])('%s calls %s and closes', async (name, method) => {
    const { rt, dialog, root } = await openDialog();
    await click(control(dialog, name));
    await flush();
    expect(rt.calls).toEqual([[method]]);
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('gives the three decision buttons one style', async () => {
    const { dialog } = await openDialog();
    const buttons = [...dialog.querySelectorAll('.acts button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['dialog.save', 'dialog.acceptAll', 'dialog.rejectAll']);
    expect(new Set(buttons.map((b) => b.className))).toEqual(new Set(['b']));
  });

  it('under GPC keeps marketing off and says why', async () => {
    const rt = fakeRuntime(testDocument(), { gpc: true });
    const { dialog } = await openDialog(rt);
    const marketing = dialog.querySelectorAll('.p')[2];
    expect(marketing.textContent).toContain('title:marketing');
    expect(marketing.querySelector('.note')!.textContent).toBe('dialog.gpc');
    expect(marketing.querySelector('[role=switch]')!.getAttribute('aria-checked')).toBe('false');
    expect(dialog.querySelectorAll('.note')).toHaveLength(1);
  });

  it('shows no GPC note without GPC', async () => {
    const { dialog } = await openDialog();
    expect(dialog.querySelector('.note')).toBeNull();
  });

  it('lists each purpose’s services: provider, transfer flagged outside the EU with its safeguard, cookies, retention, privacy link', async () => {
    const { dialog } = await openDialog();
    const analytics = dialog.querySelectorAll('.p')[1];
    expect(analytics.querySelector('summary')!.textContent).toBe('dialog.services (2)');
    const [ga, stats] = [...analytics.querySelectorAll('.svc')];
    expect(ga.querySelector('b')!.textContent).toBe('Google Analytics');
    const pairs = (el: Element) =>
      Object.fromEntries(
        [...el.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
      );
    expect(pairs(ga)).toEqual({
      'service.provider': 'Google',
      'service.transfer': '⚠ service.transferOutside United States — Standard contractual clauses',
      'service.cookies': '_ga, _ga_*',
      'service.retention': '13 months',
    });
    expect(ga.querySelector('.warn')).not.toBeNull();
    expect(control(ga, 'service.privacy').getAttribute('href')).toBe('https://policies.google.com/privacy');
    // A member state (FR) is not a transfer outside the EU; no cookies and no retention are said plainly.
    expect(pairs(stats)).toEqual({
      'service.provider': 'Demo',
      'service.transfer': 'service.transferEu',
      'service.cookies': 'service.noCookies',
    });
    expect(stats.querySelector('.warn, a')).toBeNull();
    // A purpose without services has no list.
    expect(dialog.querySelectorAll('.p')[4].querySelector('details')).toBeNull();
  });

  it('names the transfer country in the notice language', async () => {
    const m = await mounted(fakeRuntime(testDocument({}, 'fr')));
    await click(control(m.root, 'banner.customize'));
    expect(m.root.querySelector('.warn')!.textContent).toBe(
      '⚠ service.transferOutside États-Unis — Standard contractual clauses',
    );
  });
});

describe('dialog keyboard flows', () => {
  it('traps Tab on the last control back to the first, and Shift+Tab on the first to the last', async () => {
    const { root, dialog } = await openDialog();
    const first = control(dialog, 'dialog.close');
    // The answers come last, pinned at the dialog's bottom.
    const last = control(dialog, 'dialog.rejectAll');
    const all = dialog.querySelectorAll('button,a[href],summary');
    expect([all[0], all[all.length - 1]]).toEqual([first, last]);
    last.focus();
    expect(await key(last, 'Tab')).toBe(true);
    expect(root.activeElement).toBe(first);
    expect(await key(first, 'Tab', true)).toBe(true);
    expect(root.activeElement).toBe(last);
  });

  it('Shift+Tab from the dialog itself (just opened) goes to the last control', async () => {
    const { root, dialog } = await openDialog();
    expect(await key(dialog, 'Tab', true)).toBe(true);
    expect(root.activeElement).toBe(control(dialog, 'dialog.rejectAll'));
  });

  it('leaves Tab alone between the boundaries', async () => {
    const { dialog } = await openDialog();
    const save = control(dialog, 'dialog.save');
    save.focus();
    expect(await key(save, 'Tab')).toBe(false);
    expect(await key(save, 'Tab', true)).toBe(false);
  });

  it('Escape closes without deciding, and focus returns to Customize', async () => {
    const { root, rt, dialog, opener } = await openDialog();
    control(dialog, 'dialog.save').focus();
    expect(await key(control(dialog, 'dialog.save'), 'Escape')).toBe(true);
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(rt.calls).toEqual([]);
    expect(root.activeElement).toBe(opener);
    expect(root.querySelector('section[aria-label]')).not.toBeNull();
  });

  it('the close button and a click on the backdrop close it too', async () => {
    const { root, dialog, opener } = await openDialog();
    await click(control(dialog, 'dialog.close'));
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(root.activeElement).toBe(opener);
    await click(opener);
    const dialogInside = root.querySelector<HTMLElement>('[role=dialog]')!;
    await click(dialogInside);
    expect(root.querySelector('[role=dialog]')).not.toBeNull();
    await click(root.querySelector<HTMLElement>('.bd')!);
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('after a decision, focus goes to the re-open button since Customize is gone', async () => {
    const { root, dialog } = await openDialog();
    await click(control(dialog, 'dialog.rejectAll'));
    await flush();
    expect(root.activeElement).toBe(control(root, 'reopen.label'));
  });

  it('the re-open button opens the dialog and gets focus back on Escape', async () => {
    const rt = fakeRuntime(testDocument(), {
      status: 'decided',
      choices: { analytics: 'granted', marketing: 'denied', maps: 'denied', audiovideo: 'denied' },
    });
    const { root } = await mounted(rt);
    const reopen = control(root, 'reopen.label');
    reopen.focus();
    await click(reopen);
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(switches(dialog)[0].getAttribute('aria-checked')).toBe('true');
    await key(dialog, 'Escape');
    expect(root.activeElement).toBe(reopen);
  });
});

describe('opening from the page', () => {
  it('runtime.show() opens the dialog, show("history") the history view', async () => {
    const rt = fakeRuntime(testDocument(), { status: 'decided' });
    const { root } = await mounted(rt);
    rt.show();
    await flush();
    expect(root.querySelector('[role=dialog] h2')!.textContent).toBe('dialog.title');
    rt.show('history');
    await flush();
    expect(root.querySelector('[role=dialog] h2')!.textContent).toBe('history.title');
  });

  it('a data-consent-open link hides the re-open button; the dialog it opens gives focus back to it', async () => {
    document.body.innerHTML = '<footer><a href="#" data-consent-open>Cookies</a></footer>';
    const rt = fakeRuntime(testDocument(), { status: 'decided' });
    const { root } = await mounted(rt);
    expect(root.querySelector('.ro')).toBeNull();
    const link = document.querySelector<HTMLAnchorElement>('[data-consent-open]')!;
    link.focus();
    // The runtime turns the link's click into show(); the opener is where focus was.
    rt.show();
    await flush();
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(root.activeElement).toBe(dialog);
    await key(dialog, 'Escape');
    expect(document.activeElement).toBe(link);
  });
});
