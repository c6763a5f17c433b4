// Forms the same way on every screen: fields with labels, hints and their own error messages; on a
// failed submit an error summary at the top (focused, linking to each field) with the translated
// reason. API field problems (`details: [{ field, problem }]`) land next to the field they name;
// problems about fields the form does not show are listed in the summary.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
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

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
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
}

export function ErrorSummary({ errors, labels }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const visible = errors.summary !== null || entries.length > 0;

  useEffect(() => {
    if (visible) box.current?.focus();
  }, [errors.attempt, visible]);

  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
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
                    href={`#${fieldId(field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(field))?.focus();
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
  const id = fieldId(name);
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
}

export function SelectField({ name, label, value, onChange, options, errors }: SelectFieldProps) {
  const id = fieldId(name);
  const problems = errors?.[name] ?? [];
  return (
    <div className={problems.length > 0 ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {problems.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {problems.join(' ')}
        </p>
      )}
      <select
        className="select"
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? `${id}-error` : undefined}
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

interface FormProps {
  onSubmit: () => void;
  children: ReactNode;
  label?: string;
  role?: 'search';
}

/** noValidate: our messages (translated, next to the field) replace the browser's bubbles. */
export function Form({ onSubmit, children, label, role }: FormProps) {
  const labelId = useId();
  return (
    <form
      noValidate
      role={role}
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
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined} disabled={busy}>
      {busy ? t('form.working') : children}
    </button>
  );
}

/** Client-side checks with translated messages; the API checks again. */
export const checks = {
  required: (value: string) => value.trim().length > 0,
  email: (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()),
  minLength: (value: string, length: number) => [...value].length >= length,
};
