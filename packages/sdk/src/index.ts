// The "." entry: the runtime and its banner. consent.js (src/embed.ts) is built from this; a site
// bundling the SDK itself calls startConsent(), or createConsent() + mountUI() to place them apart.
import { createConsent } from './runtime';
import type { ConsentOptions, ConsentRuntime } from './types';
import { mountUI, type UIOptions } from './ui/mount';

export { preferredLanguages } from './i18n/language';
export type * from './types';
export { createConsent, mountUI, type UIOptions };

/** Calls `then` once the body exists: at once, or as soon as the parser creates it (before any frame shows it). */
function whenBody(then: () => void): void {
  if (document.body) {
    then();
  } else {
    // Mutation callbacks run at the end of the parser's task, ahead of the rendering that could paint the body.
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      then();
    });
    observer.observe(document.documentElement, { childList: true });
  }
}

/** Starts the runtime and draws its UI as soon as there is a body; the runtime's `destroy()` removes the UI too. */
export function startConsent(options: ConsentOptions & UIOptions): ConsentRuntime {
  const runtime = createConsent(options);
  let unmount: (() => void) | undefined;
  whenBody(() => (unmount = mountUI(runtime, options)));
  return {
    ...runtime,
    destroy() {
      unmount?.();
      runtime.destroy();
    },
  };
}
