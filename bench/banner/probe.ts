// The in-page probe, installed in every contender's page before any of its scripts and identical for
// all: first paint and first contentful paint, layout shifts, the first animation frame whose layout
// shows the contender's accept button, and when the granted analytics script ran. Times are
// `performance.now()`, i.e. milliseconds from navigation start.
import type { BrowserContext, Page } from 'playwright-core';

/** What the probe has recorded so far in one page view. */
export interface PageProbe {
  firstContentfulPaint: number | null;
  /** The rendering step (animation-frame callback) of the first frame whose layout shows the accept button. */
  acceptVisibleAt: number | null;
  /** Sum of the layout shifts not caused by input (the page view's CLS so far). */
  layoutShift: number;
  /** The `load` of the analytics stand-in (`vendor/gtag.js`): right after it ran. */
  analyticsRanAt: number | null;
}

/** How the probe recognises what it times. */
export interface ProbeTargets {
  /** CSS selector of the first layer's accept-all button, in the document or in any open shadow root. */
  accept: string | null;
  /** A path fragment naming the analytics script (`/vendor/gtag.js`). */
  analytics: string;
}

function install(targets: ProbeTargets): void {
  if (window !== window.top) return;
  const probe: PageProbe = { firstContentfulPaint: null, acceptVisibleAt: null, layoutShift: 0, analyticsRanAt: null };
  (window as unknown as { __benchProbe: PageProbe }).__benchProbe = probe;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint') probe.firstContentfulPaint = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
      if (!e.hadRecentInput) probe.layoutShift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });

  // Capturing on the document sees every script's load, whoever inserted it (the page or a consent tool).
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && target.src.includes(targets.analytics))
        probe.analyticsRanAt ??= performance.now();
    },
    true,
  );

  if (!targets.accept) return;
  const selector = targets.accept;
  // Some tools draw in a shadow root (ours does, an open one): it is searched as well as the document.
  const roots: Array<Document | ShadowRoot> = [document];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  // Shown: its centre is inside the viewport, nothing else is hit there, and it is at least half opaque
  // (a button fading in from transparent is not yet seen).
  const shown = (button: Element): boolean => {
    const box = button.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (box.width === 0 || box.height === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = (button.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
    if (!hit || !button.contains(hit)) return false;
    let opacity = 1;
    for (let el: Element | null = button; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null)
      opacity *= Number(getComputedStyle(el).opacity);
    return opacity >= 0.5;
  };
  // Checked in each frame's animation-frame callback, where layout is what this frame will paint.
  const check = (now: number) => {
    for (const root of roots) {
      const button = root.querySelector(selector);
      if (button && shown(button)) {
        probe.acceptVisibleAt = now;
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Installs the probe in every page `context` opens, before the page's own scripts. */
export async function installProbe(context: BrowserContext, targets: ProbeTargets): Promise<void> {
  await context.addInitScript(install, targets);
}

/** What the probe of `page` recorded so far. */
export function readProbe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => ({ ...(window as unknown as { __benchProbe: PageProbe }).__benchProbe }));
}

/** One request of a page view as the Resource Timing API saw it. */
export interface Transfer {
  path: string;
  /** When it was asked for, from navigation start. */
  startTime: number;
  /** Bytes as transferred: headers and the encoded body; 0 when it came from the HTTP cache. */
  transferSize: number;
}

/** The page view's document and every resource it has fetched so far, with their sizes on the wire. */
export function readTransfers(page: Page): Promise<{ document: number; resources: Transfer[] }> {
  return page.evaluate(() => ({
    document: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).transferSize,
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      path: new URL(r.name).pathname,
      startTime: r.startTime,
      transferSize: r.transferSize,
    })),
  }));
}
