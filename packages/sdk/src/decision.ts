// The decision part of the runtime: the decision stored on the device, the snapshot the page sees,
// the gate that follows it, and the one path by which a decision is put in force and recorded.
import { type Choice, type Language, type Method, uuidv7 } from '@consent-ledger/protocol';
import { consentDefault, consentUpdate } from './core/consent-mode';
import type { Emitter } from './core/emitter';
import { gpcActive } from './core/gpc';
import { logProblem } from './core/log';
import { evaluate, isGranted, type OwedReceipt, type StoredDecision } from './core/state';
import { createGate, type Gate } from './gate/gate';
import { loadSync } from './load-sync';
import { syncConsentCookie } from './store/consent-cookie';
import { type Kv, keyOf, memoryKv } from './store/idb';
import { sameDecision, writeMirror } from './store/mirror';
import type { Outbox } from './store/outbox';
import { readReceipts, toHistoryItem } from './store/receipts';
import type { DeviceKey } from './store/sign';
import type { ConfigDocument, ConsentEvents, ConsentOptions, ConsentSnapshot } from './types';

/** Where the page's consent is kept: in memory until IndexedDB opens, with the device key from then on. */
export interface Store {
  kv: Kv;
  device?: DeviceKey;
}

/** The consent in force on one page, and the only ways to change it. */
export interface Decisions {
  readonly gate: Gate;
  readonly store: Store;
  /** The snapshot in force. */
  get(): ConsentSnapshot;
  /** Merges `next` into the snapshot and tells the page (events, DOM event, gate). */
  publish(next: Partial<ConsentSnapshot>): void;
  /** Puts a config document in force with the stored decision. */
  applyDocument(doc: ConfigDocument): void;
  /**
   * Adopts the decision read from storage (undefined: none): with `doc` when no document is in force
   * yet; otherwise it is the record and wins over the mirrored copy in force, which it replaces.
   */
  adopt(stored: StoredDecision | undefined, doc?: ConfigDocument): Promise<void>;
  /**
   * Puts a decision in force: made here (`method`: stored and receipted), made in another tab, or
   * read from storage. A purpose turned off is a withdrawal whatever the method: its cookies go, its
   * embeds stop, and the page reloads if it was running.
   */
  enforce(next: StoredDecision | undefined, method?: Method): Promise<void>;
  /** Makes the receipt of `choices` without changing the decision (GPC, an embed loaded once). */
  record(method: Method, choices: Record<string, Choice>): Promise<void>;
  /** Forgets the decision (the visitor's data was erased): the visitor is asked again, as on a first visit. */
  forget(): Promise<void>;
  /** Signs the receipt the decision in force still owes, if any (its page was left, or could not sign it). */
  settle(): Promise<void>;
  /** The device key, made on first need; the snapshot names its subject from then on. */
  device(): Promise<DeviceKey>;
  /** The outbox, loaded on first need (a first visit draws its banner without it). */
  outbox(): Promise<Outbox>;
  /** Sends the pending receipts, if any (loading the outbox only then); resolves once they went out or will be retried. */
  send(): Promise<void>;
  /** `send()` without waiting. */
  flush(): void;
  /** Stops sending. */
  stopSending(): void;
}

/** What the decision part shares with the rest of the runtime. */
export interface DecisionContext {
  events: Emitter<ConsentEvents>;
  /** The site's other tabs: they hear "changed" after each decision stored here. */
  tabs: BroadcastChannel | null;
  /** Aborted when the runtime is destroyed: from then on the page is told nothing. */
  signal: AbortSignal;
}

/** Creates the consent state of a page. */
export function createDecisions(options: ConsentOptions, { events, tabs, signal }: DecisionContext): Decisions {
  const { site, preview } = options;
  const store: Store = { kv: memoryKv() };
  let stored: StoredDecision | undefined;
  let consentModeOn = false;
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

  const gate = createGate({
    root: options.root ?? document,
    allowed: (purpose) => isGranted(snapshot, purpose),
    services: () => snapshot.document?.notice.services ?? [],
    onEmbeds: (list) => events.emit('embeds', list),
  });

  // Consent Mode's default must precede every Google tag: pushed synchronously when the tag or an inline config asks for it.
  function startConsentMode(wanted?: boolean): void {
    if (!wanted || consentModeOn) return;
    consentModeOn = true;
    consentDefault();
  }
  startConsentMode(options.consentMode || options.config?.config.consentMode);

  function publish(next: Partial<ConsentSnapshot>): void {
    snapshot = { ...snapshot, ...next };
    if (signal.aborted) return;
    events.emit('change', snapshot);
    dispatchEvent(new CustomEvent('consentledger:change', { detail: snapshot }));
    // Without a notice the gate knows no service: nothing is loaded or reported before one.
    if (snapshot.document) void gate.apply();
  }

  // The cl_consent cookie follows the decision in force (a preview's decision is no visitor's).
  const syncCookie = (method?: Method) => preview || syncConsentCookie(snapshot, method, options.cookieDomain);

  function applyDocument(doc: ConfigDocument): void {
    startConsentMode(doc.config.consentMode);
    const next = evaluate(doc, stored);
    if (consentModeOn && next.status === 'decided' && snapshot.status !== 'decided') consentUpdate(next.choices);
    publish({ ...next, document: doc, gpc: gpcActive(doc.config) });
    syncCookie();
  }

  async function device(): Promise<DeviceKey> {
    store.device ??= await (await loadSync()).deviceKey(store.kv);
    // Told to the page (the history view names it) the first time this page view knows it.
    if (snapshot.subject !== store.device.subject) publish({ subject: store.device.subject });
    return store.device;
  }

  let outbox: Promise<Outbox> | undefined;
  function openOutbox(): Promise<Outbox> {
    outbox ??= loadSync().then(
      ({ createOutbox }) =>
        createOutbox({
          kv: store.kv,
          site,
          collector: options.collector,
          onAck: (r) => events.emit('ack', toHistoryItem(r)),
        }),
      (error) => {
        // Tried again at the next send (back online, the next decision, the next page).
        outbox = undefined;
        throw error;
      },
    );
    return outbox;
  }

  async function send(): Promise<void> {
    if (!(await readReceipts(store.kv, site)).some((r) => r.status === 'pending')) return;
    const box = await openOutbox();
    // A runtime destroyed while its outbox loaded sends nothing.
    if (!signal.aborted) await box.flush();
  }
  const flush = () => void send().catch((error) => logProblem('sync', error));

  // Stores a decision (IndexedDB, then its mirror), written as `written` (the decision with or without
  // its receipt owed), and tells the other tabs to re-read it. Another tab's decision may have been
  // enforced here while this one waited for the lock: this one, stored last, is then put back in force.
  async function save(decision: StoredDecision, written: StoredDecision = decision): Promise<void> {
    try {
      await store.kv.set(keyOf.decision(site), written);
    } catch (error) {
      logProblem('store', error);
      return;
    }
    if (store.kv.mode === 'indexeddb') writeMirror(site, written);
    // A runtime destroyed meanwhile (a single-page app's provider unmounted) has closed its channel.
    if (!signal.aborted) tabs?.postMessage('changed');
    if (stored !== decision) await enforce(decision);
  }

  // Signs an owed receipt into the chain (the signing code comes with the sync chunk). With `decision`,
  // stores it, its debt paid, under the chain's lock just before signing, so that of two tabs deciding
  // at once the decision stored last is the one whose receipt comes last.
  async function sign(owed: OwedReceipt, decision?: StoredDecision): Promise<void> {
    try {
      const { appendReceipt } = await loadSync();
      const paid = decision && (() => save(decision, { ...decision, owed: undefined }));
      const record = await appendReceipt(store.kv, site, await device(), owed, paid);
      events.emit('decision', toHistoryItem(record));
      flush();
    } catch (error) {
      // Storage, WebCrypto or the sync chunk failing must not break the page: the choice applies, and
      // stays stored with its receipt owed, signed on a later page.
      logProblem('receipt', error);
    }
  }

  // Makes the receipt of `choices`. A decision is first stored at once with its receipt owed
  // (write-ahead), so that a page left, or a collector down, before the signing code arrived loses
  // neither the choice nor its receipt.
  async function receipt(method: Method, choices: Record<string, Choice>, decision?: StoredDecision): Promise<void> {
    // A preview makes no receipt: its decision is only kept, in memory.
    if (preview) return decision && save(decision);
    const { config, language, textHash } = snapshot.document!;
    const owed: OwedReceipt = {
      site,
      method,
      choices,
      revision: config.revision,
      language: language as Language,
      textHash,
      page: location.origin + location.pathname,
      // Its id (the log's idempotency key) is given now, so that whoever signs it, here or on a later page, signs it once.
      id: uuidv7(),
      issuedAt: new Date().toISOString(),
    };
    if (decision) await save(decision, { ...decision, owed });
    await sign(owed, decision);
  }

  async function enforce(next: StoredDecision | undefined, method?: Method): Promise<void> {
    const before = snapshot;
    const previous = stored?.choices ?? {};
    const revoked = Object.keys(previous).filter((p) => previous[p] === 'granted' && next?.choices[p] !== 'granted');
    stored = next;
    if (consentModeOn) consentUpdate(next?.choices ?? {});
    publish(evaluate(snapshot.document!, next));
    syncCookie(method);
    // A preview clears none of the page's cookies (in its opaque-origin frame, even reading them throws).
    if (revoked.length && !preview) gate.revoke(revoked);
    if (method && next) await receipt(method, next.choices, next);
    if (options.reloadOnWithdraw === false || preview || !revoked.some((p) => isGranted(before, p))) return;
    // A started script cannot be unloaded: reload once the receipt had its chance to be sent.
    await Promise.race([send().catch(() => undefined), new Promise((r) => setTimeout(r, 1500))]);
    location.reload();
  }

  async function forget(): Promise<void> {
    // The GPC note goes too: the next first visit records its gpc receipt again.
    await Promise.all([store.kv.set(keyOf.decision(site), undefined), store.kv.set(keyOf.gpc(site), undefined)]);
    writeMirror(site, undefined);
    tabs?.postMessage('changed');
    await enforce(undefined);
  }

  async function adopt(decision: StoredDecision | undefined, doc?: ConfigDocument): Promise<void> {
    if (snapshot.document) {
      if (!sameDecision(decision, stored)) await enforce(decision);
      return;
    }
    stored = decision;
    if (doc) applyDocument(doc);
  }

  return {
    gate,
    store,
    get: () => snapshot,
    publish,
    applyDocument,
    adopt,
    enforce,
    record: receipt,
    forget,
    settle: async () => {
      if (stored?.owed) await sign(stored.owed, stored);
    },
    device,
    outbox: openOutbox,
    send,
    flush,
    stopSending: () => void outbox?.then((o) => o.stop()),
  };
}
