import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, has, mounted, resetPage } from './test-dom';

afterEach(() => {
  resetPage();
  vi.restoreAllMocks();
});

async function openHistory(rt = fakeRuntime()) {
  const m = await mounted(rt);
  rt.show('history');
  await flush();
  await flush();
  return { ...m, rt, dialog: m.root.querySelector<HTMLElement>('[role=dialog]')! };
}

describe('history view', () => {
  it('says when there is nothing yet, offers no download and nothing to withdraw', async () => {
    const { dialog } = await openHistory();
    expect(dialog.querySelector('h2')!.textContent).toBe('history.title');
    expect(dialog.textContent).toContain('history.empty');
    expect(has(dialog, 'history.download')).toBe(false);
    expect(has(dialog, 'withdraw.button')).toBe(false);
    expect(dialog.querySelector('code')!.textContent).toBe('subject-1');
  });

  it('lists each receipt newest first: date, method, choices and status', async () => {
    const rt = fakeRuntime();
    await rt.acceptAll();
    await rt.decide({ maps: 'denied' }, 'save');
    rt.items[0].status = 'acknowledged';
    rt.items[1].status = 'refused';
    const { dialog } = await openHistory(rt);
    const rows = [...dialog.querySelectorAll('li.svc')].map((li) =>
      [...li.querySelectorAll('dd')].map((dd) => dd.textContent),
    );
    const date = (iso: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(rows).toEqual([
      [
        date(rt.items[1].issuedAt),
        'method.save',
        'title:analytics: state.granted, title:marketing: state.granted, title:maps: state.denied, title:audiovideo: state.granted',
        'history.refused',
      ],
      [
        date(rt.items[0].issuedAt),
        'method.accept-all',
        'title:analytics: state.granted, title:marketing: state.granted, title:maps: state.granted, title:audiovideo: state.granted',
        'history.acknowledged',
      ],
    ]);
    expect(dialog.querySelector('time')!.getAttribute('datetime')).toBe(rt.items[1].issuedAt);
  });

  it('refreshes when a receipt is acknowledged', async () => {
    const rt = fakeRuntime();
    await rt.rejectAll();
    const { dialog } = await openHistory(rt);
    expect(dialog.querySelector('li.svc dd:last-child')!.textContent).toBe('history.pending');
    rt.items[0].status = 'acknowledged';
    rt.emit('ack', rt.items[0]);
    await flush();
    expect(dialog.querySelector('li.svc dd:last-child')!.textContent).toBe('history.acknowledged');
  });

  it('"Download my proof" saves exportProof() as a JSON file', async () => {
    const rt = fakeRuntime();
    await rt.acceptAll();
    const { dialog } = await openHistory(rt);
    let saved: { name: string; blob: Blob } | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = { name: '', blob: blob as Blob };
      return 'blob:proof';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved!.name = this.download;
    });
    await click(control(dialog, 'history.download'));
    await flush();
    expect(rt.calls).toContainEqual(['exportProof']);
    expect(saved!.name).toBe('consent-proof-demo-2026-11-22.json');
    expect(saved!.blob.type).toBe('application/json');
    const proof = JSON.parse(await saved!.blob.text());
    expect(proof).toMatchObject({
      v: 1,
      site: 'demo',
      subject: 'subject-1',
      receipts: [{ jws: 'jws', ack: null, proof: null }],
    });
    expect(dialog.querySelector('a[download]')).toBeNull();
  });

  it('"Withdraw my consent" withdraws every purpose and announces it', async () => {
    const rt = fakeRuntime();
    await rt.decide({ analytics: 'granted', maps: 'granted' }, 'save');
    const { dialog, root } = await openHistory(rt);
    await click(control(dialog, 'withdraw.button'));
    await flush();
    expect(rt.calls.at(-1)).toEqual(['withdraw', undefined]);
    expect(root.querySelector('[aria-live]')!.textContent).toBe('withdraw.confirm title:analytics, title:maps');
    // The new receipt shows up and nothing is granted any more.
    expect(dialog.querySelector('li.svc dd:nth-of-type(2)')!.textContent).toBe('method.withdraw');
    expect(has(dialog, 'withdraw.button')).toBe(false);
  });

  it('goes back to the preferences, and is reached from them', async () => {
    const rt = fakeRuntime(testDocument(), { status: 'decided' });
    const { root, dialog } = await openHistory(rt);
    await click(control(dialog, 'dialog.title'));
    expect(root.querySelector('[role=dialog] h2')!.textContent).toBe('dialog.title');
    expect(root.activeElement).toBe(root.querySelector('[role=dialog]'));
    await click(control(root, 'dialog.history'));
    expect(root.querySelector('[role=dialog] h2')!.textContent).toBe('history.title');
  });
});

describe('erasure from the history view', () => {
  it('asks first; Cancel erases nothing, Erase erases, then the receipts say erased and the banner asks again', async () => {
    const rt = fakeRuntime();
    await rt.acceptAll();
    rt.items[0].status = 'acknowledged';
    rt.set({ status: 'decided' });
    const { dialog, root } = await openHistory(rt);
    await click(control(dialog, 'erase.button'));
    const question = root.getElementById('cl-erase')!;
    expect(question.textContent).toBe('erase.confirm');
    expect(root.activeElement).toBe(question);
    expect(rt.calls.some(([name]) => name === 'erase')).toBe(false);
    await click(control(dialog, 'erase.cancel'));
    expect(root.getElementById('cl-erase')).toBeNull();
    expect(rt.calls.some(([name]) => name === 'erase')).toBe(false);

    await click(control(dialog, 'erase.button'));
    await click(control(dialog.querySelector('.ask')!, 'erase.button'));
    await flush();
    await flush();
    expect(rt.calls.filter(([name]) => name === 'erase')).toHaveLength(1);
    expect([...dialog.querySelectorAll('dd')].map((dd) => dd.textContent)).toContain('history.erased');
    expect(has(dialog, 'erase.button'), 'nothing left to erase').toBe(false);
    expect(root.querySelector('section[aria-label]'), 'the banner is back').not.toBeNull();
  });

  it('says so when the collector did not erase, and keeps the receipts as they were', async () => {
    const rt = fakeRuntime();
    await rt.rejectAll();
    rt.items[0].status = 'acknowledged';
    rt.failErase = true;
    const { dialog } = await openHistory(rt);
    await click(control(dialog, 'erase.button'));
    await click(control(dialog.querySelector('.ask')!, 'erase.button'));
    await flush();
    expect(dialog.querySelector('[role=alert]')!.textContent).toBe('erase.failed');
    expect([...dialog.querySelectorAll('dd')].map((dd) => dd.textContent)).toContain('history.acknowledged');
  });
});
