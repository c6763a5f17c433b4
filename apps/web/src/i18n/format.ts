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
  if (!date) return '';
  const text = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: EVENT_TIME_ZONE }).format(date);
  // Ukrainian dates end in the abbreviation "р." (рік): a sentence ending with one read "2026 р..".
  // The full word needs no full stop of its own.
  return text.replace(/ р\.$/, ' року');
}

export function formatDateTime(value: unknown, language: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: EVENT_TIME_ZONE }).format(date);
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

/** Binary units, as the API's limit is set (20 MiB); their symbols per language. */
const BINARY_UNITS: Record<string, [string, string, string]> = { pl: ['B', 'KiB', 'MiB'], en: ['B', 'KiB', 'MiB'], uk: ['Б', 'КіБ', 'МіБ'] };

/** A file size in the interface language: "820 KiB", "1,4 MiB". */
export function formatBytes(bytes: number, language: string): string {
  const [b, kib, mib] = BINARY_UNITS[toLanguage(language) ?? DEFAULT_LANGUAGE];
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), mib] : bytes >= 1024 ? [bytes / 1024, kib] : [bytes, b];
  const number = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: value < 10 && unit !== b ? 1 : 0 }).format(value);
  return `${number}\u00a0${unit}`;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      date: (value: unknown) => formatDate(value, language),
      dateTime: (value: unknown) => formatDateTime(value, language),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
      bytes: (value: number) => formatBytes(value, language),
      /** Scores and statistics: at most `digits` decimals. */
      decimal: (value: number, digits = 2) => formatNumber(value, language, { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 1) }),
    }),
    [language],
  );
}

/** Parts of a moment as a wall clock in Poland shows them. */
function warsawParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: EVENT_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An API time as the value of <input type="datetime-local">, in Polish time ("2026-12-23T23:59"). */
export function toWarsawInput(value: unknown): string {
  const date = toDate(value);
  if (!date) return '';
  const p = warsawParts(date);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A datetime-local value read as Polish time, as ISO 8601 with its offset ("2026-12-23T23:59:00+01:00"). */
export function fromWarsawInput(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment: guess, then correct once (right across DST changes).
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const p = warsawParts(new Date(instant));
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    instant -= shown - wall;
  }
  const offsetMinutes = Math.round((wall - instant) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
