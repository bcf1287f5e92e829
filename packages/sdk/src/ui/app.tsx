import type { Choice } from '@consent-ledger/protocol';
import { Component, createRef } from 'preact';
import { translator } from '../i18n/texts';
import type { ConsentRuntime, ConsentSnapshot, HistoryItem } from '../types';
import { banner } from './banner';
import { closeButton } from './controls';
import { deepActiveElement, trapKeys } from './focus';
import { history } from './history';
import { preferences } from './preferences';

type View = 'dialog' | 'history';

interface AppState {
  snap: ConsentSnapshot;
  view?: View | null;
  /** The switches as the visitor sets them, applied only on Save. */
  draft: Record<string, Choice>;
  /** The receipts of the history view, null while they are read. */
  items?: HistoryItem[] | null;
  /** What the live region last announced. */
  said?: string;
}

// A class component: Preact's hooks would cost about a kilobyte of the budget for one stateful view.
// The views (banner, preferences, history) are plain functions of the App, so no props are passed around.
/** Banner, preferences dialog, history view, re-open button and live region of one runtime. */
export class App extends Component<{ rt: ConsentRuntime }, AppState> {
  private opener: HTMLElement | null = null;
  private dialog = createRef<HTMLDivElement>();
  private reopen = createRef<HTMLButtonElement>();
  private offs: Array<() => void> = [];
  /** The choices in force, and those before the last change: a withdrawal announces what it turned off. */
  private choices = this.props.rt.get().choices;
  private before = this.choices;
  override state: AppState = { snap: this.props.rt.get(), draft: {} };

  override componentDidMount() {
    const { rt } = this.props;
    this.offs = [
      rt.on('change', (snap) => {
        this.before = this.choices;
        this.choices = snap.choices;
        this.setState({ snap });
      }),
      rt.on('show', ({ view }) => this.open(view)),
      rt.on('decision', (item) => this.announce(item)),
      rt.on('ack', () => this.refresh()),
    ];
  }

  override componentWillUnmount() {
    for (const off of this.offs) off();
  }

  override componentDidUpdate(_: unknown, before: AppState) {
    // Focus moves into the dialog when it opens or switches view, onto the dialog itself so its name is read first.
    if (this.state.view && this.state.view != before.view) this.dialog.current?.focus();
  }

  /** Opens the dialog (or the history view), remembering where focus was so it can go back there. */
  open = (view: View = 'dialog', opener: HTMLElement | null = deepActiveElement()) => {
    if (!this.state.view) this.opener = opener;
    this.setState({ view, draft: { ...this.state.snap.choices }, items: null });
    this.refresh(view);
  };

  /** Opens the preferences from the control clicked (which does not take focus in every browser). */
  openFrom = (event: Event) => this.open('dialog', event.currentTarget as HTMLElement);

  /** Closes the dialog; focus returns to its opener, or to the re-open button when the opener is gone. */
  close = () => {
    this.setState({ view: null }, () => {
      (this.opener?.isConnected ? this.opener : this.reopen.current)?.focus();
      this.opener = null;
    });
  };

  /** A decision taken in our UI closes the dialog; focus follows as on close. */
  private decide = (act: () => Promise<void>) => () => void act().then(this.close);
  accept = this.decide(() => this.props.rt.acceptAll());
  reject = this.decide(() => this.props.rt.rejectAll());
  save = this.decide(() => this.props.rt.decide(this.state.draft, 'save'));

  /** Reads the receipts again while the history view is open. */
  refresh(view = this.state.view) {
    if (view == 'history') this.props.rt.history().then((items) => this.setState({ items }));
  }

  private announce(item: HistoryItem) {
    this.refresh();
    const doc = this.props.rt.get().document;
    if (!doc) return;
    const t = translator(doc.notice);
    const withdrawn = doc.notice.purposes.filter((p) => item.choices[p.id] == 'denied' && this.before[p.id] == 'granted');
    this.setState({ said: item.method == 'withdraw' ? t('withdraw.confirm', { purpose: withdrawn.map((p) => p.title).join(', ') }) : t('announce.saved') });
  }

  override render() {
    const { snap, view, said } = this.state;
    const doc = snap.document!;
    const t = doc && translator(doc.notice);
    return (
      <div class="w" lang={doc?.language}>
        {t && snap.status == 'needs-decision' && banner(this, t, doc)}
        {t && snap.status == 'decided' && !document.querySelector('[data-consent-open]') && (
          <button ref={this.reopen} class="ro" aria-label={t('reopen.label')} title={t('reopen.label')} onClick={this.openFrom}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zM8 9a1.5 1.5 0 1 1 0 .1zm-1 6a1.5 1.5 0 1 1 0 .1zm6 2a1.5 1.5 0 1 1 0 .1zm4-3a1 1 0 1 1 0 .1z" />
            </svg>
          </button>
        )}
        {t && view && (
          <div class="bd" onClick={(e) => e.target == e.currentTarget && this.close()}>
            <div
              ref={this.dialog}
              class="dlg"
              role="dialog"
              aria-modal="true"
              aria-labelledby="cl-title"
              tabIndex={-1}
              onKeyDown={(e) => trapKeys(e, e.currentTarget, this.close)}
            >
              {closeButton(t('dialog.close'), this.close)}
              {(view == 'history' ? history : preferences)(this, t, doc)}
            </div>
          </div>
        )}
        <p class="sr" aria-live="polite">
          {said}
        </p>
      </div>
    );
  }
}
