// Rendering helpers for the component tests (happy-dom).
import { type ComponentChildren, render } from 'preact';
import { createI18n, I18nContext, type UiLanguage } from './i18n/i18n';

/** Lets Preact's renders, effects and pending promises settle. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Renders `children` in a fresh container, in `lang` (English by default), and returns the container. */
export async function mount(children: ComponentChildren, lang: UiLanguage = 'en'): Promise<HTMLElement> {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.append(root);
  render(<I18nContext.Provider value={createI18n(lang)}>{children}</I18nContext.Provider>, root);
  await flush();
  return root;
}

/** Waits until `probe` returns something truthy (renders that wait on promises), or fails after `tries` rounds. */
export async function until<T>(probe: () => T | null | undefined | false, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the expected state never came');
}

/** Clicks and lets the re-render happen. */
export async function click(el: Element) {
  (el as HTMLElement).click();
  await flush();
}

/** The texts of every element matching `selector` under `root`, trimmed. */
export const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent!.trim());
