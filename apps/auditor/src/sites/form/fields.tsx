// The form's controls. Each reads and writes one path of the draft and shows the validator's issues
// at that path under itself, tied to the control by aria-describedby and aria-invalid.
import { type Issue, LANGUAGE_NAMES, type Language } from '@consent-ledger/protocol';
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';
import { type Draft, fieldId, getAt, issuesAt, linesValue, numberValue, type Path, pathText } from './draft';

/** What every control of one form shares. */
export interface FormState {
  draft: Draft;
  /** The validator's issues for the whole draft. */
  issues: readonly Issue[];
  set(path: Path, value: unknown): void;
  /** The draft's languages that are real codes, for per-language inputs. */
  languages: Language[];
}

export const FormContext = createContext<FormState | null>(null);

/** The form state of the enclosing form. */
export function useForm(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('a form control outside a FormContext');
  return form;
}

/** Under a list field, `[2]` reads as "line 3"; elsewhere an inner path is shown as it is. */
function where(inner: string, lines: boolean, line: (n: number) => string): string {
  const item = /^\[(\d+)\]/.exec(inner);
  if (lines && item) return `${line(Number(item[1]) + 1)}${inner.slice(item[0].length)}`;
  return inner.replace(/^\./, '');
}

/** The issues at `path` (only exactly there when `exact`), or nothing. */
export function FieldIssues({
  path,
  exact = false,
  lines = false,
}: {
  path: string;
  exact?: boolean;
  lines?: boolean;
}) {
  const { issues } = useForm();
  const { t } = useI18n();
  const own = exact ? issues.filter((i) => i.path === path) : issuesAt(issues, path);
  if (own.length === 0) return null;
  return (
    <ul class="field-issues" id={`${fieldId(path)}-issues`}>
      {own.map((issue) => {
        const inner = where(issue.path.slice(path.length), lines, (n) => t('form.line', { n }));
        return <li key={issue.path + issue.message}>{inner ? `${inner}: ${issue.message}` : issue.message}</li>;
      })}
    </ul>
  );
}

/** aria attributes of a control whose issues FieldIssues shows. */
function described(issues: readonly Issue[], path: string, exact: boolean, hint?: string) {
  const own = exact ? issues.some((i) => i.path === path) : issuesAt(issues, path).length > 0;
  const ids = [hint, own ? `${fieldId(path)}-issues` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': own ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

/** A value as a text box shows it: strings as they are, anything else as JSON so a wrong type stays visible. */
const shown = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

interface TextProps {
  path: Path;
  label: string;
  hint?: string;
  multiline?: boolean;
  placeholder?: string;
  lang?: string;
  type?: 'text' | 'url';
  readOnly?: boolean;
  /** Shown instead of the path's value (a key, not a value). */
  value?: string;
  /** Only the issues at the path itself, not inside it (a key whose members have fields of their own). */
  exact?: boolean;
  /** Called instead of setting the path when given (a key that renames its object member). */
  onText?(text: string): void;
}

/** A one-line (or multi-line) text; emptied, the member is removed. */
export function TextField({
  path,
  label,
  hint,
  multiline,
  placeholder,
  lang,
  type = 'text',
  readOnly,
  value,
  exact = false,
  onText,
}: TextProps) {
  const { draft, issues, set } = useForm();
  const p = pathText(path);
  const id = fieldId(p);
  const hintId = hintIdOf(id, hint);
  const common = {
    id,
    lang,
    placeholder,
    readOnly,
    value: value ?? shown(getAt(draft, path)),
    ...described(issues, p, exact, hintId),
    onInput: (e: { currentTarget: { value: string } }) => {
      const text = e.currentTarget.value;
      if (onText) onText(text);
      else set(path, text === '' ? undefined : text);
    },
  };
  return (
    <div class="form-field">
      <FieldHead id={id} label={label} hint={hint} />
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} spellcheck={type !== 'url'} {...common} />}
      <FieldIssues path={p} exact={exact} />
    </div>
  );
}

/** A whole number; anything else typed is kept as text for the validator to name. */
export function NumberField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const { draft, issues, set } = useForm();
  const p = pathText(path);
  const id = fieldId(p);
  const hintId = hintIdOf(id, hint);
  return (
    <div class="form-field">
      <FieldHead id={id} label={label} hint={hint} />
      <input
        id={id}
        class="short"
        inputMode="numeric"
        value={shown(getAt(draft, path))}
        {...described(issues, p, false, hintId)}
        onInput={(e) => set(path, numberValue(e.currentTarget.value))}
      />
      <FieldIssues path={p} />
    </div>
  );
}

/** A list of strings, one per line (origins, hosts, cookies); an issue on an item names its line. */
export function LinesField({
  path,
  label,
  hint,
  required,
}: {
  path: Path;
  label: string;
  hint?: string;
  required?: boolean;
}) {
  const { draft, issues, set } = useForm();
  const p = pathText(path);
  const id = fieldId(p);
  const hintId = hintIdOf(id, hint);
  const value = getAt(draft, path);
  const text = Array.isArray(value) ? value.map(shown).join('\n') : shown(value);
  return (
    <div class="form-field">
      <FieldHead id={id} label={label} hint={hint} />
      <textarea
        id={id}
        rows={Math.max(2, Array.isArray(value) ? value.length + 1 : 2)}
        spellcheck={false}
        value={text}
        {...described(issues, p, false, hintId)}
        onInput={(e) => {
          const lines = linesValue(e.currentTarget.value);
          set(path, lines.length > 0 || required ? lines : undefined);
        }}
      />
      <FieldIssues path={p} lines />
    </div>
  );
}

/** One of a few values; a value outside them (from JSON) is listed too so its issue can be read and fixed. */
export function SelectField({
  path,
  label,
  options,
  hint,
}: {
  path: Path;
  label: string;
  options: Array<[string, string]>;
  hint?: string;
}) {
  const { draft, issues, set } = useForm();
  const p = pathText(path);
  const id = fieldId(p);
  const hintId = hintIdOf(id, hint);
  const value = shown(getAt(draft, path));
  const all = options.some(([v]) => v === value) ? options : [...options, [value, value] as [string, string]];
  return (
    <div class="form-field">
      <FieldHead id={id} label={label} hint={hint} />
      <select
        id={id}
        value={value}
        {...described(issues, p, false, hintId)}
        onChange={(e) => set(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      >
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldIssues path={p} />
    </div>
  );
}

/** A yes/no setting. */
export function CheckField({ path, label, fallback }: { path: Path; label: string; fallback: boolean }) {
  const { draft, issues, set } = useForm();
  const p = pathText(path);
  const value = getAt(draft, path);
  return (
    <div class="form-field">
      <label class="check">
        <input
          type="checkbox"
          id={fieldId(p)}
          checked={typeof value === 'boolean' ? value : fallback}
          {...described(issues, p, false)}
          onChange={(e) => set(path, e.currentTarget.checked)}
        />
        {label}
      </label>
      <FieldIssues path={p} />
    </div>
  );
}

/**
 * A text per site language (`{fr: …, en: …}`), one box each, with the default as placeholder. A text
 * given for all languages at once (a plain string) fills every box; editing one makes it per language.
 */
export function PerLanguageField({
  path,
  label,
  hint,
  multiline,
  placeholder,
}: {
  path: Path;
  label: string;
  hint?: string;
  multiline?: boolean;
  placeholder?(language: Language): string | undefined;
}) {
  const { draft, set, languages } = useForm();
  const { t } = useI18n();
  const p = pathText(path);
  const value = getAt(draft, path);
  const edit = (language: Language, text: string) => {
    const base =
      typeof value === 'string'
        ? Object.fromEntries(languages.map((l) => [l, value]))
        : typeof value === 'object' && value !== null && !Array.isArray(value)
          ? value
          : {};
    const next: Record<string, unknown> = { ...base, [language]: text === '' ? undefined : text };
    if (text === '') delete next[language];
    set(path, Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset class="per-language" id={fieldId(p)} tabIndex={-1}>
      <legend>{label}</legend>
      {hint && <p class="hint">{hint}</p>}
      <FieldIssues path={p} exact />
      <div class="language-boxes">
        {languages.map((language) => (
          <LanguageBox
            key={language}
            path={[...path, language]}
            language={language}
            value={typeof value === 'string' ? value : getAt(value, [language])}
            multiline={multiline}
            placeholder={placeholder?.(language)}
            label={t('form.inLanguage', { language: LANGUAGE_NAMES[language], code: language })}
            onText={(text) => edit(language, text)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LanguageBox(props: {
  path: Path;
  language: Language;
  value: unknown;
  multiline?: boolean;
  placeholder?: string;
  label: string;
  onText(text: string): void;
}): ComponentChildren {
  const { issues } = useForm();
  const p = pathText(props.path);
  const id = fieldId(p);
  const attrs = {
    id,
    lang: props.language,
    placeholder: props.placeholder,
    value: shown(props.value),
    ...described(issues, p, false),
    onInput: (e: { currentTarget: { value: string } }) => props.onText(e.currentTarget.value),
  };
  return (
    <div class="form-field">
      <label for={id}>{props.label}</label>
      {props.multiline ? <textarea rows={4} {...attrs} /> : <input type="text" {...attrs} />}
      <FieldIssues path={p} />
    </div>
  );
}

// The id a field's hint paragraph carries, for its control's aria-describedby.
const hintIdOf = (id: string, hint: string | undefined) => (hint ? `${id}-hint` : undefined);

/** A field's label and optional hint, above its control. */
function FieldHead({ id, label, hint }: { id: string; label: string; hint?: string }) {
  return (
    <div class="field-head">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintIdOf(id, hint)}>
          {hint}
        </p>
      )}
    </div>
  );
}
