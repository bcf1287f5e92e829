// ask(): one purpose asked at the moment the page needs it (a teleconsultation's camera and
// microphone), rather than in the banner. The runtime knows the answer when it can (granted, or
// "Not now" earlier on this page view); otherwise it asks whoever draws the question (the UI, or a
// headless page's own `ask` listener) and records the answer through `answer`. It comes with the sync
// chunk (sync.ts): a first visit's banner does not wait for it.
import type { Emitter } from './core/emitter';
import { isGranted } from './core/state';
import type { AskOptions, AskRequest, ConsentEvents, ConsentSnapshot } from './types';

/** The runtime's `ask()`, once its config is known. */
export type Ask = (purpose: string, options?: AskOptions) => Promise<boolean>;

/** Makes the runtime's `ask()`: `answer` records one answer (method `in-context`) and puts it in force. */
export function createAsk(
  get: () => ConsentSnapshot,
  events: Emitter<ConsentEvents>,
  answer: (purpose: string, granted: boolean) => Promise<void>,
): Ask {
  // "Not now" holds for the page view: the page may call ask() again on every click, the visitor is not asked again.
  const declined = new Set<string>();
  // One question per purpose at a time: a second call while it is on screen waits for the same answer.
  const asking = new Map<string, Promise<boolean>>();
  return async (purpose, { reason } = {}) => {
    const snapshot = get();
    if (isGranted(snapshot, purpose)) return true;
    if (declined.has(purpose)) return false;
    const on = asking.get(purpose);
    if (on) return on;
    const notice = snapshot.document?.notice;
    const asked = notice?.purposes.find((p) => p.id === purpose && p.id !== 'necessary');
    if (!notice || !asked) throw new Error(`consent-ledger: this site does not ask for "${purpose}"`);
    let settle!: (granted: boolean) => void;
    let fail!: (error: unknown) => void;
    const pending = new Promise<boolean>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    asking.set(purpose, pending);
    const request: AskRequest = {
      purpose: asked,
      services: notice.services.filter((s) => s.purpose === purpose),
      reason,
      async answer(granted) {
        // Only the first answer counts (two listeners, or a double click).
        if (asking.get(purpose) !== pending) return;
        asking.delete(purpose);
        if (!granted) declined.add(purpose);
        try {
          await answer(purpose, granted);
        } finally {
          settle(granted);
        }
      },
      fail(error) {
        // No answer was given: nothing is recorded, and a later ask() may try again.
        if (asking.get(purpose) !== pending) return;
        asking.delete(purpose);
        fail(error);
      },
    };
    if (!events.emit('ask', request)) {
      asking.delete(purpose);
      throw new Error(
        'consent-ledger: nothing draws the question: mount the UI, or listen to the runtime\'s "ask" event',
      );
    }
    return pending;
  };
}
