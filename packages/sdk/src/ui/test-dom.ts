// DOM helpers for the UI's component tests (happy-dom).
import type { ConsentRuntime } from '../types';
import { loadViews } from './load-views';
import { mountUI } from './mount';

/** Lets the fake runtime's promises (and what they redraw, the lazily loaded views included) settle. */
export async function flush(): Promise<void> {
  await loadViews();
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Mounts the UI on a fresh body and returns its shadow root. */
export async function mounted(rt: ConsentRuntime, nonce?: string) {
  const unmount = mountUI(rt, { nonce });
  await flush();
  const host = document.getElementById('consent-ledger')!;
  return { host, root: host.shadowRoot!, unmount };
}

/** The button (or link) whose text or accessible name is exactly `name`. */
export function control(root: ParentNode, name: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('button,a,summary')].find(
    (el) => el.textContent?.trim() === name || el.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Whether a control named `name` is on screen. */
export function has(root: ParentNode, name: string): boolean {
  return [...root.querySelectorAll('button,a,summary')].some(
    (el) => el.textContent?.trim() === name || el.getAttribute('aria-label') === name,
  );
}

/** Clicks and waits for the re-render. */
export async function click(el: HTMLElement) {
  el.click();
  await flush();
}

/** Dispatches a keydown the way a keyboard would, and reports whether the UI took it over. */
export async function key(target: HTMLElement, name: string, shiftKey = false) {
  const event = new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  await flush();
  return event.defaultPrevented;
}

/** Resets the page between tests. */
export function resetPage() {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
}
