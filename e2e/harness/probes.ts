// Page probes installed before any page script runs: when each script element was inserted and
// when it finished running, when the banner entered the DOM and which frame showed it, paint
// timings and layout shifts. Times are `performance.now()`, i.e. milliseconds from navigation start.
import type { BrowserContext, Page } from 'playwright-core';

/** A script element the page (or the SDK) inserted, and when it ran. */
export interface ScriptProbe {
  src: string;
  type: string;
  consent: string | null;
  insertedAt: number;
  /** The `load` event: for a classic external script, right after it ran. */
  loadedAt: number | null;
}

/** One layout shift (Layout Instability API) and the elements that moved. */
export interface ShiftProbe {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
  /** Each moved element with its box before and after: `tag#id.class (x,y wxh -> x,y wxh)`. */
  sources: string[];
}

export interface Probes {
  scripts: ScriptProbe[];
  /** The banner region entered our shadow root. */
  bannerAt: number | null;
  /**
   * When the first rendering step after the banner's insertion ran (inside its animation-frame
   * callback): the frame that paints the banner, a millisecond or so before it reaches the screen.
   */
  bannerFrameAt: number | null;
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  shifts: ShiftProbe[];
}

function install(): void {
  const probe: Probes = {
    scripts: [],
    bannerAt: null,
    bannerFrameAt: null,
    firstPaint: null,
    firstContentfulPaint: null,
    shifts: [],
  };
  (window as unknown as { __clProbes: Probes }).__clProbes = probe;
  const describe = (node: Node | null | undefined) =>
    node instanceof Element
      ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}`
      : String(node?.nodeName ?? 'null');
  const entries = new WeakMap<Node, ScriptProbe>();
  const watchScript = (el: HTMLScriptElement) => {
    if (entries.has(el)) return;
    const entry: ScriptProbe = {
      src: el.src,
      type: el.type,
      consent: el.getAttribute('data-consent'),
      insertedAt: performance.now(),
      loadedAt: null,
    };
    entries.set(el, entry);
    probe.scripts.push(entry);
  };
  // Capturing on the document runs before any listener on the script itself (the SDK's among them),
  // so what those listeners do next cannot be timed ahead of the load.
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target as Node;
      if (!(target instanceof HTMLScriptElement)) return;
      watchScript(target);
      entries.get(target)!.loadedAt ??= performance.now();
    },
    true,
  );
  const watchBanner = (root: ParentNode) => {
    if (probe.bannerAt !== null || !root.querySelector('[role="region"]')) return;
    probe.bannerAt = performance.now();
    requestAnimationFrame(() => (probe.bannerFrameAt = performance.now()));
  };
  const scan = (records: MutationRecord[]) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node instanceof HTMLScriptElement) watchScript(node);
        else if (node instanceof Element) node.querySelectorAll('script').forEach(watchScript);
      }
      if (r.target.getRootNode() instanceof ShadowRoot) watchBanner(r.target.getRootNode() as ShadowRoot);
    }
  };
  new MutationObserver(scan).observe(document, { childList: true, subtree: true });
  // Our UI renders in shadow roots, which a document observer does not see into; the host may get
  // its id only after its root is attached, so every root is watched for the banner region.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    new MutationObserver(() => watchBanner(root)).observe(root, { childList: true, subtree: true });
    return root;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-paint') probe.firstPaint = e.startTime;
      if (e.name === 'first-contentful-paint') probe.firstContentfulPaint = e.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    const moved = (s: Source) =>
      `${describe(s.node)} (${Math.round(s.previousRect.x)},${Math.round(s.previousRect.y)} ${Math.round(s.previousRect.width)}x${Math.round(s.previousRect.height)}` +
      ` -> ${Math.round(s.currentRect.x)},${Math.round(s.currentRect.y)} ${Math.round(s.currentRect.width)}x${Math.round(s.currentRect.height)})`;
    for (const e of list.getEntries() as Array<
      PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] }
    >) {
      probe.shifts.push({
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        startTime: e.startTime,
        sources: (e.sources ?? []).map(moved),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Installs the probes in every page of `context`, before the page's own scripts. */
export async function installProbes(context: BrowserContext): Promise<void> {
  await context.addInitScript(install);
}

/** What the probes of `page` recorded so far. */
export function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(
    () => JSON.parse(JSON.stringify((window as unknown as { __clProbes: Probes }).__clProbes)) as Probes,
  );
}

/**
 * When the first live script of `purpose` had run: its `load` event for an external script, its
 * insertion for an inline one (which runs as it is inserted). Null when none ran.
 */
export function purposeRanAt(probes: Probes, purpose: string): number | null {
  const live = probes.scripts.find((s) => s.consent === purpose && s.type !== 'text/plain');
  if (!live) return null;
  return live.src ? live.loadedAt : live.insertedAt;
}
