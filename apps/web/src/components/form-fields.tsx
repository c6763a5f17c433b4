// The form's fields: text, select, text area, and groups of check boxes or radio buttons, each with
// its label, hint and its own error messages, its id named by the form (see form-base).
import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, useFieldId } from './form-base';

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
  markOptional?: boolean;
  /** A scale's meaning at its two ends, shown under the row (the choices then hold just their numbers). */
  ends?: [ReactNode, ReactNode];
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
  markOptional,
  ends,
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
