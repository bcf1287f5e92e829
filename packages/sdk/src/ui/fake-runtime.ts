// A test double of ConsentRuntime for the UI's component tests: in memory, synchronous state,
// every call recorded, events fired like the real runtime's, so the UI is tested without IndexedDB,
// WebCrypto or a collector. Texts are their own keys (placeholders kept) so tests find them by key.
import {
  type Choice,
  type Method,
  type Notice,
  type SiteConfig,
  TEXT_KEYS,
  type TextKey,
} from '@consent-ledger/protocol';
import type {
  BlockedEmbed,
  ConfigDocument,
  ConsentEvents,
  ConsentRuntime,
  ConsentSnapshot,
  HistoryItem,
  ProofDocument,
} from '../types';

const PLACEHOLDERS: Partial<Record<TextKey, string>> = {
  'banner.text': 'banner.text {site}',
  'service.transferOutside': 'service.transferOutside {country}',
  'placeholder.text': 'placeholder.text {provider} {service} {purpose}',
  'placeholder.alwaysAllow': 'placeholder.alwaysAllow {purpose}',
  'withdraw.confirm': 'withdraw.confirm {purpose}',
};

/** A config document like the collector's, for a site asking analytics, marketing, maps and audiovideo. */
export function testDocument(overrides: Partial<SiteConfig> = {}, language = 'en'): ConfigDocument {
  const config: SiteConfig = {
    site: 'demo',
    name: 'Cabinet Demo',
    origins: ['http://localhost:8080'],
    revision: 1,
    policyUrl: 'https://example.org/privacy',
    languages: ['en', 'fr'],
    expiresAfterDays: 182,
    purposes: { analytics: {}, marketing: {}, maps: {}, audiovideo: {} },
    services: [
      {
        id: 'ga',
        name: 'Google Analytics',
        provider: 'Google',
        purpose: 'analytics',
        transfer: 'US',
        cookies: ['_ga', '_ga_*'],
        retention: '13 months',
        safeguard: 'Standard contractual clauses',
        privacyUrl: 'https://policies.google.com/privacy',
      },
      { id: 'stats', name: 'Stats', provider: 'Demo', purpose: 'analytics', transfer: 'FR', cookies: [] },
      {
        id: 'maps',
        name: 'Google Maps',
        provider: 'Google',
        purpose: 'maps',
        transfer: 'US',
        hosts: ['www.google.com'],
        cookies: ['NID'],
      },
    ],
    consentMode: true,
    honorGpc: true,
    retentionDays: 1825,
    ip: 'truncate',
    ...overrides,
  };
  const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, PLACEHOLDERS[key] ?? key])) as Record<TextKey, string>;
  const purposes = ['necessary', ...Object.keys(config.purposes)].map((id) => ({
    id,
    title: `title:${id}`,
    description: `description:${id}`,
  }));
  const services = config.services.map(({ retention, safeguard, cookies, ...s }) => ({
    ...s,
    cookies: cookies ?? [],
    ...(typeof retention === 'string' ? { retention } : {}),
    ...(typeof safeguard === 'string' ? { safeguard } : {}),
  }));
  const notice: Notice = {
    v: 1,
    site: config.site,
    revision: config.revision,
    language: language as Notice['language'],
    policyUrl: config.policyUrl,
    texts,
    purposes,
    services,
  };
  return { config, language, notice, textHash: 'test-hash' };
}

export interface FakeRuntime extends ConsentRuntime {
  /** Every call made by the UI, in order: `[name, ...args]`. */
  calls: unknown[][];
  /** Replaces the snapshot and fires `change`. */
  set(patch: Partial<ConsentSnapshot>): void;
  /** Replaces the blocked embeds and fires `embeds`. */
  setEmbeds(embeds: BlockedEmbed[]): void;
  /** Fires an event as the real runtime would. */
  emit<E extends keyof ConsentEvents>(event: E, value: ConsentEvents[E]): void;
  items: HistoryItem[];
  /** Makes the next erase() fail as a collector that cannot be reached. */
  failErase?: boolean;
}

/** A fake runtime whose decisions apply at once, in memory. */
export function fakeRuntime(
  doc: ConfigDocument | null = testDocument(),
  patch: Partial<ConsentSnapshot> = {},
): FakeRuntime {
  const asked = doc ? Object.keys(doc.config.purposes) : [];
  const denied = Object.fromEntries(asked.map((p) => [p, 'denied' as Choice]));
  let snap: ConsentSnapshot = {
    status: doc ? 'needs-decision' : 'loading',
    reason: doc ? 'first-visit' : null,
    choices: denied,
    decidedAt: null,
    document: doc,
    gpc: false,
    storage: 'indexeddb',
    subject: 'subject-1',
    ...patch,
  };
  let embeds: BlockedEmbed[] = [];
  const listeners = new Map<string, Set<(value: never) => void>>();
  const calls: unknown[][] = [];
  const items: HistoryItem[] = [];

  const emit = <E extends keyof ConsentEvents>(event: E, value: ConsentEvents[E]) => {
    for (const fn of listeners.get(event) ?? []) (fn as (v: ConsentEvents[E]) => void)(value);
  };
  const set = (p: Partial<ConsentSnapshot>) => {
    snap = { ...snap, ...p };
    emit('change', snap);
  };
  const record = async (choices: Record<string, Choice>, method: Method) => {
    const next = { ...snap.choices, ...choices };
    const item: HistoryItem = {
      id: `r${items.length}`,
      issuedAt: new Date(Date.UTC(2026, 10, 22, 10, items.length)).toISOString(),
      method,
      choices: next,
      status: 'pending',
      jws: 'jws',
      ack: null,
      error: null,
    };
    items.push(item);
    // As the real runtime: the snapshot changes first, then the receipt is announced.
    set({ status: 'decided', reason: null, choices: next, decidedAt: item.issuedAt });
    emit('decision', item);
    const still = embeds.filter((e) => next[e.purpose] !== 'granted');
    if (still.length !== embeds.length) rt.setEmbeds(still);
  };

  const rt: FakeRuntime = {
    calls,
    items,
    set,
    emit,
    setEmbeds(next) {
      embeds = next;
      emit('embeds', embeds);
    },
    ready: Promise.resolve(),
    get: () => snap,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (value: never) => void);
      return () => set.delete(listener as (value: never) => void);
    },
    whenGranted: async () => {},
    ask(purpose, { reason } = {}) {
      calls.push(['ask', purpose, reason]);
      if (snap.status === 'decided' && snap.choices[purpose] === 'granted') return Promise.resolve(true);
      return new Promise((resolve, reject) =>
        emit('ask', {
          purpose: snap.document!.notice.purposes.find((p) => p.id === purpose)!,
          services: snap.document!.notice.services.filter((s) => s.purpose === purpose),
          reason,
          async answer(granted) {
            await record(granted ? { [purpose]: 'granted' } : {}, 'in-context');
            resolve(granted);
          },
          fail: reject,
        }),
      );
    },
    async decide(choices, method) {
      calls.push(['decide', choices, method]);
      await record(choices, method);
    },
    async acceptAll() {
      calls.push(['acceptAll']);
      await record(
        Object.fromEntries(asked.map((p) => [p, (snap.gpc && p === 'marketing' ? 'denied' : 'granted') as Choice])),
        'accept-all',
      );
    },
    async rejectAll() {
      calls.push(['rejectAll']);
      await record(denied, 'reject-all');
    },
    async withdraw(purpose) {
      calls.push(['withdraw', purpose]);
      await record(purpose ? { [purpose]: 'denied' } : denied, 'withdraw');
    },
    async loadEmbedOnce(element) {
      calls.push(['loadEmbedOnce', element]);
      rt.setEmbeds(embeds.filter((e) => e.element !== element));
    },
    blockedEmbeds: () => embeds,
    show(view = 'dialog') {
      calls.push(['show', view]);
      emit('show', { view });
    },
    history: async () => items.slice(),
    async erase() {
      calls.push(['erase']);
      if (rt.failErase) throw Object.assign(new Error('down'), { code: 'network' });
      for (const item of items) if (item.status !== 'refused') item.status = 'erased';
      set({ status: 'needs-decision', reason: 'first-visit', choices: denied, decidedAt: null });
    },
    async exportProof(): Promise<ProofDocument> {
      calls.push(['exportProof']);
      return {
        v: 1,
        site: snap.document!.config.site,
        subject: snap.subject!,
        collector: 'http://localhost:8080',
        exportedAt: '2026-11-22T10:00:00.000Z',
        keys: { keys: [] },
        receipts: items.map((i) => ({ jws: i.jws, ack: null, proof: null })),
      };
    },
    destroy() {
      calls.push(['destroy']);
    },
  };
  return rt;
}
