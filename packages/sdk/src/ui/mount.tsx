import { render } from 'preact';
import type { ConsentRuntime } from '../types';
import { App } from './app';
import { drawPlaceholders } from './placeholder';
import { styledHost } from './styles';
import { applyTheme } from './theme';

export interface UIOptions {
  /** The page's CSP nonce, for the `<style>` used where constructable stylesheets are missing. */
  nonce?: string;
}

/**
 * Draws a runtime's consent UI: banner, dialog, history and re-open button in an open shadow root
 * placed first in the body (first in tab order, nothing in the page's flow), and a placeholder in
 * every blocked embed. Returns the function that removes it all.
 */
export function mountUI(rt: ConsentRuntime, { nonce }: UIOptions = {}): () => void {
  const [host, box] = styledHost(nonce);
  host.id = 'consent-ledger';
  (document.body ?? document.documentElement).prepend(host);
  const theme = () => applyTheme(host, rt.get().document?.config.theme);
  theme();
  const offTheme = rt.on('change', theme);
  render(<App rt={rt} box={box} nonce={nonce} />, box);
  const stopPlaceholders = drawPlaceholders(rt, nonce);
  return () => {
    offTheme();
    stopPlaceholders();
    render(null, box);
    host.remove();
  };
}
