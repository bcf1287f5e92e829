const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds a stylesheet to a shadow root, once: one constructable sheet shared by every root where the
 * browser has them, else a `<style>` carrying the page's CSP nonce, after the root's other styles.
 */
export function addSheet(root: ShadowRoot, text: string, nonce?: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const styles = [...root.querySelectorAll('style')];
  if (styles.some((s) => s.textContent === text)) return;
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = text;
  root.insertBefore(style, styles.at(-1)?.nextSibling ?? root.firstChild);
}
