// Observable facts about a page under the SDK: its gated scripts and embeds as the DOM shows them,
// the cookies a purpose's services set, and the config document the collector serves.
import type { Notice, SiteConfig } from '@consent-ledger/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import type { Collector } from './server';

/** A gated script as written in the page (`type="text/plain"` until its purpose is granted). */
export interface GatedScript {
  purpose: string;
  /** Absolute URL, or '' for an inline script. */
  src: string;
  inert: boolean;
}

/** Every script with `data-consent`, in document order, and whether it is still inert. */
export function gatedScripts(page: Page): Promise<GatedScript[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[data-consent]')].map((s) => ({
      purpose: s.getAttribute('data-consent') ?? '',
      src: s.src,
      inert: s.type === 'text/plain',
    })),
  );
}

/** A gated embed (iframe, img, video, audio) and whether its URL is live. */
export interface GatedEmbed {
  tag: string;
  purpose: string;
  /** The URL it waits for (`data-src`, or the `src` it has inside its template), or was given from its template. */
  dataSrc: string;
  /** The `src` attribute ('' while inert). */
  src: string;
}

/** Every embed with `data-consent`, in document order: an inert template counts as the embed it holds. */
export function gatedEmbeds(page: Page): Promise<GatedEmbed[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'iframe[data-consent],img[data-consent],video[data-consent],audio[data-consent],template[data-consent]',
      ),
    ].map((e) => {
      const inner = e instanceof HTMLTemplateElement ? e.content.firstElementChild : null;
      return {
        tag: (inner ?? e).tagName.toLowerCase(),
        purpose: e.getAttribute('data-consent') ?? '',
        dataSrc: inner?.getAttribute('src') ?? e.getAttribute('data-src') ?? e.getAttribute('src') ?? '',
        src: inner ? '' : (e.getAttribute('src') ?? ''),
      };
    }),
  );
}

/** What `GET /v1/sites/:site/config?lang=` answers. */
export interface ConfigDocument {
  config: SiteConfig;
  language: string;
  notice: Notice;
  textHash: string;
}

/** The config document the collector serves for `site` in `lang`. */
export async function configDocument(collector: Collector, site: string, lang = 'fr'): Promise<ConfigDocument> {
  const res = await collector.fetch(`/v1/sites/${site}/config?lang=${lang}`);
  if (!res.ok) throw new Error(`config of ${site}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<ConfigDocument>;
}

/** True when a cookie name matches a service's cookie entry (an exact name or a `*` pattern). */
export function cookieMatches(name: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(name);
}

/** The names of the context's cookies that belong to the services of `purposes` (all asked purposes when omitted). */
export async function purposeCookies(
  context: BrowserContext,
  doc: ConfigDocument,
  purposes?: string[],
): Promise<string[]> {
  const patterns = doc.notice.services
    .filter((s) => !purposes || purposes.includes(s.purpose))
    .flatMap((s) => s.cookies);
  return (await context.cookies()).map((c) => c.name).filter((name) => patterns.some((p) => cookieMatches(name, p)));
}
