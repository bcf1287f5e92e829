import type { Choice } from '@consent-ledger/protocol';
import { translator } from '../i18n/texts';
import type { ConsentRuntime, ConsentSnapshot, HistoryItem } from '../types';
import { banner } from './banner';
import { closeButton } from './controls';
import { flat, h } from './dom';
import { deepActiveElement, trapKeys } from './focus';
import { history } from './history';
import { preferences } from './preferences';

type View = 'dialog' | 'history';

/** What the views read and call: the runtime, what is on screen, and the actions of the UI. */
export interface Ui {
  rt: ConsentRuntime;
  snap: ConsentSnapshot;
  view: View | null;
  /** The switches as the visitor sets them, applied only on Save. */
  draft: Record<string, Choice>;
  /** The receipts of the history view, null while they are read. */
  items: HistoryItem[] | null;
  /** The element the UI draws in (a download link is clicked from there). */
  root: HTMLElement;
  /** Opens the dialog (or the history view), remembering where focus was so it can go back there. */
  open(view?: View, opener?: HTMLElement | null): void;
  /** Opens the preferences from the control clicked (which does not take focus in every browser). */
  openFrom(event: Event): void;
  /** Closes the dialog; focus returns to its opener, or to the re-open button when the opener is gone. */
  close(): void;
  accept(): void;
  reject(): void;
  save(): void;
}

const REOPEN_ICON =
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zM8 9a1.5 1.5 0 1 1 0 .1zm-1 6a1.5 1.5 0 1 1 0 .1zm6 2a1.5 1.5 0 1 1 0 .1zm4-3a1 1 0 1 1 0 .1z';

/** The re-open button: a cookie drawn in SVG, named for screen readers and on hover. */
function reopenButton(label: string, onclick: (event: Event) => void): HTMLElement {
  const svg = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(svg, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.appendChild(document.createElementNS(svg, 'path')).setAttribute('d', REOPEN_ICON);
  return h('button', { class: 'ro', 'aria-label': label, title: label, onclick }, icon);
}

// A control in a redrawn dialog is "the same" when it has the same tag and name: focus stays on it.
const FOCUSABLE = 'button,a[href],summary';
const nameOf = (el: Element) =>
  el.tagName + (el.getAttribute('aria-labelledby') ?? el.getAttribute('aria-label') ?? el.textContent);

/**
 * Draws the banner, the dialog (preferences or history), the re-open button and the live region of
 * one runtime in `root`, keeping them in step with its snapshot. Returns the function that stops it.
 */
export function drawApp(rt: ConsentRuntime, root: HTMLElement): () => void {
  const live = h('p', { class: 'sr', 'aria-live': 'polite' });
  const w = root.appendChild(h('div', { class: 'w' }, live));
  // The three layers in their tab order; each is rebuilt only when what it shows changes.
  const layers: Array<Element | null> = [null, null, null];
  let dialog: HTMLElement | null = null;
  let drawnFor: unknown[] = [];
  let opener: HTMLElement | null = null;
  /** The choices in force, and those before the last change: a withdrawal announces what it turned off. */
  let before = rt.get().choices;

  const put = (at: number, fresh: Element | null) => {
    layers[at]?.remove();
    if (fresh) w.insertBefore(fresh, layers.slice(at + 1).find(Boolean) ?? live);
    layers[at] = fresh;
    return fresh;
  };
  const decide = (act: () => Promise<void>) => () => void act().then(ui.close);

  const ui: Ui = {
    rt,
    snap: rt.get(),
    view: null,
    draft: {},
    items: null,
    root: w,
    open(view = 'dialog', from = deepActiveElement()) {
      if (!ui.view) opener = from;
      const moved = ui.view !== view;
      Object.assign(ui, { view, draft: { ...ui.snap.choices }, items: null });
      drawDialog();
      // Focus goes onto the dialog itself when it opens or switches view, so its name is read first.
      if (moved) dialog?.focus();
      refresh();
    },
    openFrom: (event) => ui.open('dialog', event.currentTarget as HTMLElement),
    close() {
      ui.view = dialog = null;
      put(2, null);
      (opener?.isConnected ? opener : (layers[1] as HTMLElement | null))?.focus();
      opener = null;
    },
    accept: decide(() => rt.acceptAll()),
    reject: decide(() => rt.rejectAll()),
    save: decide(() => rt.decide(ui.draft, 'save')),
  };

  // Redrawing the dialog keeps focus on the same control and the open sections open.
  function drawDialog() {
    const d = ui.snap.document;
    if (!d || !ui.view) return;
    const t = translator(d.notice);
    if (!dialog) {
      const box = h('div', {
        class: 'dlg',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'cl-title',
        tabindex: -1,
        onkeydown: (e: KeyboardEvent) => trapKeys(e, box, ui.close),
      });
      put(2, h('div', { class: 'bd', onclick: (e: Event) => e.target === e.currentTarget && ui.close() }, box));
      dialog = box;
    }
    const active = deepActiveElement();
    const focused = dialog.contains(active) && active !== dialog ? nameOf(active!) : null;
    const open = [...dialog.querySelectorAll('details')].map((d) => d.open);
    dialog.replaceChildren(
      closeButton(t('dialog.close'), ui.close),
      ...flat((ui.view === 'history' ? history : preferences)(ui, t, d)),
    );
    dialog.querySelectorAll('details').forEach((details, i) => {
      details.open = !!open[i];
    });
    if (focused)
      ([...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => nameOf(el) === focused) ?? dialog).focus();
  }

  /** Reads the receipts again while the history view is open. */
  function refresh() {
    if (ui.view === 'history')
      rt.history().then((items) => {
        ui.items = items;
        if (ui.view === 'history') drawDialog();
      });
  }

  function draw() {
    const { snap } = ui;
    const d = snap.document;
    const wanted = [
      d,
      snap.status === 'needs-decision',
      snap.status === 'decided' && !document.querySelector('[data-consent-open]'),
    ];
    if (d) w.lang = d.language;
    if (wanted.some((v, i) => v !== drawnFor[i])) {
      const t = d && translator(d.notice);
      put(0, t && wanted[1] ? banner(ui, t, d) : null);
      put(1, t && wanted[2] ? reopenButton(t('reopen.label'), ui.openFrom) : null);
      drawnFor = wanted;
    }
    drawDialog();
  }

  function announce(item: HistoryItem) {
    refresh();
    const d = rt.get().document;
    if (!d) return;
    const t = translator(d.notice);
    const withdrawn = d.notice.purposes.filter((p) => item.choices[p.id] === 'denied' && before[p.id] === 'granted');
    live.textContent =
      item.method === 'withdraw'
        ? t('withdraw.confirm', { purpose: withdrawn.map((p) => p.title).join(', ') })
        : t('announce.saved');
  }

  const offs = [
    rt.on('change', (snap) => {
      before = ui.snap.choices;
      ui.snap = snap;
      draw();
    }),
    rt.on('show', ({ view }) => ui.open(view)),
    rt.on('decision', announce),
    rt.on('ack', refresh),
  ];
  draw();
  return () => {
    for (const off of offs) off();
    w.remove();
  };
}
