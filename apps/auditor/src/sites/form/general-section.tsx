// The site's own fields: who it is, where receipts come from, its policy, languages, how long
// choices and receipts are kept, what the collector keeps of the address, and its revision.
import {
  CONFIG_DEFAULTS,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  MAX_EXPIRES_AFTER_DAYS,
} from '@consent-ledger/protocol';
import { useI18n } from '../../i18n/i18n';
import { fieldId } from './draft';
import { CheckField, FieldIssues, LinesField, NumberField, SelectField, TextField, useForm } from './fields';

/** Name, origins, policy, languages, durations, address handling, revision. */
export function GeneralSection() {
  const { t } = useI18n();
  return (
    <fieldset class="form-section">
      <legend>{t('form.general')}</legend>
      <TextField path={['site']} label={t('form.site')} readOnly hint={t('form.siteHint')} />
      <TextField path={['name']} label={t('form.name')} hint={t('form.nameHint')} />
      <LinesField path={['origins']} label={t('form.origins')} hint={t('form.originsHint')} required />
      <TextField path={['policyUrl']} label={t('form.policyUrl')} type="url" />
      <LanguagesField />
      <NumberField
        path={['expiresAfterDays']}
        label={t('form.expiresAfterDays')}
        hint={t('form.expiresAfterDaysHint', {
          max: MAX_EXPIRES_AFTER_DAYS,
          fallback: CONFIG_DEFAULTS.expiresAfterDays,
        })}
      />
      <NumberField
        path={['retentionDays']}
        label={t('form.retentionDays')}
        hint={t('form.retentionDaysHint', { fallback: CONFIG_DEFAULTS.retentionDays })}
      />
      <SelectField
        path={['ip']}
        label={t('form.ip')}
        options={[
          ['truncate', t('form.ip.truncate')],
          ['none', t('form.ip.none')],
          ['full', t('form.ip.full')],
        ]}
      />
      <CheckField path={['honorGpc']} label={t('form.honorGpc')} fallback={CONFIG_DEFAULTS.honorGpc} />
      <CheckField path={['consentMode']} label={t('form.consentMode')} fallback={CONFIG_DEFAULTS.consentMode} />
      <NumberField path={['revision']} label={t('form.revision')} hint={t('form.revisionHint')} />
    </fieldset>
  );
}

/** Which of the 24 languages the site offers, and which one is its default (listed first). */
function LanguagesField() {
  const { draft, set } = useForm();
  const { t } = useI18n();
  const given = Array.isArray(draft.languages) ? draft.languages : [];
  const chosen = given.filter(isLanguage);
  const toggle = (code: string, on: boolean) =>
    set(['languages'], on ? [...given, code] : given.filter((l) => l !== code));
  const makeDefault = (code: string) => set(['languages'], [code, ...given.filter((l) => l !== code)]);
  return (
    <fieldset class="per-language" id={fieldId('languages')} tabIndex={-1}>
      <legend>{t('form.languages')}</legend>
      <FieldIssues path="languages" lines />
      <div class="language-grid">
        {LANGUAGES.map((code) => (
          <label key={code} class="check" lang={code}>
            <input
              type="checkbox"
              checked={chosen.includes(code)}
              onChange={(e) => toggle(code, e.currentTarget.checked)}
            />
            {LANGUAGE_NAMES[code]} <span class="mono">({code})</span>
          </label>
        ))}
      </div>
      {chosen.length > 1 && (
        <div class="form-field">
          <label for="f-languages-default">{t('form.defaultLanguage')}</label>
          <select id="f-languages-default" value={chosen[0]} onChange={(e) => makeDefault(e.currentTarget.value)}>
            {chosen.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
