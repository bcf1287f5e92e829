import { beforeEach, expect, it } from 'vitest';
import { activateScripts, liveScript, SCRIPT_SELECTOR } from './scripts';

const inert = () => [...document.querySelectorAll<HTMLScriptElement>(SCRIPT_SELECTOR)];
const live = () => [...document.querySelectorAll<HTMLScriptElement>('script[data-consent]:not([type="text/plain"])')];

beforeEach(() => {
  document.body.innerHTML = `
    <script type="text/plain" data-consent="analytics" id="a" src="https://cdn.example/a.js"></script>
    <p>text</p>
    <script type="text/plain" data-consent="analytics" id="b">window.b = 1</script>
    <script type="text/plain" data-consent="analytics" id="c" src="https://cdn.example/c.js"></script>`;
});

it('keeps every attribute but the inert type, and turns data-type into the type', () => {
  const el = document.createElement('script');
  el.type = 'text/plain';
  for (const [k, v] of Object.entries({
    'data-consent': 'analytics',
    'data-type': 'module',
    src: 'https://cdn.example/m.js',
    integrity: 'sha384-abc',
    crossorigin: 'anonymous',
    defer: '',
    referrerpolicy: 'no-referrer',
    nonce: 'n0nce',
  }))
    el.setAttribute(k, v);
  const copy = liveScript(el);
  expect(copy.type).toBe('module');
  expect(copy.getAttribute('data-type')).toBeNull();
  expect(copy.getAttribute('integrity')).toBe('sha384-abc');
  expect(copy.getAttribute('crossorigin')).toBe('anonymous');
  expect(copy.hasAttribute('defer')).toBe(true);
  expect(copy.getAttribute('referrerpolicy')).toBe('no-referrer');
  expect(copy.getAttribute('nonce')).toBe('n0nce');
  expect(copy.async).toBe(false);
  const inline = document.createElement('script');
  inline.type = 'text/plain';
  inline.text = 'run()';
  expect(liveScript(inline).text).toBe('run()');
  expect(liveScript(inline).hasAttribute('type')).toBe(false);
});

it('activates three scripts in document order; the inline one waits for the external one before it', async () => {
  // Hold back a.js's outcome: stop its load event (happy-dom fires it at once, fetching nothing) before the SDK sees it.
  let a: HTMLScriptElement | undefined;
  const hold = (e: Event) => {
    if ((e.target as Element).id !== 'a' || a) return;
    a = e.target as HTMLScriptElement;
    e.stopImmediatePropagation();
  };
  document.addEventListener('load', hold, true);
  const done = activateScripts(inert());
  await new Promise((r) => setTimeout(r, 10));
  expect(a).toBeDefined();
  expect(live().map((s) => s.id)).toEqual(['a']);
  expect(inert().map((s) => s.id)).toEqual(['b', 'c']);
  document.removeEventListener('load', hold, true);
  a!.dispatchEvent(new Event('load'));
  await done;
  expect(live().map((s) => s.id)).toEqual(['a', 'b', 'c']);
  expect(live().map((s) => s.previousElementSibling?.tagName ?? null)).toEqual([null, 'P', 'SCRIPT']);
  expect(
    live()
      .filter((s) => s.src)
      .every((s) => s.async === false),
  ).toBe(true);
  expect(inert()).toEqual([]);
});

it('activates a script only once, even when asked twice at the same time', async () => {
  const scripts = inert();
  await Promise.all([activateScripts(scripts), activateScripts(scripts)]);
  expect(document.querySelectorAll('script').length).toBe(3);
});
