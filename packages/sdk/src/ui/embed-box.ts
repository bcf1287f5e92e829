/** The CSS box a placeholder takes in place of an embed. */
export interface EmbedBox {
  width: string;
  height: string;
  display: string;
}

/**
 * Reads an embed's box: its inline style first (it keeps percentages), then its `width`/`height`
 * attributes, then its computed size, so the placeholder takes exactly its place. The computed size
 * is read last and only when needed: it lays out the whole page there and then, and the placeholders
 * are drawn while the page is still being parsed, before its first frame (a forced layout there was
 * half of consent.js's run on the demo page).
 */
export function embedBox(element: HTMLElement): EmbedBox {
  const computed = getComputedStyle(element);
  const side = (name: 'width' | 'height', fallback: string) => {
    const attribute = element.getAttribute(name);
    if (element.style[name]) return element.style[name];
    if (attribute) return /^[\d.]+$/.test(attribute) ? `${attribute}px` : attribute;
    const resolved = computed[name];
    return resolved && resolved !== 'auto' && resolved !== '0px' ? resolved : fallback;
  };
  return {
    width: side('width', '100%'),
    height: side('height', '150px'),
    // An iframe is inline: its placeholder flows the same way, as one box.
    display: computed.display === 'inline' || !computed.display ? 'inline-block' : 'block',
  };
}

/** Whether a box is too small to hold a placeholder (a tracking pixel): such embeds simply stay blocked. */
export function isTiny(box: EmbedBox): boolean {
  return [box.width, box.height].some((side) => side.endsWith('px') && parseFloat(side) < 24);
}
