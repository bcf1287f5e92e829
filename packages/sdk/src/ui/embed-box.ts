/** The CSS box a placeholder takes in place of an embed. */
export interface EmbedBox {
  width: string;
  height: string;
  display: string;
  verticalAlign: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Reads an embed's box: its inline style first (it keeps percentages), then its `width`/`height`
 * attributes, then its computed and measured size, so the placeholder takes exactly its place.
 */
export function embedBox(element: HTMLElement): EmbedBox {
  const computed = getComputedStyle(element);
  const side = (name: 'width' | 'height', measured: number, fallback: string) => {
    const attribute = element.getAttribute(name);
    const resolved = computed[name];
    return (
      element.style[name] ||
      (attribute && (NUMBER.test(attribute) ? attribute + 'px' : attribute)) ||
      (resolved && resolved !== 'auto' && resolved !== '0px' ? resolved : '') ||
      (measured ? measured + 'px' : fallback)
    );
  };
  return {
    width: side('width', element.offsetWidth, '100%'),
    height: side('height', element.offsetHeight, '150px'),
    display: computed.display === 'inline' || !computed.display ? 'inline-block' : computed.display === 'none' ? 'block' : computed.display,
    verticalAlign: computed.verticalAlign || 'baseline',
  };
}

/** Whether a box is too small to hold a placeholder (a tracking pixel): such embeds simply stay blocked. */
export function isTiny(box: EmbedBox): boolean {
  return [box.width, box.height].some((side) => side.endsWith('px') && parseFloat(side) < 24);
}
