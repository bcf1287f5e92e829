// The automatic-blocking entry, built into autoblock.js: untouched third-party tags whose host matches
// a service's `hosts` stay inert until that service's purpose is granted (autoblock/holder.ts). It
// must run before any of them, synchronously, with the config known at once, right after the runtime:
//   <script src="https://consent.example.org/v1/sites/clikodoc/consent.js?lang=fr&autoblock"></script>
// (the per-site script with this file appended; no async, no defer, first in <head>), or the shared
// bundle with an inline config followed by <script src="https://consent.example.org/autoblock.js">.
// data-debug on the tag logs each URL held back. Adds ConsentLedger.blocked().
import { hostMatches } from '@consent-ledger/protocol';
import { installHolder } from './autoblock/holder';
import { logProblem } from './core/log';
import type { BlockedResource, ConsentRuntime } from './types';

declare global {
  interface Window {
    ConsentLedger?: ConsentRuntime;
  }
}

const runtime = window.ConsentLedger;
const script = document.currentScript as HTMLScriptElement | null;
const doc = runtime?.get().document;
if (!runtime || !doc) logProblem('autoblock', 'no runtime with a config before autoblock.js');
else if (!runtime.blocked) {
  // The collector's own origin (receipts, config, chunks) is never held.
  const collector = new URL(script?.src || location.href).host;
  const debug = script?.hasAttribute('data-debug');
  const services = doc.notice.services.filter((s) => s.purpose !== 'necessary');
  const held: BlockedResource[] = [];
  const granted = (purpose: string) => {
    const { status, choices } = runtime.get();
    return status === 'decided' && choices[purpose] === 'granted';
  };
  installHolder({
    heldFor(url) {
      const { host, hostname } = new URL(url);
      if (host === collector) return [];
      const purposes = new Set(
        services.filter((s) => s.hosts?.some((h) => hostMatches(h, hostname))).map((s) => s.purpose),
      );
      // A host of several services waits for each of their purposes: the stricter one wins.
      return [...purposes].some((p) => !granted(p)) ? [...purposes] : [];
    },
    onHold(resource) {
      held.push(resource);
      if (debug) console.info('consent-ledger: blocked', resource.url, 'until', resource.purposes.join(' + '));
    },
  });
  // Still held: scripts not yet replaced by their live copy, embeds not yet given their URL back.
  runtime.blocked = () =>
    held.filter(
      ({ element: el, tag }) =>
        el.isConnected &&
        (tag === 'script'
          ? el.getAttribute('type') === 'text/plain'
          : !el.hasAttribute(tag === 'link' ? 'href' : 'src') && !el.hasAttribute('srcset')),
    );
}
