import type { Choice } from '@consent-ledger/protocol';
import { Component } from 'preact';
import type { HistoryItem } from '../../types';
import type { DialogProps } from '../app';
import { CloseButton } from '../controls';
import { trapKeys } from './focus-trap';
import { History } from './history';
import { Preferences } from './preferences';
import { addViewStyles } from './styles';

interface DialogState {
  /** The switches as the visitor sets them, applied only on Save. */
  draft: Record<string, Choice>;
  /** The receipts of the history view, null while they are read. */
  items: HistoryItem[] | null;
  /** The erasure in the history view: asked to confirm, under way, or failed. */
  erasing: 'confirm' | 'busy' | 'failed' | null;
}

/** What a view of the dialog reads and calls. */
export interface ViewProps extends DialogProps, DialogState {
  /** Flips one switch of the draft. */
  flip(purpose: string): void;
  save(): void;
  accept(): void;
  reject(): void;
  /** Erasure: asks to confirm (`confirm`), erases (`yes`), or lets it be (`no`). */
  erase(step: 'confirm' | 'yes' | 'no'): void;
}

/** The modal dialog over a backdrop: the preferences or the history view, with its close button. */
export class Dialog extends Component<DialogProps, DialogState> {
  override state: DialogState = { draft: {}, items: null, erasing: null };
  private frame: HTMLElement | null = null;
  private offs: Array<() => void> = [];

  override componentDidMount() {
    addViewStyles(this.props.box, this.props.nonce);
    const refresh = () => this.refresh();
    this.offs = [this.props.rt.on('ack', refresh), this.props.rt.on('decision', refresh)];
    this.shown();
  }

  override componentDidUpdate(before: DialogProps) {
    if (before.view !== this.props.view) this.shown();
  }

  override componentWillUnmount() {
    this.pinned.disconnect();
    for (const off of this.offs) off();
  }

  // A view opens: its switches start from the choices in force, its receipts are read, and focus goes
  // onto the dialog itself, so that its name is read first.
  private shown() {
    this.setState({ draft: { ...this.props.snap.choices }, items: null, erasing: null });
    this.refresh();
    this.fitActions();
    this.frame?.focus();
  }

  // The actions share a row only where each fits its label on one line: columns are at least as wide
  // as the widest label (--cl-bw, read once per view), so no label wraps while the others do not.
  // On a phone they stack and take a good part of the dialog's height.
  private fitActions() {
    const acts = this.frame?.querySelector<HTMLElement>(':scope>.acts');
    if (!acts) return;
    let widest = 0;
    for (const button of acts.children as HTMLCollectionOf<HTMLElement>) {
      button.style.width = 'max-content';
      widest = Math.max(widest, button.offsetWidth);
      button.style.width = '';
    }
    acts.style.setProperty('--cl-bw', `${widest}px`);
    // What focus or a scroll brings into view stops above the pinned answers, not under them, whatever
    // their height becomes (they stack on a phone; a rotation or a zoom changes it).
    this.pinned.disconnect();
    this.pinned.observe(acts);
  }

  private pinned = new ResizeObserver(([entry]) => {
    if (this.frame) this.frame.style.scrollPaddingBottom = `${(entry.target as HTMLElement).offsetHeight}px`;
  });

  /** Reads the receipts again while the history view is open. */
  private refresh() {
    if (this.props.view === 'history') this.props.rt.history().then((items) => this.setState({ items }));
  }

  private flip = (id: string) => {
    const { draft } = this.state;
    this.setState({ draft: { ...draft, [id]: draft[id] === 'granted' ? 'denied' : 'granted' } });
  };

  private erase = (step: 'confirm' | 'yes' | 'no') => {
    if (step !== 'yes') return this.setState({ erasing: step === 'confirm' ? 'confirm' : null });
    this.setState({ erasing: 'busy' });
    // Erased: the receipts read again say so (the page reloads when something erased was running).
    this.props.rt.erase().then(
      () => {
        this.setState({ erasing: null });
        this.refresh();
      },
      () => this.setState({ erasing: 'failed' }),
    );
  };

  /** A decision taken in the dialog closes it. */
  private andClose = (act: () => Promise<void>) => () => void act().then(this.props.close);

  override render() {
    const { rt, t, view, close } = this.props;
    const props: ViewProps = {
      ...this.props,
      ...this.state,
      flip: this.flip,
      save: this.andClose(() => rt.decide(this.state.draft, 'save')),
      accept: this.andClose(() => rt.acceptAll()),
      reject: this.andClose(() => rt.rejectAll()),
      erase: this.erase,
    };
    const View = view === 'history' ? History : Preferences;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the backdrop is the mouse's shortcut for × (Escape is the keyboard's)
      <div class="bd" onClick={(e) => e.target === e.currentTarget && close()}>
        <div
          ref={(element) => {
            this.frame = element;
          }}
          class="dlg"
          role="dialog"
          aria-modal="true"
          aria-labelledby="cl-title"
          tabIndex={-1}
          onKeyDown={(e) => trapKeys(e, e.currentTarget, close)}
        >
          <CloseButton label={t('dialog.close')} onClick={close} />
          <View {...props} />
        </div>
      </div>
    );
  }
}
