import type { Choice, Language, Method } from '@consent-ledger/protocol';
import { consentDefault, consentUpdate } from './core/consent-mode';
import { createEmitter } from './core/emitter';
import { GPC_PURPOSE, gpcActive } from './core/gpc';
import { logProblem } from './core/log';
import { askedOf, evaluate, isGranted, type StoredDecision } from './core/state';
import { createGate } from './gate/gate';
import { deviceKey } from './store/device';
import { keyOf, memoryKv, openKv } from './store/idb';
import { readMirror, sameDecision, writeMirror } from './store/mirror';
import { createOutbox, type Outbox } from './store/outbox';
import { appendReceipt, readReceipts, toHistoryItem } from './store/receipts';
import type { DeviceKey } from './store/sign';
import type { ConfigDocument, ConsentEvents, ConsentOptions, ConsentRuntime, ConsentSnapshot } from './types';

interface CachedConfig {
  doc: ConfigDocument;
  etag: string | null;
}

/** Starts the consent runtime of a page: stored decision first, then config, gating, receipts. */
export function createConsent(options: ConsentOptions): ConsentRuntime {
  const { site, collector } = options;
  const events = createEmitter<ConsentEvents>();
  // The other tabs of the site hear "changed" after each decision and re-read it from storage.
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consent-ledger:${site}`) : null;
  let kv = memoryKv();
  let outbox: Outbox | undefined;
  let device: DeviceKey | undefined;
  let decision: StoredDecision | undefined;
  let consentMode = false;
  let live = true;
  let snapshot: ConsentSnapshot = {
    status: 'loading',
    reason: null,
    choices: {},
    decidedAt: null,
    document: null,
    gpc: false,
    storage: 'indexeddb',
    subject: null,
  };
  const doc = () => snapshot.document!;

  const gate = createGate({
    root: options.root ?? document,
    allowed: (purpose) => isGranted(snapshot, purpose),
    services: () => snapshot.document?.notice.services ?? [],
    onEmbeds: (list) => events.emit('embeds', list),
  });

  // Consent Mode's default must precede every Google tag: pushed synchronously when the tag or an inline config asks for it.
  const startConsentMode = (wanted?: boolean) => {
    if (!wanted || consentMode) return;
    consentMode = true;
    consentDefault();
  };
  startConsentMode(options.consentMode || options.config?.config.consentMode);

  function publish(next: Partial<ConsentSnapshot>): void {
    snapshot = { ...snapshot, ...next };
    if (!live) return;
    events.emit('change', snapshot);
    dispatchEvent(new CustomEvent('consentledger:change', { detail: snapshot }));
    void gate.apply();
  }

  function applyDocument(doc: ConfigDocument): void {
    startConsentMode(doc.config.consentMode);
    const next = evaluate(doc, decision);
    if (consentMode && next.status === 'decided' && snapshot.status !== 'decided') consentUpdate(next.choices);
    publish({ ...next, document: doc, gpc: gpcActive(doc.config) });
  }

  async function revalidate(cached: CachedConfig | undefined): Promise<void> {
    // One tag: the collector matches it first, then the browser's own Accept-Language.
    const res = await fetch(
      `${collector}/v1/sites/${site}/config?lang=${encodeURIComponent(options.lang?.[0] ?? navigator.language)}`,
      {
        headers: cached?.etag ? { 'if-none-match': cached.etag } : {},
      },
    );
    if (res.status === 304) return;
    if (!res.ok) throw res.status;
    const fresh = (await res.json()) as ConfigDocument;
    await kv.set(keyOf.config(site), { doc: fresh, etag: res.headers.get('etag') } satisfies CachedConfig);
    applyDocument(fresh);
  }

  async function ensureDevice(): Promise<DeviceKey> {
    device ??= await deviceKey(kv);
    snapshot = { ...snapshot, subject: device.subject };
    return device;
  }

  // Stores a decision (IndexedDB, then its mirror) and tells the other tabs to re-read it. Another
  // tab's decision may have been enforced here while this one waited for the lock: this one, stored
  // last, is then put back in force.
  const save = (next: StoredDecision) =>
    kv.set(keyOf.decision(site), next).then(
      () => {
        if (kv.mode === 'indexeddb') writeMirror(site, next);
        tabs?.postMessage('changed');
        if (decision !== next) return enforce(next);
      },
      (error) => logProblem('store', error),
    );

  // Makes the receipt of `choices`; with `decision`, stores it under the chain's lock first, so that
  // of two tabs deciding at once, the decision stored last is the one whose receipt comes last.
  async function record(method: Method, choices: Record<string, Choice>, decision?: StoredDecision): Promise<void> {
    const { config, language, textHash } = doc();
    let unsaved = decision;
    try {
      const input = {
        site,
        method,
        choices,
        revision: config.revision,
        language: language as Language,
        textHash,
        page: location.origin + location.pathname,
      };
      const receipt = await appendReceipt(
        kv,
        site,
        await ensureDevice(),
        input,
        unsaved && (() => save(unsaved!).then(() => (unsaved = undefined))),
      );
      events.emit('decision', toHistoryItem(receipt));
      flush();
    } catch (error) {
      // Storage or crypto failing must not break the page: the choice already applies, and is kept.
      logProblem('receipt', error);
      if (unsaved) await save(unsaved);
    }
  }

  const flush = () => void outbox?.flush();

  // Puts a decision in force, made here (with its receipt), in another tab, or found in IndexedDB unlike
  // its mirror (undefined: none). A purpose turned off is a withdrawal whatever the method: its cookies
  // go, its embeds stop, and the page reloads if it was running.
  async function enforce(next: StoredDecision | undefined, method?: Method): Promise<void> {
    const before = snapshot;
    const revoked = Object.keys(decision?.choices ?? {}).filter(
      (p) => decision!.choices[p] === 'granted' && next?.choices[p] !== 'granted',
    );
    decision = next;
    if (consentMode) consentUpdate(next?.choices ?? {});
    publish(evaluate(doc(), next));
    if (revoked.length) gate.revoke(revoked);
    if (method) await record(method, next!.choices, next);
    if (options.reloadOnWithdraw === false || !revoked.some((p) => isGranted(before, p))) return;
    // A started script cannot be unloaded: reload once the receipt had its chance to be sent.
    await Promise.race([outbox?.flush(), new Promise((r) => setTimeout(r, 1500))]);
    location.reload();
  }

  // A config known at once (inline, or embedded by the per-site script) and the mirrored decision put
  // the page in its state before createConsent returns: the banner can be in the first painted frame,
  // and a returning visitor's granted scripts start without waiting for IndexedDB or the network.
  const mirrored = readMirror(site);
  if (options.config && mirrored !== null) {
    decision = mirrored;
    applyDocument(options.config);
  }

  async function start(): Promise<void> {
    const opened = await openKv([keyOf.decision(site), keyOf.config(site), keyOf.device(), keyOf.gpc(site)]);
    kv = opened.kv;
    if (!live) return;
    const [stored, cached, storedDevice, gpcRecorded] = opened.values as [
      StoredDecision?,
      CachedConfig?,
      DeviceKey?,
      boolean?,
    ];
    device = storedDevice;
    snapshot = { ...snapshot, storage: kv.mode, subject: device?.subject ?? null };
    outbox = createOutbox({
      kv,
      site,
      collector,
      device: ensureDevice,
      onAck: (r) => events.emit('ack', toHistoryItem(r)),
    });
    // IndexedDB is the record (without it, nothing outlives the page view, the mirror included).
    if (!sameDecision(stored, mirrored)) writeMirror(site, stored);
    const known = options.config ?? cached?.doc;
    if (snapshot.document) {
      if (!sameDecision(stored, decision)) await enforce(stored);
    } else {
      decision = stored;
      if (known) applyDocument(known);
    }
    if (!options.config) {
      // A returning visitor never waits for the network: the cached config is revalidated behind.
      const fresh = revalidate(cached).catch((error) => known || logProblem('config', error));
      if (!known) await fresh;
    } else if (options.configEtag) {
      // Embedded by the per-site script, which the HTTP cache may hold a while: revalidated behind too.
      revalidate({ doc: options.config, etag: options.configEtag }).catch((error) => logProblem('config', error));
    }
    if (snapshot.gpc && snapshot.reason === 'first-visit' && !gpcRecorded) {
      await record('gpc', snapshot.choices);
      await kv.set(keyOf.gpc(site), true);
    }
    if (!live) return;
    addEventListener('online', flush);
    document.addEventListener('visibilitychange', flush);
    tabs?.addEventListener('message', async () => {
      const [changed] = await kv.getMany<[StoredDecision?]>([keyOf.decision(site)]);
      if (changed && live && snapshot.document) await enforce(changed);
    });
    flush();
  }

  const ready = start().catch((error) => logProblem('start', error));

  // Every asked purpose, granted where `granted(id)`: a whole set of choices, never a partial one.
  async function choose(granted: (id: string) => boolean): Promise<Record<string, Choice>> {
    await ready;
    if (!snapshot.document) throw new Error('consent-ledger: no config');
    return Object.fromEntries(askedOf(doc()).map((id) => [id, granted(id) ? 'granted' : 'denied']));
  }

  // Applies a decision at once, then stores it (reaching the other tabs) with its receipt.
  async function commit(method: Method, granted: (id: string) => boolean): Promise<void> {
    await enforce(
      { choices: await choose(granted), decidedAt: new Date().toISOString(), revision: doc().config.revision },
      method,
    );
  }

  // Pre-filled choices awaiting a decision grant nothing.
  const running = (id: string) => isGranted(snapshot, id);

  function onOpenClick(event: Event): void {
    const link = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!link) return;
    event.preventDefault();
    runtime.show(link.getAttribute('data-consent-open') === 'history' ? 'history' : 'dialog');
  }
  document.addEventListener('click', onOpenClick);

  const runtime: ConsentRuntime = {
    ready,
    get: () => snapshot,
    on: events.on,
    whenGranted: (purpose) =>
      new Promise((resolve) => {
        if (isGranted(snapshot, purpose)) return resolve();
        const off = events.on('change', (s) => {
          if (!isGranted(s, purpose)) return;
          off();
          resolve();
        });
      }),
    decide: (choices, method) => commit(method, (id) => (choices[id] ?? snapshot.choices[id]) === 'granted'),
    // Under GPC only marketing's own switch can grant it.
    acceptAll: () => commit('accept-all', (id) => !snapshot.gpc || id !== GPC_PURPOSE),
    rejectAll: () => commit('reject-all', () => false),
    withdraw: (purpose) => commit('withdraw', (id) => !!purpose && id !== purpose && running(id)),
    async loadEmbedOnce(element) {
      const choices = await choose(running);
      gate.loadOnce(element);
      await record('embed', choices);
    },
    blockedEmbeds: () => gate.blocked(),
    show: (view = 'dialog') => events.emit('show', { view }),
    async history() {
      await ready;
      return (await readReceipts(kv, site)).map(toHistoryItem);
    },
    async exportProof() {
      await ready;
      const { subject } = await ensureDevice();
      const keys = (await outbox?.keys().catch(() => null)) ?? { keys: [] };
      const proofOf = (id: string) =>
        fetch(`${collector}/v1/sites/${site}/log/proof/${id}`).then(
          (res) => (res.status === 200 ? res.json() : null),
          () => null,
        );
      const list = (await readReceipts(kv, site)).filter((r) => r.status !== 'refused');
      const receipts = await Promise.all(
        list.map(async (r) => ({ jws: r.jws, ack: r.ack?.jws ?? null, proof: r.ack ? await proofOf(r.id) : null })),
      );
      return { v: 1, site, subject, collector, exportedAt: new Date().toISOString(), keys, receipts };
    },
    destroy() {
      live = false;
      gate.stop();
      outbox?.stop();
      tabs?.close();
      removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', flush);
      document.removeEventListener('click', onOpenClick);
    },
  };
  return runtime;
}
