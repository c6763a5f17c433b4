// A pasted list or CSV file of people (name, e-mail, city, role, language) read into rows, each
// with its line number. The header row is optional: when the first row names the columns (in
// English, Polish or Ukrainian), columns go by name and may come in any order; else by position.
import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '@app/core';
import { BULK_MAX_ITEMS, PersonRowDto } from './dto/bulk.dto';

export type PersonField = keyof PersonRowDto;
export const PERSON_COLUMNS: readonly PersonField[] = ['name', 'email', 'city', 'role', 'language'];

/** Header names per column, compared lower-case without spaces. */
const HEADER_NAMES: Record<PersonField, readonly string[]> = {
  name: ['name', 'fullname', 'imięinazwisko', 'imię', 'nazwa', 'імʼя', "ім'я", 'імя', 'піб'],
  email: ['email', 'e-mail', 'mail', 'adrese-mail', 'пошта', 'електроннапошта'],
  city: ['city', 'miasto', 'місто'],
  role: ['role', 'rola', 'роль'],
  language: ['language', 'lang', 'locale', 'język', 'jezyk', 'мова'],
};

export interface CsvPersonRow {
  line: number;
  row: Partial<Record<PersonField, string>>;
}

const headerField = (cell: string): PersonField | undefined => {
  const key = cell.toLowerCase().replace(/\s+/g, '');
  return PERSON_COLUMNS.find((field) => HEADER_NAMES[field].includes(key));
};

/** The separator of the first line: semicolons (a spreadsheet in a Polish locale), tabs (pasted from one), else commas. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const count = (separator: string) => firstLine.split(separator).length - 1;
  return [';', '\t', ','].reduce((best, separator) => (count(separator) > count(best) ? separator : best), ',');
}

export function parsePeopleCsv(text: string): CsvPersonRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info, each record comes as { record, info } (the library's types do not say so).
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidInputError('csv', `cannot be read: ${(error as Error).message}`);
  }
  const nonBlank = records.filter(({ record }) => record.some((cell) => cell !== ''));
  if (nonBlank.length === 0) throw new InvalidInputError('csv', 'holds no rows');
  const headerFields = nonBlank[0].record.map(headerField);
  const hasHeader = headerFields.includes('email');
  const columns = hasHeader ? headerFields : PERSON_COLUMNS;
  const rows = hasHeader ? nonBlank.slice(1) : nonBlank;
  if (rows.length === 0) throw new InvalidInputError('csv', 'holds a header row and no people');
  if (rows.length > BULK_MAX_ITEMS) throw new InvalidInputError('csv', `must hold at most ${BULK_MAX_ITEMS} rows (it holds ${rows.length})`);
  return rows.map(({ record, info }) => {
    const row: Partial<Record<PersonField, string>> = {};
    record.forEach((cell, index) => {
      const field = columns[index];
      if (field && cell !== '') row[field] = cell;
    });
    return { line: info.lines, row };
  });
}
