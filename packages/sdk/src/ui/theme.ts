import type { ThemeConfig } from '@consent-ledger/protocol';

const VARS: Record<Exclude<keyof ThemeConfig, 'position' | 'reopen'>, string> = {
  accent: '--cl-accent',
  background: '--cl-bg',
  text: '--cl-text',
  radius: '--cl-radius',
  font: '--cl-font',
};

/** Sets the site's theme on our host element as custom properties (through the CSSOM, so a strict CSP allows it). */
export function applyTheme(host: HTMLElement, theme: ThemeConfig = {}): void {
  // An empty value removes the property: the stylesheet's default applies again.
  for (const [key, name] of Object.entries(VARS)) host.style.setProperty(name, theme[key as keyof typeof VARS] || '');
}
