import { createStore, get } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../test/collector-double';
import { freshPage, payloadOf, settled } from '../test/page';
import { withLock } from './core/lock';
import type { StoredDecision } from './core/state';
import type { ConsentSnapshot } from './types';

type W = Window & { dataLayer?: IArguments[] };
const gated = (html: string) => document.body.insertAdjacentHTML('beforeend', html);
const liveIds = () => [...document.querySelectorAll('script[data-consent]:not([type="text/plain"])')].map((s) => s.id);
const DAY = 86_400_000;
/** The page's cookies but cl_consent, which repeats the decision for the server (store/consent-cookie.ts). */
const pageCookies = () => document.cookie.split('; ').filter((c) => c && !c.startsWith('cl_consent='));
/** The decision IndexedDB holds for the test site (the record, not its mirror). */
const storedDecision = () => get<StoredDecision>('decision:clickcare', createStore('consent-ledger', 'kv'));

describe('first and returning visits', () => {
  it('first visit: fetches the config, asks, and keeps gated scripts inert', async () => {
    const { start } = await freshPage();
    gated('<script type="text/plain" data-consent="analytics" id="ga">ga()</script>');
    const rt = start();
    expect(rt.get().status).toBe('loading');
    await rt.ready;
    expect(rt.get()).toMatchObject({
      status: 'needs-decision',
      reason: 'first-visit',
      choices: { analytics: 'denied', marketing: 'denied' },
      storage: 'indexeddb',
      gpc: false,
    });
    expect(rt.get().document?.config.site).toBe('clickcare');
    expect(await rt.history()).toEqual([]);
    expect(liveIds()).toEqual([]);
  });

  it('a decision signs a receipt, applies at once, and is acknowledged', async () => {
    const { start, collector } = await freshPage();
    gated('<script type="text/plain" data-consent="analytics" id="ga">ga()</script>');
    const rt = start();
    await rt.ready;
    const changes: ConsentSnapshot[] = [];
    rt.on('change', (s) => changes.push(s));
    const onWindow = vi.fn();
    addEventListener('consentledger:change', onWindow);
    const granted = rt.whenGranted('analytics');
    await rt.decide({ analytics: 'granted' }, 'save');
    await granted;
    expect(changes.at(-1)).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'denied' } });
    expect(onWindow).toHaveBeenCalled();
    removeEventListener('consentledger:change', onWindow);
    const [item] = await settled(rt);
    expect(item).toMatchObject({
      method: 'save',
      status: 'acknowledged',
      choices: { analytics: 'granted', marketing: 'denied' },
      error: null,
    });
    const p = payloadOf(item.jws);
    const doc = collector.doc;
    expect(p).toMatchObject({
      site: 'clickcare',
      revision: doc.config.revision,
      language: doc.language,
      textHash: doc.textHash,
      page: 'https://www.clickcare.be/fr/praticiens',
      prev: null,
      subject: rt.get().subject,
    });
    // The page (the history view) is told the visitor's subject as soon as the key exists.
    expect(p.subject).toMatch(/^[\w-]{43}$/);
    expect(changes.at(-1)?.subject).toBe(p.subject);
    expect(item.ack?.payload).toMatchObject({ id: item.id, index: 0 });
    expect(collector.logged).toEqual([item.id]);
    await vi.waitFor(() => expect(liveIds()).toEqual(['ga']));
  });

  it('returning visitor: the stored decision applies from IndexedDB with no network at all', async () => {
    const { start } = await freshPage();
    const first = start();
    await first.ready;
    await first.acceptAll();
    await settled(first);
    first.destroy();

    gated('<script type="text/plain" data-consent="analytics" id="ga">ga()</script>');
    const calls: Array<[string, RequestInit | undefined]> = [];
    // The network hangs forever: nothing may wait for it.
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        calls.push([url, init]);
        return new Promise(() => {});
      }),
    );
    const rt = start();
    await rt.ready;
    expect(rt.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } });
    await vi.waitFor(() => expect(liveIds()).toEqual(['ga']));
    const config = calls.find(([url]) => url.includes('/config'));
    expect(new Headers(config?.[1]?.headers).get('if-none-match')).toBe('"1"');
  });

  it('asks again after a revision bump, with the previous choices pre-filled', async () => {
    const { start, collector } = await freshPage();
    const first = start();
    await first.ready;
    await first.decide({ analytics: 'granted' }, 'save');
    first.destroy();

    collector.doc = fixtureDocument('clickcare', { revision: 5 });
    collector.etag = '"2"';
    const rt = start();
    await rt.ready;
    // The cached revision applies first, then the revalidated config asks again.
    await vi.waitFor(() =>
      expect(rt.get()).toMatchObject({
        status: 'needs-decision',
        reason: 'revision',
        choices: { analytics: 'granted', marketing: 'denied' },
      }),
    );
    expect(rt.get().document?.config.revision).toBe(5);
    expect(await rt.whenGranted('necessary')).toBeUndefined();
    // Pre-filled choices are not in force: an embed receipt now names nothing granted.
    gated('<img id="px" data-consent="marketing" data-src="/px.gif" alt="">');
    await rt.loadEmbedOnce(document.getElementById('px')!);
    expect((await rt.history()).at(-1)).toMatchObject({
      method: 'embed-once',
      choices: { analytics: 'denied', marketing: 'denied' },
    });
    await rt.decide({}, 'save');
    expect(payloadOf((await rt.history()).at(-1)!.jws)).toMatchObject({
      revision: 5,
      choices: { analytics: 'granted', marketing: 'denied' },
    });
  });

  it('asks again once expiresAfterDays have passed', async () => {
    const { start } = await freshPage();
    const first = start();
    await first.ready;
    await first.decide({ marketing: 'granted' }, 'save');
    first.destroy();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 183 * DAY);
    const rt = start();
    await rt.ready;
    expect(rt.get()).toMatchObject({
      status: 'needs-decision',
      reason: 'expired',
      choices: { marketing: 'granted', analytics: 'denied' },
    });
  });

  it('asks nothing when the site has no purpose needing consent', async () => {
    const { start } = await freshPage(
      'clickcare',
      undefined,
      fixtureDocument('clickcare', { purposes: {}, services: [] }),
    );
    const rt = start();
    await rt.ready;
    expect(rt.get()).toMatchObject({ status: 'decided', reason: null, choices: {} });
  });

  it('without IndexedDB, works for the page view and says so once', async () => {
    const { start, collector } = await freshPage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('indexedDB', undefined);
    const rt = start({ config: collector.doc });
    await rt.ready;
    expect(rt.get()).toMatchObject({ storage: 'memory', status: 'needs-decision' });
    await rt.acceptAll();
    expect(rt.get().status).toBe('decided');
    expect((await settled(rt)).map((i) => i.status)).toEqual(['acknowledged']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0].slice(0, 2)).toEqual(['consent-ledger:', 'no-indexeddb']);
  });
});

describe('a config known at once (inline, or embedded by the per-site script)', () => {
  const MIRROR = 'consent-ledger:decision:clickcare';
  // IndexedDB that never answers: whatever happens synchronously cannot have waited for it.
  const hangingIndexedDb = () => vi.stubGlobal('indexedDB', { open: () => ({}) });

  it('first visit: asks before createConsent returns, with no storage or network wait', async () => {
    const { start, collector } = await freshPage();
    hangingIndexedDb();
    const rt = start({ config: collector.doc });
    expect(rt.get()).toMatchObject({ status: 'needs-decision', reason: 'first-visit', document: collector.doc });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('returning visitor: the mirrored decision applies at once and the granted script starts without IndexedDB', async () => {
    const { start, collector } = await freshPage();
    const first = start({ config: collector.doc });
    await first.ready;
    await first.decide({ analytics: 'granted' }, 'save');
    first.destroy();
    expect(JSON.parse(localStorage.getItem(MIRROR)!)).toMatchObject({
      choices: { analytics: 'granted', marketing: 'denied' },
      revision: collector.doc.config.revision,
    });

    hangingIndexedDb();
    gated(
      '<script type="text/plain" data-consent="analytics" id="ga">ga()</script><script type="text/plain" data-consent="marketing" id="m">m()</script>',
    );
    const rt = start({ config: collector.doc });
    expect(rt.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'denied' } });
    // The gate's pass runs in a microtask: no task, so no frame and no storage answer, comes first.
    await Promise.resolve();
    await Promise.resolve();
    expect(liveIds()).toEqual(['ga']);
  });

  it('IndexedDB is the record: a mirror that disagrees is rewritten, and what it started is withdrawn', async () => {
    const { start, collector } = await freshPage();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    const revision = collector.doc.config.revision;
    localStorage.setItem(
      MIRROR,
      JSON.stringify({
        choices: { analytics: 'granted', marketing: 'denied' },
        decidedAt: new Date().toISOString(),
        revision,
      }),
    );
    gated('<script type="text/plain" data-consent="analytics" id="ga">ga()</script>');
    const rt = start({ config: collector.doc });
    expect(rt.get().status).toBe('decided');
    await rt.ready;
    // IndexedDB holds no decision: the visitor is asked, the copy is gone, and the page reloads as after a withdrawal.
    expect(rt.get()).toMatchObject({ status: 'needs-decision', reason: 'first-visit' });
    expect(localStorage.getItem(MIRROR)).toBeNull();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(await rt.history()).toEqual([]);

    // And the other way round: a decision in IndexedDB without its copy applies once read, and is copied.
    await rt.acceptAll();
    localStorage.clear();
    const again = start({ config: collector.doc });
    expect(again.get().status).toBe('needs-decision');
    await again.ready;
    expect(again.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } });
    expect(JSON.parse(localStorage.getItem(MIRROR)!).choices).toEqual({ analytics: 'granted', marketing: 'granted' });
  });

  it('without a usable localStorage, waits for IndexedDB rather than trusting a missing copy', async () => {
    const { start, collector } = await freshPage();
    const first = start({ config: collector.doc });
    await first.ready;
    await first.acceptAll();
    first.destroy();
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked });
    const rt = start({ config: collector.doc });
    expect(rt.get().status).toBe('loading');
    await rt.ready;
    expect(rt.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } });
  });

  it('embedded with its ETag: revalidated in the background, and a newer config applies (a revision bump asks again)', async () => {
    const { start, collector } = await freshPage();
    const first = start({ config: collector.doc, configEtag: '"1"' });
    await first.ready;
    await first.acceptAll();
    first.destroy();
    const conditional = () =>
      vi
        .mocked(fetch)
        .mock.calls.filter(([url]) => String(url).includes('/config'))
        .map(([, init]) => new Headers(init?.headers).get('if-none-match'));
    await vi.waitFor(() => expect(conditional()).toEqual(['"1"']));
    expect(first.get().document).toBe(collector.doc);

    const stale = collector.doc;
    collector.doc = fixtureDocument('clickcare', { revision: 5 });
    collector.etag = '"2"';
    const rt = start({ config: stale, configEtag: '"1"' });
    expect(rt.get().status).toBe('decided');
    await vi.waitFor(() => expect(rt.get()).toMatchObject({ status: 'needs-decision', reason: 'revision' }));
    expect(conditional()).toEqual(['"1"', '"1"']);
    // Inline by the page, without an ETag: used as is, no request.
    start({ config: stale });
    await new Promise((r) => setTimeout(r, 50));
    expect(conditional()).toHaveLength(2);
  });
});

describe('gating', () => {
  it('activates three gated scripts in document order on grant', async () => {
    const { start, collector } = await freshPage();
    gated(`<script type="text/plain" data-consent="analytics" id="s1" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
      <script type="text/plain" data-consent="analytics" id="s2">gtag('js', new Date())</script>
      <script type="text/plain" data-consent="marketing" id="m">px()</script>
      <script type="text/plain" data-consent="analytics" id="s3" data-type="module" src="/a.mjs"></script>`);
    const rt = start({ config: collector.doc });
    await rt.ready;
    await rt.decide({ analytics: 'granted' }, 'save');
    await vi.waitFor(() => expect(liveIds()).toEqual(['s1', 's2', 's3']));
    expect(document.getElementById('s3')!.getAttribute('type')).toBe('module');
    expect(document.getElementById('m')!.getAttribute('type')).toBe('text/plain');
  });

  it('reports a late-inserted iframe as blocked, loads it once on request, then on grant', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/praticiens');
    const rt = start();
    await rt.ready;
    const seen: string[][] = [];
    rt.on('embeds', (list) => seen.push(list.map((e) => e.element.id)));
    gated('<iframe id="map" data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1"></iframe>');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['map']));
    expect(rt.blockedEmbeds()[0]).toMatchObject({ purpose: 'maps', service: { id: 'google-maps' } });
    await rt.loadEmbedOnce(document.getElementById('map')!);
    expect(document.getElementById('map')!.getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
    expect(seen.at(-1)).toEqual([]);
    const [embed] = await rt.history();
    expect(embed).toMatchObject({ method: 'embed-once', choices: { maps: 'denied', analytics: 'denied' } });
    expect(rt.get().status).toBe('needs-decision');

    gated('<iframe id="map2" data-consent="maps" data-src="https://www.google.com/maps/embed?pb=2"></iframe>');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['map2']));
    await rt.decide({ maps: 'granted' }, 'save');
    await vi.waitFor(() =>
      expect(document.getElementById('map2')!.getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=2'),
    );
  });

  it('withdrawal records a receipt, clears the purpose cookies (patterns too), unloads its embeds and reloads', async () => {
    const { start } = await freshPage();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    gated('<img id="px" data-consent="analytics" data-src="/px.gif" alt="">');
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    await vi.waitFor(() => expect(document.getElementById('px')!.getAttribute('src')).toBe('/px.gif'));
    document.cookie = '_ga=GA1.2.3; path=/';
    document.cookie = '_ga_ABC123=GS1; path=/; domain=.clickcare.be';
    document.cookie = '_ga_Q=GS2; path=/fr';
    document.cookie = 'cc_mkt=1; path=/';
    document.cookie = 'lang=fr; path=/';
    await rt.withdraw('analytics');
    expect(pageCookies().sort()).toEqual(['cc_mkt=1', 'lang=fr']);
    expect(document.getElementById('px')!.hasAttribute('src')).toBe(false);
    expect(rt.blockedEmbeds().map((e) => e.element.id)).toEqual(['px']);
    expect(rt.get().choices).toEqual({ analytics: 'denied', marketing: 'granted' });
    expect((await rt.history()).map((i) => i.method)).toEqual(['accept-all', 'withdraw']);
    expect(reload).toHaveBeenCalledTimes(1);

    await rt.withdraw();
    expect(document.cookie).toBe('lang=fr');
    expect(rt.get().choices).toEqual({ analytics: 'denied', marketing: 'denied' });
    expect(reload).toHaveBeenCalledTimes(2);
    await rt.withdraw();
    // Nothing was running any more: no reload.
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('a save that turns a granted purpose off is a withdrawal too: cookies cleared, page reloaded', async () => {
    const { start } = await freshPage();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    document.cookie = '_ga_ZZ=1; path=/';
    document.cookie = 'li_sugr=2; path=/';
    await rt.decide({ marketing: 'denied' }, 'save');
    expect(pageCookies()).toEqual(['_ga_ZZ=1']);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a returning visitor who granted maps: no listener ever hears its embed as blocked, not even at the first change', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/praticiens');
    const first = start();
    await first.ready;
    await first.acceptAll();
    first.destroy();
    // The next page: the embed is in the body before the stored decision is read (no mirror, no inline config).
    localStorage.clear();
    gated('<iframe id="map" data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1"></iframe>');
    const rt = start();
    const heard: string[][] = [];
    rt.on('change', (snap) => snap.document && heard.push(rt.blockedEmbeds().map((e) => e.element.id)));
    rt.on('embeds', (list) => heard.push(list.map((e) => e.element.id)));
    await rt.ready;
    await vi.waitFor(() => expect(document.getElementById('map')!.getAttribute('src')).toBeTruthy());
    expect(rt.get().status).toBe('decided');
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.flat()).toEqual([]);
  });

  it('reports embeds only once the config names their service, never while loading', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/praticiens');
    gated('<iframe id="map" data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1"></iframe>');
    const rt = start();
    const seen: Array<Array<string | undefined>> = [];
    rt.on('embeds', (list) => seen.push(list.map((e) => e.service?.id)));
    await rt.ready;
    await vi.waitFor(() => expect(seen).toEqual([['google-maps']]));
  });

  it('does not reload when reloadOnWithdraw is false', async () => {
    const { start } = await freshPage();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    const rt = start({ reloadOnWithdraw: false });
    await rt.ready;
    await rt.acceptAll();
    await rt.withdraw('marketing');
    expect(reload).not.toHaveBeenCalled();
    expect(rt.get().choices.marketing).toBe('denied');
  });
});

describe('signals', () => {
  it('Consent Mode: default pushed synchronously at start, then an update for every decision, before the gated tag', async () => {
    const { start, collector } = await freshPage();
    (window as W).dataLayer = [];
    gated(
      '<script type="text/plain" data-consent="analytics" id="ga" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
    );
    const lengthWhenTagRan: number[] = [];
    new MutationObserver(() => {
      if (liveIds().includes('ga') && !lengthWhenTagRan.length) lengthWhenTagRan.push((window as W).dataLayer!.length);
    }).observe(document.body, { childList: true, subtree: true });
    const rt = start({ config: collector.doc });
    const layer = (window as W).dataLayer!;
    expect(layer.map((a) => [...a].slice(0, 2))).toEqual([['consent', 'default']]);
    expect(layer[0][2]).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      functionality_storage: 'granted',
      security_storage: 'granted',
      wait_for_update: 500,
    });
    await rt.ready;
    await rt.decide({ analytics: 'granted' }, 'save');
    await rt.acceptAll();
    expect(layer.map((a) => [...a].slice(0, 2).join(' '))).toEqual([
      'consent default',
      'consent update',
      'consent update',
    ]);
    expect(layer[1][2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
    expect(layer[2][2]).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
    });
    await vi.waitFor(() => expect(lengthWhenTagRan).toEqual([2]));
  });

  it('Consent Mode for a returning visitor: default, then the stored decision, before any gated tag', async () => {
    const { start } = await freshPage();
    const first = start();
    await first.ready;
    await first.decide({ marketing: 'granted' }, 'save');
    first.destroy();
    (window as W).dataLayer = [];
    const rt = start();
    await rt.ready;
    const layer = (window as W).dataLayer!;
    expect(layer.map((a) => [...a].slice(0, 2).join(' '))).toEqual(['consent default', 'consent update']);
    expect(layer[1][2]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'denied' });
  });

  it('Consent Mode asked by the page (data-consent-mode): default pushed synchronously on a first visit, before any config', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/');
    const rt = start({ consentMode: true });
    expect(rt.get().document).toBeNull();
    const layer = (window as W).dataLayer!;
    expect(layer.map((a) => [...a].slice(0, 2).join(' '))).toEqual(['consent default']);
    expect(layer[0][2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 });
    await rt.ready;
    await rt.acceptAll();
    // The page asked for it: updates follow although this site's config does not say consentMode.
    expect(layer.map((a) => [...a].slice(0, 2).join(' '))).toEqual(['consent default', 'consent update']);
    expect(layer[1][2]).toMatchObject({ analytics_storage: 'granted' });
  });

  it('Consent Mode stays off when the config does not ask for it', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/');
    const rt = start();
    await rt.ready;
    await rt.acceptAll();
    expect((window as W).dataLayer).toBeUndefined();
  });

  it('GPC: records the first-visit gpc receipt, still asks, and accept-all leaves marketing denied', async () => {
    const { start } = await freshPage();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const rt = start();
      await rt.ready;
      expect(rt.get()).toMatchObject({
        gpc: true,
        status: 'needs-decision',
        reason: 'first-visit',
        choices: { marketing: 'denied' },
      });
      const [gpc] = await rt.history();
      expect(gpc).toMatchObject({ method: 'gpc', choices: { analytics: 'denied', marketing: 'denied' } });
      await rt.acceptAll();
      expect(rt.get().choices).toEqual({ analytics: 'granted', marketing: 'denied' });
      rt.destroy();
      const again = start();
      await again.ready;
      expect((await settled(again)).map((i) => i.method)).toEqual(['gpc', 'accept-all']);
      // Only marketing's own switch can grant it.
      await again.decide({ marketing: 'granted' }, 'save');
      expect(again.get().choices.marketing).toBe('granted');
    } finally {
      delete (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('a decision in one tab reaches the other tabs at once; a withdrawal there is handled as one', async () => {
    const { start } = await freshPage();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    gated('<img id="px" data-consent="analytics" data-src="/px.gif" alt="">');
    const here = start({ reloadOnWithdraw: false });
    const other = start();
    await Promise.all([here.ready, other.ready]);
    const seen: ConsentSnapshot[] = [];
    other.on('change', (s) => seen.push(s));
    await here.acceptAll();
    await vi.waitFor(() =>
      expect(other.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted', marketing: 'granted' } }),
    );
    expect(seen.at(-1)?.decidedAt).toBe(here.get().decidedAt);
    document.cookie = '_ga=GA1.2.3; path=/';
    await here.withdraw('analytics');
    await vi.waitFor(() => expect(other.get().choices).toEqual({ analytics: 'denied', marketing: 'granted' }));
    // The other tab ran analytics: its cookies go and it reloads; the deciding tab was told not to.
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(document.cookie).not.toContain('_ga=');
    // Only the deciding tab made receipts.
    expect((await other.history()).map((i) => i.method)).toEqual(['accept-all', 'withdraw']);
  });

  it('a decision applies at once and is stored at once owing its receipt, then paid under the chain lock as it is signed', async () => {
    const { start } = await freshPage();
    const rt = start();
    await rt.ready;
    let release!: () => void;
    const held = withLock('consent-ledger:clickcare', () => new Promise<void>((r) => (release = r)));
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const done = rt.acceptAll();
    await vi.waitFor(() => expect(rt.get().status).toBe('decided'));
    await vi.waitFor(async () => expect((await storedDecision())?.owed?.method).toBe('accept-all'));
    const { owed, ...decision } = (await storedDecision())!;
    expect(decision.choices).toEqual(rt.get().choices);
    expect(await rt.history()).toEqual([]);
    release();
    await Promise.all([held, done]);
    expect((await storedDecision())?.owed).toBeUndefined();
    expect((await rt.history()).map((i) => [i.id, i.method, i.issuedAt])).toEqual([
      [owed!.id, 'accept-all', owed!.issuedAt],
    ]);
  });

  it('two tabs deciding at once: both end on the decision stored last, which is the last receipt of the chain', async () => {
    const { start } = await freshPage();
    vi.spyOn(location, 'reload').mockImplementation(() => {});
    const [a, b] = [start({ reloadOnWithdraw: false }), start({ reloadOnWithdraw: false })];
    await Promise.all([a.ready, b.ready]);
    let release!: () => void;
    const held = withLock('consent-ledger:clickcare', () => new Promise<void>((r) => (release = r)));
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const decided = [a.acceptAll(), b.rejectAll()];
    await vi.waitFor(() => expect([a.get().status, b.get().status]).toEqual(['decided', 'decided']));
    release();
    await Promise.all([held, ...decided]);
    const chain = await a.history();
    expect(chain.map((i) => i.method)).toEqual(['accept-all', 'reject-all']);
    const stored = await storedDecision();
    await vi.waitFor(() => expect([a.get().choices, b.get().choices]).toEqual([stored?.choices, stored?.choices]));
    expect(stored?.choices).toEqual(chain.at(-1)!.choices);
  });

  it('show() and data-consent-open links ask the UI', async () => {
    const { start } = await freshPage();
    const rt = start();
    await rt.ready;
    const views: string[] = [];
    rt.on('show', ({ view }) => views.push(view));
    rt.show();
    gated(
      '<a href="#" data-consent-open="history" id="h">history</a><button data-consent-open><span id="inner">prefs</span></button>',
    );
    document.getElementById('h')!.click();
    document.getElementById('inner')!.click();
    expect(views).toEqual(['dialog', 'history', 'dialog']);
  });
});

describe('teardown', () => {
  it('a runtime destroyed while it stores a decision (a single-page app leaving the page) fails nothing', async () => {
    const { start } = await freshPage();
    const rt = start();
    await rt.ready;
    const decided = rt.acceptAll();
    rt.destroy();
    await expect(decided).resolves.toBeUndefined();
  });
});
