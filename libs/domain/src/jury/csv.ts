// The score export as RFC 4180 CSV: the header, the lines of a batch of scores, and the field rule
// that keeps a spreadsheet from running a value as a formula. Pure; ResultsService streams the batches.
import { CRITERIA } from './criteria';

/** Columns of the export, one line per juror × practice × criterion. */
export const SCORE_CSV_COLUMNS = [
  'edition_year', 'practice_id', 'practice_title', 'city', 'juror_id', 'juror_name', 'criterion', 'value', 'counted', 'comment', 'updated_at',
] as const;

export const SCORE_CSV_HEADER = `${SCORE_CSV_COLUMNS.join(',')}\r\n`;

/** One stored score as the export query reads it. */
export interface ScoreCsvRow {
  year: number;
  practice_id: string;
  title: string;
  city: string;
  juror_id: string;
  juror: string;
  counted: boolean;
  comment: string | null;
  updated_at: Date;
  values: Record<string, number>;
}

/** The CSV lines of a batch of scores, each ending in CRLF. */
export function scoreCsvLines(rows: readonly ScoreCsvRow[]): string {
  let chunk = '';
  for (const row of rows) {
    for (const criterion of CRITERIA) {
      const fields = [row.year, row.practice_id, row.title, row.city, row.juror_id, row.juror, criterion, row.values[criterion], row.counted, row.comment ?? '', row.updated_at.toISOString()];
      chunk += `${fields.map(csvField).join(',')}\r\n`;
    }
  }
  return chunk;
}

/**
 * RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab or CR first; OWASP "CSV injection") is
 * prefixed with '.
 */
export function csvField(value: unknown): string {
  let text = String(value ?? '');
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
