// Dates and numbers per the interface language (Intl). Times of the programme's events are shown in
// Poland's time zone, where they happen, whatever the reader's own zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, toLanguage, DEFAULT_LANGUAGE } from './languages';

export const EVENT_TIME_ZONE = 'Europe/Warsaw';

export function intlLocale(language: string): string {
  return INTL_LOCALE[toLanguage(language) ?? DEFAULT_LANGUAGE];
}

/**
 * A time from the API (ISO 8601 text) as a Date. `unknown` on purpose: the OpenAPI document may type
 * a date field loosely; anything that is not a valid time gives null.
 */
export function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: unknown, language: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: EVENT_TIME_ZONE }).format(date) : '';
}

export function formatDateTime(value: unknown, language: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: EVENT_TIME_ZONE }).format(date);
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      date: (value: unknown) => formatDate(value, language),
      dateTime: (value: unknown) => formatDateTime(value, language),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
    }),
    [language],
  );
}
