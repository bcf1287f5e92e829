// The banner's own words per language (the texts the protocol lets a site reword: the first layer's
// five and the in-context prompt's three, the catalog's as placeholders) and its look (theme). The
// answers always look alike: only their words change here.
import { BANNER_TEXT_KEYS, type BannerTextKey, catalogs, type Language } from '@consent-ledger/protocol';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n';
import { getAt } from './draft';
import { PerLanguageField, SelectField, TextField, useForm } from './fields';

const LABELS: Record<BannerTextKey, MessageKey> = {
  'banner.title': 'form.text.title',
  'banner.text': 'form.text.body',
  'banner.acceptAll': 'form.text.acceptAll',
  'banner.rejectAll': 'form.text.rejectAll',
  'banner.customize': 'form.text.customize',
  'ask.text': 'form.text.askText',
  'ask.allow': 'form.text.askAllow',
  'ask.decline': 'form.text.askDecline',
};

/** The banner's and the in-context prompt's texts, per site language. */
export function TextsSection() {
  const { draft } = useForm();
  const { t } = useI18n();
  const name = typeof draft.name === 'string' ? draft.name : '';
  const fallback = (key: BannerTextKey) => (language: Language) =>
    catalogs[language].texts[key].split('{site}').join(name);
  return (
    <fieldset class="form-section" id="f-texts" tabIndex={-1}>
      <legend>{t('form.texts')}</legend>
      <p class="hint">{t('form.textsHint')}</p>
      {BANNER_TEXT_KEYS.map((key) => (
        <PerLanguageField
          key={key}
          path={['texts', key]}
          label={t(LABELS[key])}
          multiline={key === 'banner.text' || key === 'ask.text'}
          placeholder={fallback(key)}
        />
      ))}
    </fieldset>
  );
}

/** Colours, corner radius, font, and where the banner sits. */
export function ThemeSection() {
  const { t } = useI18n();
  return (
    <fieldset class="form-section" id="f-theme" tabIndex={-1}>
      <legend>{t('form.theme')}</legend>
      <p class="hint">{t('form.themeHint')}</p>
      <div class="form-grid">
        <ColourField field="accent" label={t('form.theme.accent')} />
        <ColourField field="background" label={t('form.theme.background')} />
        <ColourField field="text" label={t('form.theme.text')} />
        <TextField path={['theme', 'radius']} label={t('form.theme.radius')} placeholder="8px" />
        <TextField path={['theme', 'font']} label={t('form.theme.font')} placeholder="system-ui, sans-serif" />
        <SelectField
          path={['theme', 'position']}
          label={t('form.theme.position')}
          options={[
            ['', t('form.theme.positionDefault')],
            ['bottom', t('form.theme.bottom')],
            ['top', t('form.theme.top')],
            ['center', t('form.theme.center')],
          ]}
        />
      </div>
    </fieldset>
  );
}

/** The banner's own colours (the SDK's light theme), shown while a field is empty. */
const DEFAULT_COLOURS = { accent: '#1d4ed8', background: '#ffffff', text: '#1a1a1a' };

/** A CSS colour as text (any CSS form is allowed), with a swatch of what the browser makes of it. */
function ColourField({ field, label }: { field: 'accent' | 'background' | 'text'; label: string }) {
  const { draft } = useForm();
  const value = getAt(draft, ['theme', field]);
  return (
    <div class="colour-field">
      <TextField path={['theme', field]} label={label} placeholder={DEFAULT_COLOURS[field]} />
      <span
        class="swatch"
        aria-hidden="true"
        style={{ background: typeof value === 'string' ? value : 'transparent' }}
      />
    </div>
  );
}
