import { addSheet } from './sheets';

// The stylesheet of every shadow root we draw (banner host and embed placeholders; the lazy views add
// theirs, views/styles.ts). Colours are
// custom properties so a site themes them from its config or its own CSS (`#consent-ledger{...}`);
// the defaults keep text and controls at >= 4.5:1 in light and dark (checked in styles.test.ts).
export const css = `:host{all:initial;--cl-accent:#1d4ed8;--cl-on:#fff;--cl-bg:#fff;--cl-text:#1a1a1a;--cl-line:#6b6b6b;--cl-radius:8px;--cl-font:system-ui,sans-serif}
@media (prefers-color-scheme:dark){:host{--cl-accent:#9ab8ff;--cl-on:#0b1633;--cl-bg:#1c1c21;--cl-text:#f2f2f2;--cl-line:#a0a0a8}}
:host(#consent-ledger){position:fixed;top:0;left:0;z-index:2147483600}
.w{font:16px/1.5 var(--cl-font);color:var(--cl-text)}
.bn,.ph{background:var(--cl-bg);border:1px solid var(--cl-line);border-radius:var(--cl-radius);box-sizing:border-box;padding:12px 16px}
.bn{position:fixed;inset:auto 8px 8px;margin:auto;max-width:60rem}
.bn,.dlg{max-height:calc(100vh - 16px);overflow:auto;box-shadow:0 4px 24px #0008}
.top{top:8px;bottom:auto}.center{top:8px;height:fit-content}
h2{font-size:1.2em;margin:0 40px 8px 0}
p{margin:0 0 8px}a{color:var(--cl-accent)}
.acts{display:grid;grid-template-columns:repeat(auto-fit,minmax(10em,1fr));grid-auto-rows:1fr;gap:8px;margin:12px 0 0}
button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}
.b{font-weight:600;min-height:44px;padding:8px 16px;border:2px solid var(--cl-accent);border-radius:var(--cl-radius);background:var(--cl-accent);color:var(--cl-on)}
.b:hover{text-decoration:underline}
.q{background:var(--cl-bg);color:var(--cl-accent)}
.x{position:absolute;top:8px;right:8px;width:40px;height:40px;font-size:28px;line-height:1}
:focus-visible{outline:3px solid var(--cl-accent);outline-offset:2px}
.ro{position:fixed;left:16px;bottom:16px;width:44px;height:44px;border-radius:50%;background:var(--cl-accent);color:var(--cl-on);box-shadow:0 0 0 2px var(--cl-bg)}
.right{left:auto;right:16px}
.ro svg{width:26px;fill:currentColor}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.ph{display:flex;flex-direction:column;justify-content:safe center;height:100%;overflow:auto;border-style:dashed}`;

/** A host element with an open shadow root, styled, and the box the UI draws in (not the root itself, where a fallback `<style>` lives). */
export function styledHost(nonce?: string): [HTMLElement, HTMLElement] {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  addSheet(root, css, nonce);
  return [host, root.appendChild(document.createElement('div'))];
}
