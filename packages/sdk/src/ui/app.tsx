import { Component, createRef } from 'preact';
import { whenIdle } from '../core/idle';
import { logProblem } from '../core/log';
import { askedOf } from '../core/state';
import { type Translate, translator } from '../i18n/texts';
import type { AskRequest, ConfigDocument, ConsentRuntime, ConsentSnapshot, HistoryItem } from '../types';
import { Banner } from './banner';
import { deepActiveElement } from './focus';
import { loadViews, type Views } from './load-views';

/** The views of the dialog. */
export type View = 'dialog' | 'history';

/** What the lazily loaded dialog is given (views/dialog.tsx keeps its own state: the draft, the receipts). */
export interface DialogProps {
  rt: ConsentRuntime;
  snap: ConsentSnapshot;
  view: View;
  t: Translate;
  doc: ConfigDocument;
  /** The element the UI draws in, inside its shadow root (the views add their styles there). */
  box: HTMLElement;
  nonce?: string;
  /** Switches the dialog to another view. */
  open(view: View): void;
  /** Closes the dialog; focus returns to its opener, or to the re-open button when the opener is gone. */
  close(): void;
}

/** What the lazily loaded in-context prompt is given (views/ask.tsx). */
export interface AskProps {
  q: AskRequest;
  t: Translate;
  doc: ConfigDocument;
  box: HTMLElement;
  nonce?: string;
  /** Called once the visitor answered: the next question, if any, is drawn. */
  done(): void;
}

/** What mountUI gives the App. */
export interface AppProps {
  rt: ConsentRuntime;
  box: HTMLElement;
  /** The page's CSP nonce, for the views' `<style>` where constructable stylesheets are missing. */
  nonce?: string;
}

interface AppState {
  snap: ConsentSnapshot;
  /** The dialog's view, null while it is closed. */
  view: View | null;
  /** What the live region last announced. */
  said: string;
  /** The questions of ask() waiting for an answer, the one on screen first. */
  asks: AskRequest[];
}

const REOPEN_ICON =
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zM8 9a1.5 1.5 0 1 1 0 .1zm-1 6a1.5 1.5 0 1 1 0 .1zm6 2a1.5 1.5 0 1 1 0 .1zm4-3a1 1 0 1 1 0 .1z';

// A class component: the banner's few states need no hooks (about 1 KB of consent.js). What only a
// click opens (the dialog and everything in it) is loaded apart, when the browser is idle.
/** The banner, the re-open button, the live region and, once opened, the dialog of one runtime. */
export class App extends Component<AppProps, AppState> {
  override state: AppState = { snap: this.props.rt.get(), view: null, said: '', asks: [] };
  private views?: Views;
  private opener: HTMLElement | null = null;
  private reopenButton = createRef<HTMLButtonElement>();
  private offs: Array<() => void> = [];
  /** The choices before the last change: a withdrawal announces what it turned off. */
  private lastChoices = this.state.snap.choices;

  override componentDidMount() {
    const { rt } = this.props;
    this.offs = [
      rt.on('change', (snap) => {
        this.lastChoices = this.state.snap.choices;
        this.setState({ snap });
      }),
      rt.on('show', ({ view }) => this.open(view)),
      rt.on('decision', (item) => this.announce(item)),
      rt.on('ask', (q) =>
        this.fetchViews().then(
          () => this.setState({ asks: [...this.state.asks, q] }),
          (error) => {
            logProblem('views', error);
            q.fail(error);
          },
        ),
      ),
    ];
    // The views load while the browser is idle, once the banner (or the re-open button) is drawn.
    whenIdle(() => void this.fetchViews().catch(() => undefined));
  }

  override componentWillUnmount() {
    for (const off of this.offs) off();
  }

  private fetchViews = () => loadViews().then((views) => (this.views = views));

  /** Opens the dialog (or the history view), remembering where focus was so it can go back there. */
  open = (view: View = 'dialog', opener: HTMLElement | null = deepActiveElement()) => {
    if (!this.state.view) this.opener = opener;
    this.fetchViews().then(
      () => this.setState({ view }),
      (error) => logProblem('views', error),
    );
  };

  /** Opens the preferences from the control clicked (which does not take focus in every browser). */
  openFrom = (event: Event) => this.open('dialog', event.currentTarget as HTMLElement);

  close = () => {
    this.setState({ view: null }, () => {
      (this.opener?.isConnected ? this.opener : this.reopenButton.current)?.focus();
      this.opener = null;
    });
  };

  /** A decision taken in the banner; focus then goes where closing the dialog would send it. */
  accept = () => void this.props.rt.acceptAll().then(this.close);
  reject = () => void this.props.rt.rejectAll().then(this.close);

  private announce(item: HistoryItem) {
    const doc = this.props.rt.get().document;
    if (!doc) return;
    const t = translator(doc.notice);
    const withdrawn = doc.notice.purposes.filter(
      (p) => item.choices[p.id] === 'denied' && this.lastChoices[p.id] === 'granted',
    );
    this.setState({
      said:
        item.method === 'withdraw'
          ? t('withdraw.confirm', { purpose: withdrawn.map((p) => p.title).join(', ') })
          : t('announce.saved'),
    });
  }

  private asked = () => this.setState({ asks: this.state.asks.slice(1) });

  override render() {
    const { snap, view, said, asks } = this.state;
    const doc = snap.document;
    const t = doc && translator(doc.notice);
    const Views = this.views;
    // What every view is given.
    const shared = { ...this.props, t: t!, doc: doc! };
    return (
      <div class="w" lang={doc?.language}>
        {t && snap.status === 'needs-decision' && (
          <Banner t={t} doc={doc} accept={this.accept} reject={this.reject} customize={this.openFrom} />
        )}
        {/* A site asking nothing (only necessary cookies) has nothing to re-open: no button. */}
        {t &&
          snap.status === 'decided' &&
          askedOf(doc).length > 0 &&
          !document.querySelector('[data-consent-open]') && (
            <button
              type="button"
              ref={this.reopenButton}
              class={`ro ${doc.config.theme?.reopen ?? 'left'}`}
              aria-label={t('reopen.label')}
              title={t('reopen.label')}
              onClick={this.openFrom}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d={REOPEN_ICON} />
              </svg>
            </button>
          )}
        {t && view && Views && <Views.Dialog {...shared} snap={snap} view={view} open={this.open} close={this.close} />}
        {t && asks[0] && Views && <Views.Ask key={asks[0].purpose.id} {...shared} q={asks[0]} done={this.asked} />}
        <p class="sr" aria-live="polite">
          {said}
        </p>
      </div>
    );
  }
}
