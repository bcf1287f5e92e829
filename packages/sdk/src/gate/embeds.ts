import { hostMatches, type Notice } from '@consent-ledger/protocol';
import type { BlockedEmbed } from '../types';

/**
 * Inert embeds: their URL waits in `data-src` / `data-srcset` (`data-href` for a style sheet held by
 * automatic blocking) and their purpose in `data-consent`.
 */
export const EMBED_SELECTOR = 'iframe,img,video,audio,source,link'.replace(/\w+/g, '$&[data-consent]');

type Service = Notice['services'][number];

// Elements whose URLs are live: loaded on grant, or once by the visitor.
const live = new WeakSet<Element>();

/** True while the embed's URLs are still held back. */
export const isBlocked = (el: Element): boolean => !live.has(el);

/** The host the embed would load from (its own `data-src` or its first `<source>`'s), or `''`. */
export function embedHost(el: Element): string {
  try {
    return new URL(
      (el.matches('[data-src]') ? el : el.querySelector('source[data-src]'))!.getAttribute('data-src')!,
      el.ownerDocument.baseURI,
    ).hostname;
  } catch {
    return '';
  }
}

/** The first service of `purpose` whose hosts include the embed URL's host (or a parent of it). */
export function serviceOf(el: Element, purpose: string, services: Service[]): Service | null {
  const host = embedHost(el);
  return services.find((s) => s.purpose === purpose && s.hosts?.some((h) => hostMatches(h, host))) ?? null;
}

// The element and its <source> children, which hold their URLs the same way.
const withSources = (el: Element): Element[] => [el, ...el.querySelectorAll('source')];

/** Gives the embed its URLs (`data-src` -> `src`, `data-srcset` -> `srcset`, `data-href` -> `href`). */
export function loadEmbed(el: HTMLElement): void {
  if (live.has(el)) return;
  live.add(el);
  for (const node of withSources(el))
    for (const attr of ['src', 'srcset', 'href']) {
      const value = node.getAttribute(`data-${attr}`);
      if (value != null) node.setAttribute(attr, value);
    }
  const media = el.tagName === 'SOURCE' ? el.parentElement : el;
  if (media instanceof HTMLMediaElement) media.load();
}

/**
 * Puts a loaded embed back in its inert state. The element is replaced by a copy without URLs,
 * since removing `src` does not stop an iframe or a playing video; returns the copy.
 */
export function unloadEmbed(el: HTMLElement): HTMLElement {
  const copy = el.cloneNode(true) as HTMLElement;
  for (const node of withSources(copy)) {
    node.removeAttribute('src');
    node.removeAttribute('srcset');
    node.removeAttribute('href');
  }
  el.replaceWith(copy);
  return copy;
}

/**
 * The blocked embeds among `elements` (a `<source>` is drawn by its media element, a `<link>` by
 * nothing), with their service; of several purposes, the first names the embed.
 */
export function blockedEmbeds(elements: HTMLElement[], services: Service[]): BlockedEmbed[] {
  return elements
    .filter((el) => isBlocked(el) && el.tagName !== 'SOURCE' && el.tagName !== 'LINK')
    .map((element) => {
      const purpose = element.getAttribute('data-consent')!.split(' ')[0];
      return { element, purpose, service: serviceOf(element, purpose, services) };
    });
}
