// The runtime's public contract, shared by the headless runtime (src/core, src/store, src/gate)
// and the banner UI (src/ui). Everything a page, the banner or a test can call.
import type { AckPayload, Choice, ConfigAnswer, Method, Notice, ProofDocument } from '@consent-ledger/protocol';

/** The file "Download my proof" gives the visitor: everything needed to check it offline. */
export type { ProofDocument };

/** What `GET /v1/sites/:site/config` answers (protocol's `ConfigAnswer`); a page may also inline exactly this document. */
export type ConfigDocument = ConfigAnswer;

/** Why the visitor is asked (again). */
export type AskReason = 'first-visit' | 'revision' | 'expired';

/** The visitor's consent as it stands now. */
export interface ConsentSnapshot {
  /** `loading` until the stored decision or the config is read; then `needs-decision` or `decided`. */
  status: 'loading' | 'needs-decision' | 'decided';
  /** Why a decision is needed (only with `needs-decision`). */
  reason: AskReason | null;
  /**
   * Every asked purpose with its state: the last decision, or pre-filled defaults (all denied) before one.
   * While `needs-decision` these only pre-fill the dialog: nothing but `necessary` runs until a decision.
   */
  choices: Record<string, Choice>;
  /** When the choices in force were decided (device clock, ISO 8601), null before any decision. */
  decidedAt: string | null;
  /** The config and notice in force (null only while loading without any cached config). */
  document: ConfigDocument | null;
  /** True when the browser sends Global Privacy Control and the site honours it. */
  gpc: boolean;
  /** `memory` when IndexedDB is unavailable: the choice lasts for this page view only. */
  storage: 'indexeddb' | 'memory';
  /** The visitor's pseudonymous id (JWK thumbprint of the device key), once the key exists. */
  subject: string | null;
}

/** An embed kept inert until its purpose is granted; the UI draws a placeholder in its box. */
export interface BlockedEmbed {
  element: HTMLElement;
  purpose: string;
  /** The first service of that purpose whose `hosts` match the embed's URL, if any. */
  service: Notice['services'][number] | null;
}

/** A URL automatic blocking holds back (autoblock.js) until its purposes are granted. */
export interface BlockedResource {
  url: string;
  /** Lower-case tag name: script, iframe, img, link, video, audio, source. */
  tag: string;
  /** Every purpose it waits for (a host matched by services of several purposes waits for each). */
  purposes: string[];
  element: Element;
}
/** One receipt the visitor made, and what became of it. */
export interface HistoryItem {
  id: string;
  issuedAt: string;
  method: Method;
  choices: Record<string, Choice>;
  /** `erased`: redacted in the log at the visitor's request (its hash kept), never sent again. */
  status: 'acknowledged' | 'pending' | 'refused' | 'erased';
  jws: string;
  ack: { jws: string; payload: AckPayload } | null;
  error: { code: string; message: string } | null;
}

/** What `ask()` accepts. */
export interface AskOptions {
  /** Why the page asks now, in the page's language ("To start your video consultation"): shown above the question. */
  reason?: string;
}

/** A question `ask()` puts to the visitor (event `ask`): the UI draws it, or a headless page does. */
export interface AskRequest {
  /** The purpose asked, as the notice names it. */
  purpose: Notice['purposes'][number];
  /** The services of that purpose. */
  services: Notice['services'];
  reason?: string;
  /** The visitor's answer: recorded (method `in-context`), put in force, and `ask()` resolves with it. Only the first counts. */
  answer(granted: boolean): Promise<void>;
  /** The question cannot be drawn (its code did not load): `ask()` rejects with `error`, nothing is recorded. */
  fail(error: unknown): void;
}

export interface ConsentEvents {
  /** The snapshot changed (decision, withdrawal, config revalidated). */
  change: ConsentSnapshot;
  /** A receipt was made (before it is sent). */
  decision: HistoryItem;
  /** The collector acknowledged a receipt. */
  ack: HistoryItem;
  /** The UI should open the preferences dialog (`show()` or a `data-consent-open` link). */
  show: { view: 'dialog' | 'history' };
  /** The set of blocked embeds changed. */
  embeds: BlockedEmbed[];
  /** `ask()` needs the visitor's answer: draw the question and call `answer` (the script tag's UI does). */
  ask: AskRequest;
}

export interface ConsentOptions {
  site: string;
  /** The collector's origin, e.g. `https://consent.example.org`. */
  collector: string;
  /**
   * A config document known at once: applied before createConsent returns (with the decision mirrored
   * in localStorage), so the banner or the granted scripts need no storage or network wait. Inline by
   * the page, it is used as is; with `configEtag` (the per-site script embeds both), it is revalidated
   * in the background like a cached config.
   */
  config?: ConfigDocument;
  /** The collector's ETag of `config`. */
  configEtag?: string;
  /** Preferred languages, most preferred first (the collector picks among the site's). */
  lang?: string[];
  /**
   * Push Google Consent Mode's `consent default` (all denied) synchronously at start, even before any
   * config is known (a first visit): what `data-consent-mode` on the script tag sets. Without it, the
   * default waits for a config saying `consentMode` (inline, cached or fetched).
   */
  consentMode?: boolean;
  /** Reload the page after a withdrawal so no started script of that purpose keeps running (default true). */
  reloadOnWithdraw?: boolean;
  /**
   * The domain of the `cl_consent` cookie, to share it with subdomains (`example.org` for
   * `www.example.org` and `shop.example.org`); default: this host only. `data-cookie-domain` on the tag.
   */
  cookieDomain?: string;
  /** Root element to gate (default `document`). */
  root?: ParentNode;
  /**
   * Preview mode (the console's live preview; `data-preview` on the tag), given the `config` inline (so
   * it is never fetched): the banner and dialog work as for a visitor, but the decision lives in memory
   * for this page view and nothing else is touched: no IndexedDB, localStorage, cookie (its own or a
   * withdrawn purpose's) or other tab, no receipt made or sent, no erasure asked of the collector, no
   * reload after a withdrawal.
   */
  preview?: boolean;
}

/** The consent runtime of one page (`window.ConsentLedger` for the script tag). */
export interface ConsentRuntime {
  /** Resolves once the stored decision (or the first config) is applied. */
  readonly ready: Promise<void>;
  /** The current snapshot. */
  get(): ConsentSnapshot;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof ConsentEvents>(event: E, listener: (value: ConsentEvents[E]) => void): () => void;
  /** Resolves when the purpose is (or becomes) granted. */
  whenGranted(purpose: string): Promise<void>;
  /** Records a decision for the asked purposes (missing ones stay as they are, or denied). */
  decide(choices: Record<string, Choice>, method: Method): Promise<void>;
  /**
   * Asks for one purpose at the moment the page needs it: true at once when it is granted, false at once
   * after a "Not now" on this page view; otherwise the visitor answers a small prompt (the UI's, or the
   * page's own through the `ask` event), recorded as a receipt with method `in-context`, and the promise
   * resolves with the answer. Rejects when the site does not ask that purpose, or nothing draws the question.
   */
  ask(purpose: string, options?: AskOptions): Promise<boolean>;
  /** Grants every asked purpose (under GPC: every one but marketing). */
  acceptAll(): Promise<void>;
  /** Denies every asked purpose. */
  rejectAll(): Promise<void>;
  /** Withdraws one purpose, or all: receipt, cookies cleared, embeds stopped, page reloaded by default. */
  withdraw(purpose?: string): Promise<void>;
  /**
   * Loads one blocked embed this time only, recording a receipt with method `embed-once`. Without an
   * element, only records it: for a framework that renders the embed itself (React's ConsentGate).
   */
  loadEmbedOnce(element?: HTMLElement): Promise<void>;
  /** The embeds currently blocked. */
  blockedEmbeds(): BlockedEmbed[];
  /** With automatic blocking (autoblock.js): the third-party URLs it holds back now. */
  blocked?: () => BlockedResource[];
  /** Asks the UI to open the preferences dialog (or the history view). */
  show(view?: 'dialog' | 'history'): void;
  /** The visitor's receipts, oldest first, with their acks and status. */
  history(): Promise<HistoryItem[]>;
  /**
   * Erases the visitor's receipts from the log (a DPoP-signed request; redacted there, hashes kept),
   * marks them erased on the device and forgets the decision: the visitor is asked again, as on a first
   * visit. Rejects with an error carrying the collector's `code` when it did not erase.
   */
  erase(): Promise<void>;
  /** A proof document the visitor can keep: receipts, acks, inclusion proofs, collector keys. */
  exportProof(): Promise<ProofDocument>;
  /** Stops observing the page and sending (tests, single-page app teardown). */
  destroy(): void;
}
