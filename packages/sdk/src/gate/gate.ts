import type { Notice } from '@consent-ledger/protocol';
import type { BlockedEmbed } from '../types';
import { clearCookies } from './cookies';
import { blockedEmbeds, EMBED_SELECTOR, isBlocked, loadEmbed, unloadEmbed } from './embeds';
import { activateScripts, SCRIPT_SELECTOR } from './scripts';

/** What the gate asks of the runtime. */
export interface GateOptions {
  root: ParentNode;
  allowed: (purpose: string) => boolean;
  services: () => Notice['services'];
  /** Called when the set of blocked embeds changed. */
  onEmbeds: (embeds: BlockedEmbed[]) => void;
}

/** Keeps a page's gated scripts and embeds in step with the consent in force. */
export interface Gate {
  /** Activates what is allowed now (scripts first; frames once the page is parsed and those scripts ran), then watches for elements added later; resolves once done. */
  apply(): Promise<void>;
  /** The embeds still blocked. */
  blocked(): BlockedEmbed[];
  /** Loads one embed whatever its purpose's state. */
  loadOnce(el: HTMLElement): void;
  /** Withdrawal: deletes the purposes' cookies and puts their loaded embeds back to inert. */
  revoke(purposes: string[]): void;
  stop(): void;
}

// `data-consent` names one purpose, or several separated by spaces (automatic blocking: a host shared
// by services of several purposes), all of which must be granted.
const purposesOf = (el: Element) => el.getAttribute('data-consent')!.split(' ');

/** Creates the gate of a page. */
export function createGate(o: GateOptions): Gate {
  let queue = Promise.resolve();
  let pending = 0;
  let reported: BlockedEmbed[] = [];
  let observer: MutationObserver | undefined;
  const all = <E extends Element>(selector: string) => [...o.root.querySelectorAll<E>(selector)];
  const allowed = (el: Element) => purposesOf(el).every(o.allowed);
  // An embed whose purposes are allowed is not blocked, even before the queued pass gives it its URL: a
  // listener told otherwise at a change (a returning visitor's decision read from storage) would draw a
  // placeholder over it that no later report takes away.
  const blocked = () =>
    blockedEmbeds(all<HTMLElement>(EMBED_SELECTOR), o.services()).filter((e) => !allowed(e.element));

  function report(): void {
    const list = blocked();
    // Listeners hear only real changes (a MutationObserver fires often).
    if (
      list.length !== reported.length ||
      list.some((e, i) => e.element !== reported[i].element || e.service !== reported[i].service)
    ) {
      reported = list;
      o.onEmbeds(list);
    }
  }

  function apply(): Promise<void> {
    // Single-page apps add gated elements later.
    if (!observer) {
      observer = new MutationObserver(() => void apply());
      // Granted embeds wait for the end of parsing (below): this pass loads them (parsed already, it never comes).
      document.addEventListener('DOMContentLoaded', () => void apply(), { once: true });
    }
    observer.observe(o.root as Node, { childList: true, subtree: true });
    // One pass at a time, so a pass never starts an inline script ahead of a pending external one.
    // With none pending, it starts at once: a returning visitor's tags before anything else of ours.
    const pass = async () => {
      report();
      const scripts = activateScripts(all<HTMLScriptElement>(SCRIPT_SELECTOR).filter(allowed));
      // Frames only once the page is parsed and its granted scripts ran (or a second passed: a slow
      // tag does not hold them): making a frame holds the page's main thread, and ahead of the
      // scripts it delayed a returning visitor's tags (bench/banner).
      await Promise.race([scripts, new Promise((resolve) => setTimeout(resolve, 1000))]);
      if (document.readyState !== 'loading')
        for (const el of all<HTMLElement>(EMBED_SELECTOR)) if (allowed(el)) loadEmbed(el);
      await scripts;
    };
    const run = () =>
      pass()
        .catch(console.error)
        .finally(() => pending--);
    queue = pending++ ? queue.then(run) : run();
    return queue;
  }

  return {
    apply,
    blocked,
    loadOnce(el) {
      loadEmbed(el);
      report();
    },
    revoke(purposes) {
      clearCookies(
        o.services().flatMap((s) => (purposes.includes(s.purpose) ? s.cookies : [])),
        (o.root as Node).ownerDocument ?? (o.root as Document),
      );
      // Any element: what a template held (a whole widget) carries its purpose too.
      for (const el of all<HTMLElement>('[data-consent]'))
        if (!isBlocked(el) && purposesOf(el).some((p) => purposes.includes(p))) unloadEmbed(el);
      report();
    },
    stop: () => observer?.disconnect(),
  };
}
