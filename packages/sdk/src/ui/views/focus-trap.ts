/**
 * Keeps Tab and Shift+Tab inside a modal box and closes it on Escape. The box is laid out so that its
 * first and last controls are always visible buttons, so only those two boundaries need watching.
 */
export function trapKeys(event: KeyboardEvent, box: HTMLElement, close: () => void): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
    return;
  }
  if (event.key !== 'Tab') return;
  const controls = box.querySelectorAll<HTMLElement>('button,a[href],summary');
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = (box.getRootNode() as Document | ShadowRoot).activeElement;
  if (event.shiftKey ? active === first || active === box : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
