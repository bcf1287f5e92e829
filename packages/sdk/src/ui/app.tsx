import type { Choice } from '@consent-ledger/protocol';
import { Component, createRef } from 'preact';
import { translator } from '../i18n/texts';
import type { ConsentRuntime, ConsentSnapshot, HistoryItem } from '../types';
import { Banner } from './banner';
import { deepActiveElement, trapKeys } from './focus';
import { History } from './history';
import { Preferences } from './preferences';
import { downloadProof } from './proof-download';

type View = 'dialog' | 'history';

interface AppState {
  snap: ConsentSnapshot;
  view: View | null;
  /** The switches as the visitor sets them, applied only on Save. */
  draft: Record<string, Choice>;
  items: HistoryItem[] | null;
  /** What the live region last announced. */
  said: string;
}

// A class component: Preact's hooks would cost about a kilobyte of the budget for one stateful view.
/** Banner, preferences dialog, history view, re-open button and live region of one runtime. */
export class App extends Component<{ rt: ConsentRuntime }, AppState> {
  private opener: HTMLElement | null = null;
  private dialog = createRef<HTMLDivElement>();
  private reopen = createRef<HTMLButtonElement>();
  private offs: Array<() => void> = [];
  /** The choices in force, and those before the last change: a withdrawal announces what it turned off. */
  private choices = this.props.rt.get().choices;
  private before = this.choices;

  constructor(props: { rt: ConsentRuntime }) {
    super(props);
    this.state = { snap: props.rt.get(), view: null, draft: {}, items: null, said: '' };
  }

  override componentDidMount() {
    const { rt } = this.props;
    this.offs = [
      rt.on('change', (snap) => {
        this.before = this.choices;
        this.choices = snap.choices;
        this.setState({ snap });
      }),
      rt.on('show', ({ view }) => this.open(view)),
      rt.on('decision', (item) => {
        this.announce(item);
        this.refreshHistory();
      }),
      rt.on('ack', () => this.refreshHistory()),
    ];
  }

  override componentWillUnmount() {
    for (const off of this.offs) off();
  }

  override componentDidUpdate(_: unknown, before: AppState) {
    // Focus moves into the dialog when it opens or switches view, onto the dialog itself so its name is read first.
    if (this.state.view && this.state.view !== before.view) this.dialog.current?.focus();
  }

  /** Opens the dialog (or the history view), remembering where focus was so it can go back there. */
  open = (view: View = 'dialog', opener: HTMLElement | null = deepActiveElement()) => {
    if (!this.state.view) this.opener = opener;
    this.setState({ view, draft: { ...this.state.snap.choices }, items: view === 'history' ? this.state.items : null });
    if (view === 'history') this.refreshHistory(true);
  };

  /** Closes the dialog; focus returns to its opener, or to the re-open button when the opener is gone. */
  close = () => {
    this.setState({ view: null }, () => {
      const target = this.opener?.isConnected ? this.opener : this.reopen.current;
      this.opener = null;
      target?.focus();
    });
  };

  private refreshHistory = (force?: boolean) => {
    if (force === true || this.state.view === 'history') this.props.rt.history().then((items) => this.setState({ items }));
  };

  private announce(item: HistoryItem) {
    const doc = this.props.rt.get().document;
    if (!doc) return;
    const t = translator(doc.notice);
    let said = t('announce.saved');
    if (item.method === 'withdraw') {
      const withdrawn = doc.notice.purposes.filter((p) => item.choices[p.id] === 'denied' && this.before[p.id] === 'granted');
      said = t('withdraw.confirm', { purpose: withdrawn.map((p) => p.title).join(', ') });
    }
    this.setState({ said });
  }

  /** A decision taken in our UI closes the dialog; focus follows as on close. */
  private decide = (act: () => Promise<void>) => () => {
    act().then(this.close);
  };

  private toggle = (purpose: string) => {
    const { draft } = this.state;
    this.setState({ draft: { ...draft, [purpose]: draft[purpose] === 'granted' ? 'denied' : 'granted' } });
  };

  override render() {
    const { rt } = this.props;
    const { snap, view, draft, items, said } = this.state;
    const doc = snap.document;
    const t = doc && translator(doc.notice);
    return (
      <div class="w" lang={doc?.language}>
        {doc && t && snap.status === 'needs-decision' && (
          <Banner
            t={t}
            doc={doc}
            onAccept={this.decide(() => rt.acceptAll())}
            onReject={this.decide(() => rt.rejectAll())}
            onCustomize={(e) => this.open('dialog', e.currentTarget as HTMLElement)}
          />
        )}
        {doc && t && snap.status === 'decided' && !document.querySelector('[data-consent-open]') && (
          <button
            ref={this.reopen}
           
            class="ro"
            aria-label={t('reopen.label')}
            title={t('reopen.label')}
            onClick={(e) => this.open('dialog', e.currentTarget as HTMLElement)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zM8 9a1.5 1.5 0 1 1 0 .1zm-1 6a1.5 1.5 0 1 1 0 .1zm6 2a1.5 1.5 0 1 1 0 .1zm4-3a1 1 0 1 1 0 .1z" />
            </svg>
          </button>
        )}
        {doc && t && view && (
          <div class="bd" onClick={(e) => e.target === e.currentTarget && this.close()}>
            <div
              ref={this.dialog}
              class="dlg"
              role="dialog"
              aria-modal="true"
              aria-labelledby="cl-title"
              tabIndex={-1}
              onKeyDown={(e) => trapKeys(e, e.currentTarget, this.close)}
            >
              <button class="x" aria-label={t('dialog.close')} onClick={this.close}>
                ×
              </button>
              {view === 'history' ? (
                <History
                  t={t}
                  doc={doc}
                  snap={snap}
                  items={items}
                  onDownload={() => downloadProof(rt, this.dialog.current!)}
                  onWithdraw={() => rt.withdraw()}
                  onBack={() => this.open('dialog')}
                />
              ) : (
                <Preferences
                  t={t}
                  doc={doc}
                  snap={snap}
                  draft={draft}
                  onToggle={this.toggle}
                  onSave={this.decide(() => rt.decide(this.state.draft, 'save'))}
                  onAccept={this.decide(() => rt.acceptAll())}
                  onReject={this.decide(() => rt.rejectAll())}
                  onHistory={() => this.open('history')}
                />
              )}
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
