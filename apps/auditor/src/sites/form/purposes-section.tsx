// The purposes a site asks: the built-in ones ticked (their catalog texts shown as the default,
// overridable per language) and the site's own, each with an id, a title and a description per language.
import { BUILTIN_PURPOSES, catalogs, type Language } from '@consent-ledger/protocol';
import { useI18n } from '../../i18n/i18n';
import { renameKey } from './draft';
import { FieldIssues, PerLanguageField, TextField, useForm } from './fields';

const ASKABLE = BUILTIN_PURPOSES.filter((p) => p !== 'necessary');
type Askable = (typeof ASKABLE)[number];
const isAskable = (id: string): id is Askable => (ASKABLE as readonly string[]).includes(id);

/** The purposes object, whatever the draft holds. */
function purposesOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Built-in purposes to tick, then the site's own. */
export function PurposesSection() {
  const { draft, set } = useForm();
  const i18n = useI18n();
  const { t } = i18n;
  const purposes = purposesOf(draft.purposes);
  const custom = Object.keys(purposes).filter((id) => !isAskable(id));
  const toggle = (id: Askable, on: boolean) => {
    if (on) set(['purposes'], { ...purposes, [id]: {} });
    else set(['purposes', id], undefined);
  };
  const addCustom = () => {
    let n = custom.length + 1;
    while (`purpose-${n}` in purposes) n += 1;
    set(['purposes'], { ...purposes, [`purpose-${n}`]: { title: {}, description: {} } });
  };
  return (
    <fieldset class="form-section" id="f-purposes" tabIndex={-1}>
      <legend>{t('form.purposes')}</legend>
      <p class="hint">{t('form.purposesHint')}</p>
      <FieldIssues path="purposes" exact />
      {ASKABLE.map((id) => (
        <div key={id} class="purpose-box">
          <label class="check">
            <input type="checkbox" checked={id in purposes} onChange={(e) => toggle(id, e.currentTarget.checked)} />
            <b>{i18n.purpose(id)}</b> <span class="mono">({id})</span>
          </label>
          {id in purposes && <BuiltinTexts id={id} />}
        </div>
      ))}
      {custom.map((id, index) => (
        // Keyed by place: renaming the id must not remount the box under the caret.
        <CustomPurpose key={index} id={id} purposes={purposes} />
      ))}
      <button class="btn" type="button" onClick={addCustom}>
        {t('form.addPurpose')}
      </button>
    </fieldset>
  );
}

/** Overrides of a built-in purpose's texts, the catalog's as placeholders; closed until asked for. */
function BuiltinTexts({ id }: { id: Askable }) {
  const { t } = useI18n();
  const { draft } = useForm();
  const given = purposesOf(purposesOf(draft.purposes)[id]);
  const catalog = (language: Language) => catalogs[language].purposes[id];
  return (
    <details class="overrides" open={Object.keys(given).length > 0}>
      <summary>{t('form.ownWords')}</summary>
      <PerLanguageField
        path={['purposes', id, 'title']}
        label={t('form.purposeTitle')}
        placeholder={(l) => catalog(l).title}
      />
      <PerLanguageField
        path={['purposes', id, 'description']}
        label={t('form.purposeDescription')}
        multiline
        placeholder={(l) => catalog(l).description}
      />
    </details>
  );
}

/** A purpose of the site's own: its id (renamed in place), title and description in every language. */
function CustomPurpose({ id, purposes }: { id: string; purposes: Record<string, unknown> }) {
  const { set } = useForm();
  const { t } = useI18n();
  return (
    <div class="purpose-box custom" data-purpose={id}>
      <TextField
        path={['purposes', id]}
        value={id}
        exact
        label={t('form.purposeId')}
        hint={t('form.purposeIdHint')}
        onText={(text) => set(['purposes'], renameKey(purposes, id, text))}
      />
      <PerLanguageField path={['purposes', id, 'title']} label={t('form.purposeTitle')} />
      <PerLanguageField path={['purposes', id, 'description']} label={t('form.purposeDescription')} multiline />
      <button class="btn" type="button" onClick={() => set(['purposes', id], undefined)}>
        {t('form.removePurpose', { id })}
      </button>
    </div>
  );
}
