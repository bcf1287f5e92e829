// What a browser context holds at the end of a pass, read from outside the page (cookies, HttpOnly
// ones included) and from inside every frame (storage keys, IndexedDB databases), plus the facts of
// a first visit: title, language, links to crawl, and the Consent Ledger tag if the page has one.
import type { Frame, Page } from 'playwright-core';

/** A storage key or database as read in one frame. */
export interface RawStorage {
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB';
  origin: string;
  name: string;
}

/** A child frame's URL and the purpose its element's `data-consent` names. */
export interface RawFrame {
  url: string;
  gatedBy: string | null;
}

/** The Consent Ledger tag of a page: its site id and the collector's base URL. */
export interface ConsentTag {
  site: string;
  collector: string;
}

export interface PageFacts {
  title: string;
  lang: string;
  links: string[];
  tag: ConsentTag | null;
}

/** One frame's storage; a frame that refuses (sandboxed, detached) has none to report. */
function frameStorage(frame: Frame): Promise<RawStorage[]> {
  return frame
    .evaluate(async () => {
      const out: Array<{ kind: 'localStorage' | 'sessionStorage' | 'indexedDB'; origin: string; name: string }> = [];
      const origin = location.origin;
      for (const kind of ['localStorage', 'sessionStorage'] as const) {
        try {
          const store = window[kind];
          for (let i = 0; i < store.length; i++) out.push({ kind, origin, name: store.key(i)! });
        } catch {
          // Storage blocked in this frame: nothing stored there.
        }
      }
      try {
        for (const db of await indexedDB.databases())
          if (db.name) out.push({ kind: 'indexedDB', origin, name: db.name });
      } catch {
        // IndexedDB blocked in this frame.
      }
      return out;
    })
    .catch(() => []);
}

/** The storage of every frame with a real origin, each origin read once. */
export async function readStorage(page: Page): Promise<RawStorage[]> {
  const seen = new Set<string>();
  const frames = page.frames().filter((frame) => {
    const origin = originOf(frame.url());
    if (!origin || seen.has(origin)) return false;
    seen.add(origin);
    return true;
  });
  return (await Promise.all(frames.map(frameStorage))).flat();
}

/** The child frames that loaded an http(s) document (a gated embed not yet loaded is about:blank). */
export async function readFrames(page: Page): Promise<RawFrame[]> {
  const children = page.frames().filter((frame) => frame !== page.mainFrame() && originOf(frame.url()));
  return Promise.all(
    children.map(async (frame) => {
      const element = await frame.frameElement().catch(() => null);
      const gatedBy = element ? await element.getAttribute('data-consent').catch(() => null) : null;
      await element?.dispose();
      return { url: withoutQuery(frame.url()), gatedBy };
    }),
  );
}

/** Title, language, same-document links (absolute, without fragment) and the Consent Ledger tag. */
export function readFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const links = Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href);
    let tag: { site: string; collector: string } | null = null;
    for (const script of Array.from(document.scripts)) {
      const match = /^(.*)\/v1\/sites\/([a-z0-9-]{2,64})\/consent\.js(?:[?#]|$)/.exec(script.src);
      if (match) {
        tag = { site: match[2], collector: match[1] };
        break;
      }
      if (script.dataset.site && script.src) {
        tag = { site: script.dataset.site, collector: script.dataset.collector || new URL(script.src).origin };
        break;
      }
    }
    return { title: document.title, lang: document.documentElement.lang, links, tag };
  });
}

/** The origin of an http(s) URL, or null for anything else (about:blank, data:, blob:…). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A URL without its query and fragment: what reports show (queries carry identifiers). */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}
