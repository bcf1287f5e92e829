// The "." entry: the runtime and its banner. consent.js (src/embed.ts) is built from this; a site
// bundling the SDK itself calls startConsent(), or createConsent() + mountUI() to place them apart.
import { createConsent } from './runtime';
import type { ConsentOptions, ConsentRuntime } from './types';
import { mountUI, type UIOptions } from './ui/mount';

export { createConsent, mountUI, type UIOptions };
export { preferredLanguages } from './i18n/language';
export type * from './types';

/** Starts the runtime and draws its UI; the runtime's `destroy()` removes the UI too. */
export function startConsent(options: ConsentOptions & UIOptions): ConsentRuntime {
  const runtime = createConsent(options);
  const unmount = mountUI(runtime, options);
  return {
    ...runtime,
    destroy() {
      unmount();
      runtime.destroy();
    },
  };
}
