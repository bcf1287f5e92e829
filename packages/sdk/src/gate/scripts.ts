/** Inert scripts: written `type="text/plain"` with the purpose they need in `data-consent`. */
export const SCRIPT_SELECTOR = 'script[type="text/plain"][data-consent]';

// Attributes that only describe the inert state; everything else (nonce, integrity, crossorigin,
// defer, referrerpolicy, data-*) is copied to the live script.
const INERT = new Set(['type', 'data-type']);

/** The live copy of an inert script: same attributes and text, `data-type` as its type. */
export function liveScript(inert: HTMLScriptElement): HTMLScriptElement {
  const live = inert.ownerDocument.createElement('script');
  for (const { name, value } of inert.attributes) if (!INERT.has(name)) live.setAttribute(name, value);
  const type = inert.getAttribute('data-type');
  if (type) live.type = type;
  // Browsers hide the nonce attribute once parsed; the property still holds it.
  if (inert.nonce) live.nonce = inert.nonce;
  if (live.src) live.async = false;
  else live.text = inert.text;
  return live;
}

const settled = (script: HTMLScriptElement) =>
  new Promise<void>((resolve) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => resolve(), { once: true });
  });

/**
 * Activates the given inert scripts in document order. External scripts are inserted with
 * `async = false`, so the browser runs them in insertion order while fetching them in parallel;
 * an inline script waits until every external one before it has loaded (or failed).
 */
export async function activateScripts(scripts: HTMLScriptElement[]): Promise<void> {
  let loading: Promise<void>[] = [];
  for (const inert of scripts) {
    if (!inert.isConnected || inert.type !== 'text/plain') continue;
    const live = liveScript(inert);
    if (live.src) loading.push(settled(live));
    else {
      await Promise.all(loading);
      loading = [];
      if (!inert.isConnected) continue;
    }
    inert.replaceWith(live);
  }
  await Promise.all(loading);
}
