// The API part of the runtime: how a page's consent starts (stored decision, config, outbox) and the
// ConsentRuntime a page, the banner or a test calls. The config part is in config.ts, the decision
// part (snapshot, gate, decisions and their receipts) in decision.ts.
import type { Method } from '@consent-ledger/protocol';
import type { Ask } from './ask';
import { type CachedConfig, followConfig } from './config';
import { createEmitter } from './core/emitter';
import { GPC_PURPOSE } from './core/gpc';
import { whenIdle } from './core/idle';
import { logProblem } from './core/log';
import { askedOf, isGranted, type StoredDecision } from './core/state';
import { createDecisions } from './decision';
import { loadSync } from './load-sync';
import { keyOf, memoryKv, openKv } from './store/idb';
import { readMirror, sameDecision, writeMirror } from './store/mirror';
import { readReceipts, toHistoryItem } from './store/receipts';
import type { DeviceKey } from './store/sign';
import type { ConsentEvents, ConsentOptions, ConsentRuntime } from './types';

/** Starts the consent runtime of a page: stored decision first, then config, gating, receipts. */
export function createConsent(options: ConsentOptions): ConsentRuntime {
  const { site, collector } = options;
  const events = createEmitter<ConsentEvents>();
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { preview } = options;
  const tabs =
    !preview && typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consent-ledger:${site}`) : null;
  const decisions = createDecisions(options, { events, tabs, signal });
  const { gate, store, flush, get } = decisions;

  // A config known at once (inline, or embedded by the per-site script) and the mirrored decision put
  // the page in its state before createConsent returns: the banner can be in the first painted frame,
  // and a returning visitor's granted scripts start without waiting for IndexedDB or the network.
  const mirrored = preview ? undefined : readMirror(site);
  if (options.config && mirrored !== null) void decisions.adopt(mirrored, options.config);

  async function start(): Promise<void> {
    // A preview's decision lasts for its page view: it never reads or writes the visitor's storage.
    const opened = preview
      ? { kv: memoryKv(), values: [] }
      : await openKv([keyOf.decision(site), keyOf.config(site), keyOf.device(), keyOf.gpc(site)]);
    if (signal.aborted) return;
    const [stored, cached, device, gpcRecorded] = opened.values as [
      StoredDecision?,
      CachedConfig?,
      DeviceKey?,
      boolean?,
    ];
    const { kv } = opened;
    Object.assign(store, { kv, device });
    decisions.publish({ storage: kv.mode, subject: device?.subject ?? null });
    // IndexedDB is the record (without it, nothing outlives the page view, the mirror included).
    if (!sameDecision(stored, mirrored)) writeMirror(site, stored);
    await decisions.adopt(stored, options.config ?? cached?.doc);
    void decisions.settle();
    await followConfig(options, kv, cached, decisions.applyDocument);
    const { gpc, reason } = get();
    if (gpc && reason === 'first-visit' && !gpcRecorded) {
      await decisions.record('gpc', get().choices);
      await kv.set(keyOf.gpc(site), true);
    }
    if (signal.aborted) return;
    addEventListener('online', flush, { signal });
    document.addEventListener('visibilitychange', flush, { signal });
    tabs?.addEventListener(
      'message',
      async () => {
        // None any more: erased in that tab.
        const [changed] = await kv.getMany<[StoredDecision?]>([keyOf.decision(site)]);
        if (!signal.aborted && get().document) await decisions.enforce(changed);
      },
      { signal },
    );
    flush();
    // The outbox and its kin come when the browser is idle, so the first choice's receipt goes out at once.
    if (!preview) whenIdle(() => void loadSync().catch(() => undefined));
  }

  const ready = start().catch((error) => logProblem('start', error));

  // Every asked purpose, granted where `granted(id)`: a whole set of choices, never a partial one. A
  // runtime without any config, once ready, cannot decide.
  async function choose(granted: (id: string) => boolean): Promise<StoredDecision> {
    await ready;
    const doc = get().document;
    if (!doc) throw new Error('consent-ledger: no config');
    const choices = Object.fromEntries(askedOf(doc).map((id) => [id, granted(id) ? 'granted' : 'denied'] as const));
    return { choices, decidedAt: new Date().toISOString(), revision: doc.config.revision };
  }

  // Applies a decision at once, then stores it (reaching the other tabs) with its receipt.
  const commit = async (method: Method, granted: (id: string) => boolean) =>
    decisions.enforce(await choose(granted), method);

  // Pre-filled choices awaiting a decision grant nothing.
  const running = (id: string) => isGranted(get(), id);

  // ask()'s code comes with the sync chunk, made once: its "Not now" memory lasts the page view.
  let ask: Ask | undefined;
  // Allow grants that purpose, the others as they run; "Not now" changes nothing but is recorded too.
  const answer = async (purpose: string, granted: boolean) =>
    granted
      ? commit('in-context', (id) => id === purpose || running(id))
      : decisions.record('in-context', (await choose(running)).choices);

  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('[data-consent-open]');
      if (!link) return;
      event.preventDefault();
      runtime.show(link.getAttribute('data-consent-open') === 'history' ? 'history' : 'dialog');
    },
    { signal },
  );

  const runtime: ConsentRuntime = {
    ready,
    get,
    on: events.on,
    whenGranted: (purpose) =>
      new Promise((resolve) => {
        if (running(purpose)) return resolve();
        const off = events.on('change', (s) => {
          if (!isGranted(s, purpose)) return;
          off();
          resolve();
        });
      }),
    decide: (choices, method) => commit(method, (id) => (choices[id] ?? get().choices[id]) === 'granted'),
    async ask(purpose, options) {
      await ready;
      const { createAsk } = await loadSync();
      ask ??= createAsk(get, events, answer);
      return ask(purpose, options);
    },
    // Under GPC only marketing's own switch can grant it.
    acceptAll: () => commit('accept-all', (id) => !get().gpc || id !== GPC_PURPOSE),
    rejectAll: () => commit('reject-all', () => false),
    withdraw: (purpose) => commit('withdraw', (id) => !!purpose && id !== purpose && running(id)),
    async loadEmbedOnce(element) {
      const { choices } = await choose(running);
      if (element) gate.loadOnce(element);
      await decisions.record('embed-once', choices);
    },
    blockedEmbeds: () => gate.blocked(),
    show: (view = 'dialog') => events.emit('show', { view }),
    async history() {
      await ready;
      return (await readReceipts(store.kv, site)).map(toHistoryItem);
    },
    async erase() {
      await ready;
      if (!preview) {
        const [{ eraseReceipts }, device] = await Promise.all([loadSync(), decisions.device()]);
        await eraseReceipts({ kv: store.kv, site, collector, device });
      }
      await decisions.forget();
    },
    async exportProof() {
      await ready;
      const [{ proofDocument }, device, outbox] = await Promise.all([
        loadSync(),
        decisions.device(),
        decisions.outbox(),
      ]);
      const keys = await outbox.keys().catch(() => ({ keys: [] }));
      return proofDocument({ kv: store.kv, site, collector, device, keys });
    },
    destroy() {
      lifetime.abort();
      gate.stop();
      decisions.stopSending();
      tabs?.close();
    },
  };
  return runtime;
}
