// A deadline with the time left, in the interface language ("in 27 days", "za 3 godziny"), updated
// each minute. Not a live region: a screen reader hears it when it reads the page, not every minute.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, toDate, useFormat } from '../i18n/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The largest unit that reads naturally: days over two days, hours over two hours, else minutes. */
export function timeLeft(ms: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'always' });
  if (ms >= 2 * DAY) return format.format(Math.floor(ms / DAY), 'day');
  if (ms >= 2 * HOUR) return format.format(Math.floor(ms / HOUR), 'hour');
  return format.format(Math.max(1, Math.ceil(ms / MINUTE)), 'minute');
}

export function useNow(interval = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), interval);
    return () => window.clearInterval(timer);
  }, [interval]);
  return now;
}

interface DeadlineProps {
  /** The deadline from the API (ISO 8601); nothing shown when unset. */
  at: unknown;
  /** Which deadline: the sentence says "Reports are due …" or "Scoring closes …". */
  kind: 'reports' | 'scoring';
}

export function Deadline({ at, kind: label }: DeadlineProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const date = toDate(at);
  if (!date) return <p className="deadline">{t(`deadline.${label}None`)}</p>;
  const left = date.getTime() - now;
  const soon = left > 0 && left < 3 * DAY;
  return (
    <p className={left <= 0 ? 'deadline deadline--passed' : soon ? 'deadline deadline--soon' : 'deadline'}>
      {left <= 0
        ? t(`deadline.${label}Passed`, { when: format.dateTime(date) })
        : t(`deadline.${label}`, { when: format.dateTime(date), left: timeLeft(left, i18n.language) })}
    </p>
  );
}
