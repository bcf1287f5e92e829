// The lazy views' own rules, added to the UI's shadow root next to ../styles.ts when they first draw.
// The pinned answers reach the dialog's bottom edge (its bottom padding moves into them), so nothing scrolls
// past underneath them.
import { addSheet } from '../sheets';

export const viewsCss = `.dlg,.svc{background:var(--cl-bg);border:1px solid var(--cl-line);border-radius:var(--cl-radius);box-sizing:border-box;padding:12px 16px}
.bd{position:fixed;inset:0;display:grid;place-items:center;padding:8px;background:#000a}
.dlg{position:relative;width:100%;max-width:42rem}
.ask{max-width:30rem}
.dlg:focus{outline:0}
ul{list-style:none;margin:0;padding:0}
.p{border-top:1px solid var(--cl-line);padding:12px 0}
.row{display:flex;align-items:center;justify-content:space-between;gap:12px;font-weight:600}
.on{font-weight:400;font-size:.9em;white-space:nowrap}
.dlg:has(>.acts:last-child){padding-bottom:0}
.dlg>.acts{position:sticky;bottom:0;margin:12px -16px 0;padding:8px 16px 12px;background:var(--cl-bg);border-top:1px solid var(--cl-line);grid-template-columns:repeat(auto-fit,minmax(min(100%,max(10em,var(--cl-bw,0px))),1fr))}
.sw{flex:none;position:relative;width:48px;height:28px;border:2px solid var(--cl-line);border-radius:14px}
.sw::before{content:"";position:absolute;top:3px;left:3px;width:18px;height:18px;border-radius:50%;background:var(--cl-line);transition:transform .15s}
.sw[aria-checked=true]{background:var(--cl-accent);border-color:var(--cl-accent)}
.sw[aria-checked=true]::before{background:var(--cl-on);transform:translateX(20px)}
.note{padding-left:12px;border-left:4px solid var(--cl-accent)}
.svc{margin-top:8px}
dl{display:grid;grid-template-columns:auto 1fr;gap:0 12px;margin:4px 0;font-size:.9em}
dt,.warn{font-weight:700}dd{margin:0;overflow-wrap:anywhere}
.lnk,summary{color:var(--cl-accent)}
.lnk{min-height:24px;margin-top:12px;text-decoration:underline}
@media (prefers-reduced-motion:reduce){*,::before{transition:none!important}}`;

/** Adds the views' stylesheet to the shadow root holding `box` (once). */
export const addViewStyles = (box: HTMLElement, nonce?: string): void =>
  addSheet(box.getRootNode() as ShadowRoot, viewsCss, nonce);
