// Dates and numbers per the interface language (Intl). Times of the programme's events are shown in
// Poland's time zone, where they happen, whatever the reader's own zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, toLanguage, DEFAULT_LANGUAGE } from './languages';

export const EVENT_TIME_ZONE = 'Europe/Warsaw';

export function intlLocale(language: string): string {
  return INTL_LOCALE[toLanguage(language) ?? DEFAULT_LANGUAGE];
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: EVENT_TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: EVENT_TIME_ZONE,
  }).format(new Date(iso));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      date: (iso: string) => formatDate(iso, language),
      dateTime: (iso: string) => formatDateTime(iso, language),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
    }),
    [language],
  );
}
