// Preview mode (ConsentOptions.preview, the console's live preview): the banner's answers work, and
// nothing outlives the page view or reaches the collector.
import { createStore, get } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { freshPage } from '../test/page';

const stored = (key: string) => get(key, createStore('consent-ledger', 'kv'));

describe('preview mode', () => {
  it('decides in memory: no IndexedDB, localStorage, cookie, receipt or request, and no reload on withdrawal', async () => {
    const { start, collector } = await freshPage();
    const fetch = vi.mocked(globalThis.fetch);
    // A cookie of an analytics service: a visitor's withdrawal would clear it, a preview's does not.
    document.cookie = '_ga=GA1.1; path=/';
    const rt = start({ config: collector.doc, preview: true });
    // Known at once, as for a visitor whose page inlines the config.
    expect(rt.get()).toMatchObject({ status: 'needs-decision', reason: 'first-visit' });
    await rt.ready;
    expect(rt.get().storage).toBe('memory');

    await rt.acceptAll();
    expect(rt.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } });
    await rt.decide({ marketing: 'denied' }, 'save');
    await rt.withdraw();
    expect(rt.get().choices).toEqual({ analytics: 'denied', marketing: 'denied' });
    await rt.rejectAll();
    await rt.erase();
    expect(rt.get().status).toBe('needs-decision');
    // Give any deferred send its chance before looking.
    await new Promise((r) => setTimeout(r, 50));

    expect(await rt.history()).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    expect(collector.posted).toEqual([]);
    expect(await stored('decision:clickcare')).toBeUndefined();
    expect(await stored('device')).toBeUndefined();
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('_ga=GA1.1');
  });

  it('never reads the visitor’s stored decision, nor tells the visitor’s other tabs', async () => {
    const { start, collector } = await freshPage();
    const visitor = start({ config: collector.doc, reloadOnWithdraw: false });
    await visitor.ready;
    await visitor.acceptAll();
    const heard = vi.fn();
    const tab = new BroadcastChannel('consent-ledger:clickcare');
    tab.addEventListener('message', heard);

    const preview = start({ config: collector.doc, preview: true });
    expect(preview.get().status).toBe('needs-decision');
    await preview.ready;
    expect(preview.get().status).toBe('needs-decision');
    await preview.rejectAll();
    await new Promise((r) => setTimeout(r, 50));
    tab.close();

    expect(heard).not.toHaveBeenCalled();
    expect(visitor.get().choices).toEqual({ analytics: 'granted', marketing: 'granted' });
    expect(await stored('decision:clickcare')).toMatchObject({ choices: { analytics: 'granted' } });
  });
});
