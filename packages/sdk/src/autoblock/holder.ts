// Automatic blocking: untouched third-party tags (scripts, frames, images, style sheets, media) whose
// URL host matches a service's `hosts` are turned into the gated markup the runtime already handles
// (`type="text/plain" data-consent` scripts, `data-src` embeds), before the browser fetches them.
// The runtime's gate then starts them on grant, scripts once each and in document order, and draws
// the placeholders. Each way a URL reaches the page is covered: the parser (a MutationObserver runs
// before a parser-inserted script is prepared), URL properties and setAttribute (an image fetches as
// soon as its src is set, even detached), insertion (a script fetches when inserted), and HTML
// strings (innerHTML, insertAdjacentHTML: parsed in an inert <template> first).
import type { BlockedResource } from '../types';

/** What the holder asks of the page's consent. */
export interface HolderOptions {
  /** The purposes `url` (absolute) needs and that are not granted now; empty when it may load. */
  heldFor(url: string): string[];
  /** Told of each URL held back (the list, a debug line). */
  onHold(resource: BlockedResource): void;
}

// The URL attribute of each tag that fetches; `srcset` on images and sources too.
const URL_ATTR: Record<string, string> = {
  SCRIPT: 'src',
  IFRAME: 'src',
  IMG: 'src',
  LINK: 'href',
  VIDEO: 'src',
  AUDIO: 'src',
  SOURCE: 'src',
};
const SELECTOR =
  'script[src],iframe[src],img[src],img[srcset],link[href],video[src],audio[src],source[src],source[srcset]';
const JS_TYPES = /^(|module|(text|application)\/(java|ecma)script)$/i;
// Links that only name something (a canonical URL, an icon the browser may fetch is left alone on purpose: not a tracker).
const FETCHING_LINK = /\b(stylesheet|preload|modulepreload|prefetch)\b/i;

/** Installs the holder on the page; returns the function that holds the URLs of an element (and its subtree). */
export function installHolder(o: HolderOptions): (node: Node) => void {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  const set = (el: Element, name: string, value: string) => setAttribute.call(el, name, value);

  /** Holds `value` (about to become `el`'s `attr`) when its purposes are not granted; what was held, if so. */
  function hold(el: Element, attr: string, value: string): BlockedResource | null {
    const tag = el.tagName;
    if (!(tag in URL_ATTR) || (tag === 'SCRIPT' && !JS_TYPES.test(el.getAttribute('type') ?? ''))) return null;
    if (tag === 'LINK' && !FETCHING_LINK.test(el.getAttribute('rel') ?? 'stylesheet')) return null;
    let url: string;
    try {
      // srcset: its first candidate names the host of them all, in practice.
      url = new URL(attr === 'srcset' ? value.trim().split(/\s/)[0] : value, el.ownerDocument.baseURI).href;
    } catch {
      return null;
    }
    const purposes = o.heldFor(url);
    if (!purposes.length) return null;
    set(el, 'data-consent', purposes.join(' '));
    if (tag === 'SCRIPT') {
      // Inert as the runtime's gated scripts are: the gate restores the type from data-type.
      const type = el.getAttribute('type');
      if (type) set(el, 'data-type', type);
      set(el, 'type', 'text/plain');
      set(el, attr, value);
    } else set(el, `data-${attr}`, value);
    const resource = { url, tag: tag.toLowerCase(), purposes, element: el };
    o.onHold(resource);
    return resource;
  }

  /** Holds the live URLs an element or subtree already has (parsed, cloned, built by a fragment). */
  function holdTree(node: Node): void {
    if (!(node instanceof Element || node instanceof DocumentFragment)) return;
    const elements = node instanceof Element && node.matches(SELECTOR) ? [node] : [];
    for (const el of [...elements, ...node.querySelectorAll(SELECTOR)]) {
      if (el.tagName === 'SCRIPT' && el.getAttribute('type') === 'text/plain') continue;
      for (const attr of el.tagName === 'IMG' || el.tagName === 'SOURCE' ? ['src', 'srcset'] : [URL_ATTR[el.tagName]]) {
        const value = el.getAttribute(attr);
        const resource = value == null ? null : hold(el, attr, value);
        if (!resource || el.tagName === 'SCRIPT') continue;
        el.removeAttribute(attr);
        // A connected embed may have started: a copy without the URL stops it, and its insertion tells
        // the runtime's gate (which watches the tree) to draw its placeholder.
        if (el.isConnected && el.tagName !== 'SOURCE') {
          resource.element = el.cloneNode(true) as Element;
          el.replaceWith(resource.element);
        }
      }
    }
  }

  // setAttribute('src' | 'srcset' | 'href', …)
  proto.setAttribute = function (this: Element, name: string, value: string) {
    const attr = name.toLowerCase();
    if ((attr === URL_ATTR[this.tagName] || attr === 'srcset') && hold(this, attr, String(value))) return;
    setAttribute.call(this, name, value);
  };

  // el.src = …, el.srcset = …, link.href = …
  const guard = (ctor: { prototype: object }, prop: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(ctor.prototype, prop);
    if (!descriptor?.set) return;
    Object.defineProperty(ctor.prototype, prop, {
      ...descriptor,
      set(this: Element, value: string) {
        if (!hold(this, prop, String(value))) descriptor.set!.call(this, value);
      },
    });
  };
  for (const ctor of [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement, HTMLMediaElement, HTMLSourceElement])
    guard(ctor, 'src');
  guard(HTMLImageElement, 'srcset');
  guard(HTMLSourceElement, 'srcset');
  guard(HTMLLinkElement, 'href');

  // Insertion: a script whose type was set after its src, or a subtree built before the holder knew of it.
  const nodeProto = Node.prototype as unknown as Record<string, (...args: Node[]) => Node>;
  for (const method of ['appendChild', 'insertBefore', 'replaceChild']) {
    const original = nodeProto[method];
    nodeProto[method] = function (this: Node, node: Node, ...rest: Node[]) {
      holdTree(node);
      return original.call(this, node, ...rest);
    };
  }
  const elementProto = proto as unknown as Record<string, (...args: Array<Node | string>) => void>;
  for (const method of ['append', 'prepend', 'before', 'after', 'replaceWith']) {
    const original = elementProto[method];
    elementProto[method] = function (this: Element, ...nodes: Array<Node | string>) {
      for (const node of nodes) if (typeof node !== 'string') holdTree(node);
      original.apply(this, nodes);
    };
  }

  // HTML strings: parsed inert first, so an <img src> in them is never fetched.
  const inert = (html: string) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    holdTree(template.content);
    return template.innerHTML;
  };
  const innerHTML = Object.getOwnPropertyDescriptor(proto, 'innerHTML')!;
  Object.defineProperty(proto, 'innerHTML', {
    ...innerHTML,
    set(this: Element, html: string) {
      innerHTML.set!.call(this, this instanceof HTMLTemplateElement ? html : inert(String(html)));
    },
  });
  const insertAdjacentHTML = proto.insertAdjacentHTML;
  proto.insertAdjacentHTML = function (this: Element, where: InsertPosition, html: string) {
    insertAdjacentHTML.call(this, where, inert(String(html)));
  };

  // The parser: a MutationObserver's callback runs before a parser-inserted script is prepared.
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) holdTree(node);
  }).observe(document, { childList: true, subtree: true });

  return holdTree;
}
