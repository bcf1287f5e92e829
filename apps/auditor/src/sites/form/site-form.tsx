// A site's configuration as a form. The collector's own validator runs on every change; each issue
// shows at its field, and a summary on top lists them all, each a button moving focus to its field.
import { isLanguage, validateSiteConfig } from '@consent-ledger/protocol';
import { useMemo } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';
import { TextsSection, ThemeSection } from './banner-section';
import { type Draft, fieldId, owningField, type Path, setAt } from './draft';
import { FormContext, type FormState } from './fields';
import { GeneralSection } from './general-section';
import { PurposesSection } from './purposes-section';
import { ServicesSection } from './services-section';

/** The form over `draft`; every edit hands the whole new draft to `onDraft`. */
export function SiteForm({ draft, onDraft }: { draft: Draft; onDraft(draft: Draft): void }) {
  const issues = useMemo(() => {
    const result = validateSiteConfig(draft);
    return result.ok ? [] : (result.error.issues ?? [{ path: '(root)', message: result.error.message }]);
  }, [draft]);
  const form: FormState = {
    draft,
    issues,
    set: (path: Path, value: unknown) => onDraft(setAt(draft, path, value) as Draft),
    languages: Array.isArray(draft.languages) ? draft.languages.filter(isLanguage) : [],
  };
  return (
    <FormContext.Provider value={form}>
      <div class="site-form">
        <IssueSummary issues={issues} />
        <GeneralSection />
        <PurposesSection />
        <ServicesSection />
        <TextsSection />
        <ThemeSection />
      </div>
    </FormContext.Provider>
  );
}

/** Every issue of the draft, each moving focus to the field that shows it. */
function IssueSummary({ issues }: { issues: FormState['issues'] }) {
  const { t } = useI18n();
  if (issues.length === 0)
    return (
      <p class="good" role="status">
        {t('form.valid')}
      </p>
    );
  const field = (path: string) => {
    const owner = owningField(path, (p) => document.getElementById(fieldId(p)) !== null);
    return owner ? document.getElementById(fieldId(owner)) : null;
  };
  return (
    <div class="alert issue-summary" role="status" data-issues={issues.length}>
      <p>{t('form.issues', { count: issues.length })}</p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.path + issue.message}>
            <button
              type="button"
              class="link"
              onClick={() => {
                const el = field(issue.path);
                el?.scrollIntoView({ block: 'center' });
                el?.focus();
              }}
            >
              <code>{issue.path}</code>: {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
