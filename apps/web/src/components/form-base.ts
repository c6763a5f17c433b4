// What the form's parts share: the shape of its errors, and how a field's id is named (the form's
// prefix, so that several forms on one screen keep their ids apart).
import { createContext, useContext } from 'react';

export type FieldErrors = Record<string, string[]>;

export interface FormErrors {
  fields: FieldErrors;
  /** The language the messages were written in: after a switch they are dropped, not shown stale. */
  language?: string;
  summary: string | null;
  /** Bumped on each failed submit, so the summary takes focus again. */
  attempt: number;
}

/** Several forms on one screen each name their fields' ids with their own prefix (`<Form idPrefix>`). */
export const IdPrefix = createContext('field');

export function fieldId(name: string, prefix = 'field'): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function useFieldId(name: string): string {
  return fieldId(name, useContext(IdPrefix));
}
