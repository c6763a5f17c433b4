// Forms the same way on every screen: fields with labels, hints and their own error messages; on a
// failed submit an error summary at the top (focused, linking to each field) with the translated
// reason. API field problems (`details: [{ field, problem }]`) land next to the field they name;
// problems about fields the form does not show are listed in the summary.
// The fields themselves are in form-fields.tsx, what the parts share in form-base.ts.
import { useCallback, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../api/errors';
import { describeError } from './error-text';
import { type FieldErrors, type FormErrors, fieldId, IdPrefix } from './form-base';

export { type FieldErrors, type FormErrors, fieldId } from './form-base';
export { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from './form-fields';

const NONE: FormErrors = { fields: {}, summary: null, attempt: 0 };

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
