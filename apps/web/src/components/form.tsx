// Forms the same way on every screen: fields with labels, hints and their own error messages; on a
// failed submit an error summary at the top (focused, linking to each field) with the translated
// reason. API field problems (`details: [{ field, problem }]`) land next to the field they name;
// problems about fields the form does not show are listed in the summary.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../api/errors';
import { describeError } from './error-text';

export type FieldErrors = Record<string, string[]>;

export interface FormErrors {
  fields: FieldErrors;
  /** The language the messages were written in: after a switch they are dropped, not shown stale. */
  language?: string;
  summary: string | null;
  /** Bumped on each failed submit, so the summary takes focus again. */
  attempt: number;
}

const NONE: FormErrors = { fields: {}, summary: null, attempt: 0 };

/** Several forms on one screen each name their fields' ids with their own prefix (`<Form idPrefix>`). */
const IdPrefix = createContext('field');

export function fieldId(name: string, prefix = 'field'): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function useFieldId(name: string): string {
  return fieldId(name, useContext(IdPrefix));
}

/**
 * Form state for submitting to the API: `submit(check, action)` runs the client-side checks, then the
 * call; a thrown ApiError fills the summary and the field errors.
 */
export function useApiForm() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const [busy, setBusy] = useState(false);

  const fail = useCallback(
    (summary: string | null, fields: FieldErrors) =>
      setErrors((previous) => ({ fields, summary, attempt: previous.attempt + 1, language: i18n.language })),
    [i18n],
  );

  const submit = useCallback(
    /** `byStatus`: this form's own wording for some statuses (a 401 at sign-in means wrong credentials). */
    async (check: () => FieldErrors, action: () => Promise<void>, byStatus: Partial<Record<number, string>> = {}) => {
      const problems = check();
      if (Object.keys(problems).length > 0) {
        fail(null, problems);
        return;
      }
      setBusy(true);
      try {
        await action();
        setErrors(NONE);
      } catch (error) {
        if (isAbort(error)) return;
        const fields = error instanceof ApiError ? error.fieldErrors() : {};
        const own = error instanceof ApiError ? byStatus[error.status] : undefined;
        fail(own ?? describeError(t, error, (key) => i18n.exists(key)), fields);
      } finally {
        setBusy(false);
      }
    },
    [fail, t, i18n],
  );

  return { errors: errors.language === i18n.language ? errors : NONE, busy, submit, clear: () => setErrors(NONE) };
}

interface ErrorSummaryProps {
  errors: FormErrors;
  /** Labels of the form's fields, by API field name: the summary links to these. */
  labels: Record<string, string>;
  /** The form's `idPrefix`, when the summary stands outside it. */
  idPrefix?: string;
}

export function ErrorSummary({ errors, labels, idPrefix }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const contextPrefix = useContext(IdPrefix);
  const prefix = idPrefix ?? contextPrefix;
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const visible = errors.summary !== null || entries.length > 0;

  useEffect(() => {
    if (visible) box.current?.focus();
  }, [errors.attempt, visible]);

  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('form.problemTitle')}
      </h2>
      {errors.summary && <p>{errors.summary}</p>}
      {entries.length > 0 && (
        <ul className="error-summary__list">
          {entries.map(([field, problems]) =>
            problems.map((problem, index) => (
              <li key={`${field}-${index}`}>
                {field in labels ? (
                  <a
                    href={`#${fieldId(field, prefix)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const target = document.getElementById(fieldId(field, prefix));
                      // A group of choices: its first choice takes focus.
                      (target instanceof HTMLFieldSetElement ? target.querySelector('input') : target)?.focus();
                    }}
                  >
                    {labels[field]}: {problem}
                  </a>
                ) : (
                  <>
                    <code>{field}</code>: {problem}
                  </>
                )}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange'> {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: FieldErrors;
  /** Says "(optional)" after the label; for forms whose other fields are required. */
  markOptional?: boolean;
}

export function TextField({ name, label, value, onChange, hint, errors, markOptional, className, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useFieldId(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problems = errors?.[name] ?? [];
  const describedBy = [hint ? hintId : null, problems.length > 0 ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problems.length > 0 ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {markOptional && <span className="field__optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {problems.join(' ')}
        </p>
      )}
      <input
        {...input}
        className={['input', className].filter(Boolean).join(' ')}
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  errors?: FieldErrors;
  hint?: ReactNode;
  disabled?: boolean;
}

export function SelectField({ name, label, value, onChange, options, errors, hint, disabled }: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useFieldId(name);
  const problems = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problems.length > 0 ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {problems.join(' ')}
        </p>
      )}
      <select
        className="select"
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onChange'> {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: FieldErrors;
  markOptional?: boolean;
}

export function TextAreaField({ name, label, value, onChange, hint, errors, markOptional, className, rows = 5, ...textarea }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const id = useFieldId(name);
  const problems = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problems.length > 0 ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {markOptional && <span className="field__optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {problems.join(' ')}
        </p>
      )}
      <textarea
        {...textarea}
        rows={rows}
        className={['textarea', className].filter(Boolean).join(' ')}
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

interface ChoiceGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  hint?: ReactNode;
  errors?: FieldErrors;
  /** Inline: the choices side by side (a scale), else one per line. */
  inline?: boolean;
  /** A scale's meaning at its two ends, shown under the row (the choices then hold just their numbers). */
  ends?: [ReactNode, ReactNode];
  markOptional?: boolean;
}

/** Check boxes in a fieldset: several values. The fieldset carries the field's id, for the error summary. */
export function CheckboxGroup({ value, onChange, ...group }: ChoiceGroupProps & { value: string[]; onChange: (value: string[]) => void }) {
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      checked={(option) => value.includes(option)}
      onToggle={(option, on) => onChange(on ? [...value, option] : value.filter((v) => v !== option))}
    />
  );
}

/** Radio buttons in a fieldset: one value. */
export function RadioGroup({ value, onChange, ...group }: ChoiceGroupProps & { value: string; onChange: (value: string) => void }) {
  return <ChoiceGroup {...group} type="radio" checked={(option) => value === option} onToggle={(option) => onChange(option)} />;
}

function ChoiceGroup({
  name,
  legend,
  options,
  hint,
  errors,
  inline,
  ends,
  markOptional,
  type,
  checked,
  onToggle,
}: ChoiceGroupProps & { type: 'checkbox' | 'radio'; checked: (value: string) => boolean; onToggle: (value: string, on: boolean) => void }) {
  const { t } = useTranslation();
  const id = useFieldId(name);
  const problems = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={['field', 'choices', inline ? 'choices--inline' : null, problems.length > 0 ? 'field--error' : null].filter(Boolean).join(' ')}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
      aria-invalid={problems.length > 0 || undefined}
    >
      <legend className="field__label">
        {legend}
        {markOptional && <span className="field__optional"> {t('form.optional')}</span>}
      </legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {problems.join(' ')}
        </p>
      )}
      <div className="choices__options">
        {options.map((option) => {
          const optionId = `${id}-${option.value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <div key={option.value} className="choice">
              <input
                className="choice__input"
                type={type}
                id={optionId}
                name={`${id}-choice`}
                value={option.value}
                checked={checked(option.value)}
                onChange={(event) => onToggle(option.value, event.target.checked)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label className="choice__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <p className="choice__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {ends && (
        // Read with each end's choice already (its label); shown here so the row stays one row.
        <p className="choices__ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </p>
      )}
    </fieldset>
  );
}

interface FormProps {
  onSubmit: () => void;
  children: ReactNode;
  label?: string;
  role?: 'search';
  /** Ids of this form's fields start with it: needed when a screen holds several forms. */
  idPrefix?: string;
  className?: string;
}

/** noValidate: our messages (translated, next to the field) replace the browser's bubbles. */
export function Form({ onSubmit, children, label, role, idPrefix, className }: FormProps) {
  const labelId = useId();
  const inherited = useContext(IdPrefix);
  return (
    <IdPrefix.Provider value={idPrefix ?? inherited}>
      <form
        noValidate
        role={role}
        className={className}
        aria-labelledby={label ? labelId : undefined}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {label && (
          <h2 id={labelId} className="visually-hidden">
            {label}
          </h2>
        )}
        {children}
      </form>
    </IdPrefix.Provider>
  );
}

export function SubmitButton({ busy, children, secondary }: { busy: boolean; children: ReactNode; secondary?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={secondary ? 'button button--secondary' : 'button'} aria-disabled={busy || undefined} disabled={busy}>
      {busy ? t('form.working') : children}
    </button>
  );
}

/** "One per line" text fields (recipient units, links) to and from lists. */
export const lines = {
  toList: (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  fromList: (list: readonly string[] | null | undefined) => (list ?? []).join('\n'),
};

/** Client-side checks with translated messages; the API checks again. */
export const checks = {
  required: (value: string) => value.trim().length > 0,
  email: (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()),
  minLength: (value: string, length: number) => [...value].length >= length,
};
