// The services a site names to its visitors: who runs each, for which purpose, which hosts and
// cookies, how long, where the data goes and what protects it outside the EU, and their policy.
import { useI18n } from '../../i18n/i18n';
import { getAt } from './draft';
import { FieldIssues, LinesField, PerLanguageField, SelectField, TextField, useForm } from './fields';

/** Every service, then a button adding one. */
export function ServicesSection() {
  const { draft, set } = useForm();
  const { t } = useI18n();
  const services = Array.isArray(draft.services) ? draft.services : [];
  const add = () => {
    const ids = new Set(services.map((s) => getAt(s, ['id'])));
    let n = services.length + 1;
    while (ids.has(`service-${n}`)) n += 1;
    const purposes = Object.keys((draft.purposes as object | undefined) ?? {});
    set(
      ['services'],
      [
        ...services,
        { id: `service-${n}`, name: '', provider: '', purpose: purposes[0] ?? 'necessary', transfer: 'EU' },
      ],
    );
  };
  return (
    <fieldset class="form-section" id="f-services" tabIndex={-1}>
      <legend>{t('form.services')}</legend>
      <FieldIssues path="services" exact />
      {services.map((_, index) => (
        <ServiceBox key={index} index={index} />
      ))}
      <button class="btn" type="button" onClick={add}>
        {t('form.addService')}
      </button>
    </fieldset>
  );
}

function ServiceBox({ index }: { index: number }) {
  const { draft, set } = useForm();
  const i18n = useI18n();
  const { t } = i18n;
  const at = (field: string) => ['services', index, field];
  const service = getAt(draft, ['services', index]);
  const name = getAt(service, ['name']);
  const transfer = getAt(service, ['transfer']);
  const purposes = ['necessary', ...Object.keys((draft.purposes as object | undefined) ?? {})];
  const outsideEu = transfer !== 'EU' || getAt(service, ['safeguard']) !== undefined;
  const title = typeof name === 'string' && name.trim() ? name : t('form.serviceN', { n: index + 1 });
  return (
    <fieldset class="service-box" data-service={index}>
      <legend>{title}</legend>
      <div class="form-grid">
        <TextField path={at('name')} label={t('form.serviceName')} />
        <TextField path={at('id')} label={t('form.serviceId')} hint={t('form.serviceIdHint')} />
        <TextField path={at('provider')} label={t('form.provider')} />
        <SelectField
          path={at('purpose')}
          label={t('form.servicePurpose')}
          options={purposes.map((id) => [id, `${i18n.purpose(id, customTitles(draft.purposes, i18n.lang))} (${id})`])}
        />
        <TextField path={at('transfer')} label={t('form.transfer')} hint={t('form.transferHint')} />
        <TextField path={at('privacyUrl')} label={t('form.privacyUrl')} type="url" />
      </div>
      {outsideEu && (
        <PerLanguageField path={at('safeguard')} label={t('form.safeguard')} hint={t('form.safeguardHint')} />
      )}
      <div class="form-grid">
        <LinesField path={at('hosts')} label={t('form.hosts')} hint={t('form.hostsHint')} />
        <LinesField path={at('cookies')} label={t('form.cookies')} hint={t('form.cookiesHint')} />
      </div>
      <PerLanguageField path={at('retention')} label={t('form.retention')} hint={t('form.retentionHint')} />
      <button class="btn" type="button" onClick={() => set(['services', index], undefined)}>
        {t('form.removeService', { name: title })}
      </button>
    </fieldset>
  );
}

/** Each custom purpose's title in `language` when the site gives one, else in its first language. */
export function customTitles(purposes: unknown, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof purposes !== 'object' || purposes === null) return out;
  for (const [id, entry] of Object.entries(purposes)) {
    const title = getAt(entry, ['title']);
    if (typeof title !== 'object' || title === null) continue;
    const texts = Object.values(title).filter((v): v is string => typeof v === 'string');
    const own = (title as Record<string, unknown>)[language];
    if (typeof own === 'string') out[id] = own;
    else if (texts[0]) out[id] = texts[0];
  }
  return out;
}
