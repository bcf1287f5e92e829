import { hostMatches, type Notice } from '@consent-ledger/protocol';
import type { BlockedEmbed } from '../types';

/**
 * Inert embeds: their URL waits in `data-src` / `data-srcset` (`data-href` for a style sheet held by
 * automatic blocking) and their purpose in `data-consent`; or the whole embed is written inside a
 * `<template data-consent>`, which costs the page nothing until it is granted (an `<iframe>` in the
 * page, even without its URL, makes a frame while the page is parsed: bench/banner).
 */
export const EMBED_SELECTOR = 'iframe,img,video,audio,source,link,template'.replace(/\w+/g, '$&[data-consent]');

type Service = Notice['services'][number];

// Elements whose URLs are live: loaded on grant, or once by the visitor.
const live = new WeakSet<Element>();
// A loaded template's first element, and each of its elements' template, which a withdrawal puts back.
const grown = new WeakMap<Element, Element>();
const templateOf = new WeakMap<Element, Element>();

/** True while the embed's URLs are still held back. */
export const isBlocked = (el: Element): boolean => !live.has(el);

const isTemplate = (el: Element): el is HTMLTemplateElement => el.tagName === 'TEMPLATE';

/** The element that gives the embed its box and URL: itself, or a template's first element. */
export const embedOf = (el: Element): Element | null => (isTemplate(el) ? el.content.firstElementChild : el);

/** The element standing where the embed is: itself, or what its template was replaced with once loaded. */
export const standing = (el: Element): Element => grown.get(el) ?? el;

/** The host the embed would load from (its own URL or its first `<source>`'s), or `''`. */
export function embedHost(el: Element): string {
  // A template holds the embed as written: its URL in `src`.
  const attr = isTemplate(el) ? 'src' : 'data-src';
  try {
    const holder = embedOf(el)!;
    return new URL(
      (holder.getAttribute(attr) ?? holder.querySelector(`source[${attr}]`)!.getAttribute(attr))!,
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

/** Gives the embed its URLs (`data-src` -> `src`, `data-srcset` -> `srcset`, `data-href` -> `href`), or puts a template's elements in its place. */
export function loadEmbed(el: HTMLElement): void {
  if (live.has(el)) return;
  live.add(el);
  if (isTemplate(el)) {
    const elements = [...(el.content.cloneNode(true) as DocumentFragment).children];
    for (const node of elements) {
      // Its purpose stays written on it, and the gate finds it again at a withdrawal.
      node.setAttribute('data-consent', el.getAttribute('data-consent')!);
      live.add(node);
      templateOf.set(node, el);
    }
    grown.set(el, elements[0]);
    el.replaceWith(...elements);
    return;
  }
  for (const node of withSources(el))
    for (const attr of ['src', 'srcset', 'href']) {
      const value = node.getAttribute(`data-${attr}`);
      if (value != null) node.setAttribute(attr, value);
    }
  const media = el.tagName === 'SOURCE' ? el.parentElement : el;
  if (media instanceof HTMLMediaElement) media.load();
}

/**
 * Puts a loaded embed back in its inert state. The element is replaced by a copy without URLs (or
 * by its template again), since removing `src` does not stop an iframe or a playing video; returns
 * what now stands in its place.
 */
export function unloadEmbed(el: HTMLElement): HTMLElement {
  const template = templateOf.get(el) as HTMLElement | undefined;
  if (template) {
    // Its first element unloaded puts it back; each goes.
    if (!template.isConnected) el.before(template);
    live.delete(template);
    el.remove();
    return template;
  }
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
