import { Component } from 'preact';
import type { AskProps } from '../app';
import { Actions } from '../controls';
import { deepActiveElement } from '../focus';
import { trapKeys } from './focus-trap';
import { ServiceList } from './services';
import { addViewStyles } from './styles';

/**
 * The in-context prompt of ask(): the purpose, the page's reason, its services, and Allow / Not now of
 * equal weight. A modal dialog: focus goes onto it (its name read first), stays in it, and returns to
 * where it was (the page's "start the call" button) once answered; Escape is "Not now".
 */
export class Ask extends Component<AskProps> {
  private opener = deepActiveElement();
  private frame: HTMLElement | null = null;

  override componentDidMount() {
    addViewStyles(this.props.box, this.props.nonce);
    this.frame?.focus();
  }

  private reply(granted: boolean) {
    const { q, done } = this.props;
    done();
    void q.answer(granted);
    if (this.opener?.isConnected) this.opener.focus();
  }

  override render() {
    const { q, t, doc } = this.props;
    return (
      <div class="bd">
        <div
          ref={(element) => {
            this.frame = element;
          }}
          class="dlg ask"
          role="dialog"
          aria-modal="true"
          aria-labelledby="cl-ask"
          aria-describedby="cl-ask-d"
          tabIndex={-1}
          onKeyDown={(e) => trapKeys(e, e.currentTarget, () => this.reply(false))}
        >
          <h2 id="cl-ask">{q.purpose.title}</h2>
          <div id="cl-ask-d">
            {q.reason && <p>{q.reason}</p>}
            <p>{t('ask.text')}</p>
          </div>
          <ServiceList t={t} services={q.services} language={doc.language} />
          <Actions
            list={[
              [t('ask.allow'), () => this.reply(true)],
              [t('ask.decline'), () => this.reply(false)],
            ]}
          />
        </div>
      </div>
    );
  }
}
