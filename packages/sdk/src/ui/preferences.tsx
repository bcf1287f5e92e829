import type { Choice } from '@consent-ledger/protocol';
import type { Translate } from '../i18n/texts';
import type { ConsentSnapshot, ConfigDocument } from '../types';
import { ServiceList } from './services';

export interface PreferencesProps {
  t: Translate;
  doc: ConfigDocument;
  snap: ConsentSnapshot;
  draft: Record<string, Choice>;
  onToggle: (purpose: string) => void;
  onSave: () => void;
  onAccept: () => void;
  onReject: () => void;
  onHistory: () => void;
}

/** The second layer: one switch per purpose with its description and services, then Save / Accept all / Reject all. */
export function Preferences({ t, doc, snap, draft, onToggle, onSave, onAccept, onReject, onHistory }: PreferencesProps) {
  const { notice } = doc;
  return (
    <>
      <h2 id="cl-title">{t('dialog.title')}</h2>
      <p>{t('dialog.intro')}</p>
      <ul>
        {notice.purposes.map(({ id, title, description }) => {
          const services = notice.services.filter((s) => s.purpose === id);
          return (
            <li class="p" key={id}>
              <div class="row">
                <span id={'cl-' + id}>{title}</span>
                {id === 'necessary' ? (
                  <span>{t('dialog.alwaysOn')}</span>
                ) : (
                  <button
                   
                    class="sw"
                    role="switch"
                    aria-checked={draft[id] === 'granted'}
                    aria-labelledby={'cl-' + id}
                    aria-describedby={'cl-d-' + id}
                    onClick={() => onToggle(id)}
                  />
                )}
              </div>
              <p id={'cl-d-' + id}>{description}</p>
              {id === 'marketing' && snap.gpc && <p class="note">{t('dialog.gpc')}</p>}
              {services.length > 0 && (
                <details>
                  <summary>
                    {t('dialog.services')} ({services.length})
                  </summary>
                  <ServiceList t={t} services={services} language={doc.language} />
                </details>
              )}
            </li>
          );
        })}
      </ul>
      <div class="acts">
        <button class="b" onClick={onSave}>{t('dialog.save')}</button>
        <button class="b" onClick={onAccept}>{t('dialog.acceptAll')}</button>
        <button class="b" onClick={onReject}>{t('dialog.rejectAll')}</button>
      </div>
      <button class="lnk" onClick={onHistory}>{t('dialog.history')}</button>
    </>
  );
}
