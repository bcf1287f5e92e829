import { Actions } from '../controls';
import type { ViewProps } from './dialog';
import { ServiceList } from './services';

/** The second layer: one switch per purpose with its description and services, then Save / Accept all / Reject all. */
export function Preferences({
  t,
  doc: { notice, language },
  draft,
  snap,
  flip,
  save,
  accept,
  reject,
  open,
}: ViewProps) {
  return (
    <>
      <h2 id="cl-title">{t('dialog.title')}</h2>
      <p>{t('dialog.intro')}</p>
      <ul>
        {notice.purposes.map(({ id, title, description }) => {
          const services = notice.services.filter((s) => s.purpose === id);
          return (
            <li class="p">
              <div class="row">
                <span id={`cl-${id}`}>{title}</span>
                {id === 'necessary' ? (
                  <span class="on">{t('dialog.alwaysOn')}</span>
                ) : (
                  <button
                    type="button"
                    class="sw"
                    role="switch"
                    aria-checked={draft[id] === 'granted'}
                    aria-labelledby={`cl-${id}`}
                    aria-describedby={`cl-d-${id}`}
                    onClick={() => flip(id)}
                  />
                )}
              </div>
              <p id={`cl-d-${id}`}>{description}</p>
              {id === 'marketing' && snap.gpc && <p class="note">{t('dialog.gpc')}</p>}
              {services.length > 0 && (
                <details>
                  <summary>
                    {t('dialog.services')} ({services.length})
                  </summary>
                  <ServiceList t={t} services={services} language={language} />
                </details>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="lnk" onClick={() => open('history')}>
        {t('dialog.history')}
      </button>
      {/* A site with only necessary cookies (a site's own link opens this) asks nothing: its policy instead of answers. */}
      {notice.purposes.some((p) => p.id !== 'necessary') ? (
        <Actions
          list={[
            [t('dialog.save'), save],
            [t('dialog.acceptAll'), accept],
            [t('dialog.rejectAll'), reject],
          ]}
        />
      ) : (
        <p>
          <a href={notice.policyUrl}>{t('banner.policy')}</a>
        </p>
      )}
    </>
  );
}
