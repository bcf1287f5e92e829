import type { Translate } from '../i18n/texts';
import type { ConfigDocument } from '../types';
import type { App } from './app';
import { actions } from './controls';
import { serviceList } from './services';

/** The second layer: one switch per purpose with its description and services, then Save / Accept all / Reject all. */
export function preferences(app: App, t: Translate, { notice, language }: ConfigDocument) {
  const { draft, snap } = app.state;
  return (
    <>
      <h2 id="cl-title">{t('dialog.title')}</h2>
      <p>{t('dialog.intro')}</p>
      <ul>
        {notice.purposes.map(({ id, title, description }) => {
          const services = notice.services.filter((s) => s.purpose == id);
          return (
            <li class="p" key={id}>
              <div class="row">
                <span id={'cl-' + id}>{title}</span>
                {id == 'necessary' ? (
                  <span>{t('dialog.alwaysOn')}</span>
                ) : (
                  <button
                    class="sw"
                    role="switch"
                    aria-checked={draft[id] == 'granted'}
                    aria-labelledby={'cl-' + id}
                    aria-describedby={'cl-d-' + id}
                    onClick={() => app.setState({ draft: { ...draft, [id]: draft[id] == 'granted' ? 'denied' : 'granted' } })}
                  />
                )}
              </div>
              <p id={'cl-d-' + id}>{description}</p>
              {id == 'marketing' && snap.gpc && <p class="note">{t('dialog.gpc')}</p>}
              {services.length > 0 && (
                <details>
                  <summary>
                    {t('dialog.services')} ({services.length})
                  </summary>
                  {serviceList(t, services, language)}
                </details>
              )}
            </li>
          );
        })}
      </ul>
      {actions([t('dialog.save'), app.save], [t('dialog.acceptAll'), app.accept], [t('dialog.rejectAll'), app.reject])}
      <button class="lnk" onClick={() => app.open('history')}>
        {t('dialog.history')}
      </button>
    </>
  );
}
