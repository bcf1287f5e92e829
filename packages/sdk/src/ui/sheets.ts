const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds a stylesheet to a shadow root, once: one constructable sheet shared by every root where the
 * browser has them (every browser with adoptedStyleSheets has replaceSync), else a `<style>` carrying
 * the page's CSP nonce, last in the root (after its other styles).
 */
export function addSheet(root: ShadowRoot, text: string, nonce?: string): void {
  // The same root, typed without adoptedStyleSheets (the DOM types have it always, older browsers do not).
  const parent: ParentNode = root;
  if ('adoptedStyleSheets' in root) {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (![...parent.querySelectorAll('style')].some((s) => s.textContent === text)) {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = text;
    parent.append(style);
  }
}
