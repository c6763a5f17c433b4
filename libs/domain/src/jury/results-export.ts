// Results for people, not programs: the ranking and the raw scores as an XLSX workbook (exceljs) and
// the raw scores as CSV that Excel opens right (UTF-8 BOM), with names instead of ids, headers in the
// reader's language and local times (Europe/Warsaw). The long machine CSV stays in csv.ts.
import type ExcelJSModule from 'exceljs';
import { CRITERIA, CRITERION_TEXT } from './criteria';
import { csvField, ScoreCsvRow } from './csv';
import { BallotLanguage, ResultMethod, ResultRow } from './dto/jury.dto';

// exceljs (with jszip, archiver and unzipper) loads with the first workbook, not at start: it kept
// ~9 MiB in the API's idle heap for a download a coordinator makes a few times per edition.
let exceljs: typeof ExcelJSModule | undefined;
const ExcelJS = () => (exceljs ??= require('exceljs') as typeof ExcelJSModule);

export const EXPORT_TIME_ZONE = 'Europe/Warsaw';

interface ExportLabels {
  rankingSheet: string;
  scoresSheet: string;
  method: Record<ResultMethod, string>;
  rank: string;
  practice: string;
  city: string;
  score: string;
  jurors: string;
  stddev: string;
  meanOf: (criterion: string) => string;
  year: string;
  juror: string;
  counted: string;
  comment: string;
  updatedAt: string;
  yes: string;
  no: string;
  noScores: string;
}

const LABELS: Record<BallotLanguage, ExportLabels> = {
  pl: {
    rankingSheet: 'Ranking',
    scoresSheet: 'Oceny',
    method: { mean: 'średnia ważona', median: 'mediana', zscore: 'wynik standaryzowany (z)', borda: 'metoda Bordy' },
    rank: 'Miejsce',
    practice: 'Praktyka',
    city: 'Miasto',
    score: 'Wynik',
    jurors: 'Liczba ocen (n)',
    stddev: 'Odchylenie standardowe',
    meanOf: (criterion) => `${criterion} – średnia`,
    year: 'Edycja',
    juror: 'Juror(ka)',
    counted: 'Liczona',
    comment: 'Komentarz',
    updatedAt: 'Ostatnia zmiana (czas polski)',
    yes: 'tak',
    no: 'nie',
    noScores: 'brak ocen',
  },
  en: {
    rankingSheet: 'Ranking',
    scoresSheet: 'Scores',
    method: { mean: 'weighted mean', median: 'median', zscore: 'standardised score (z)', borda: 'Borda count' },
    rank: 'Rank',
    practice: 'Practice',
    city: 'City',
    score: 'Score',
    jurors: 'Scores (n)',
    stddev: 'Standard deviation',
    meanOf: (criterion) => `${criterion} – mean`,
    year: 'Edition',
    juror: 'Juror',
    counted: 'Counted',
    comment: 'Comment',
    updatedAt: 'Last changed (Polish time)',
    yes: 'yes',
    no: 'no',
    noScores: 'no scores',
  },
  uk: {
    rankingSheet: 'Рейтинг',
    scoresSheet: 'Оцінки',
    method: { mean: 'зважене середнє', median: 'медіана', zscore: 'стандартизована оцінка (z)', borda: 'метод Борда' },
    rank: 'Місце',
    practice: 'Практика',
    city: 'Місто',
    score: 'Результат',
    jurors: 'Кількість оцінок (n)',
    stddev: 'Стандартне відхилення',
    meanOf: (criterion) => `${criterion} – середнє`,
    year: 'Випуск',
    juror: 'Член журі',
    counted: 'Враховано',
    comment: 'Коментар',
    updatedAt: 'Остання зміна (час у Польщі)',
    yes: 'так',
    no: 'ні',
    noScores: 'немає оцінок',
  },
};

const criterionName = (criterion: (typeof CRITERIA)[number], lang: BallotLanguage) => CRITERION_TEXT[criterion][lang].name;

/** "2026-12-07 10:15" in Warsaw time: what a spreadsheet shows and sorts as written. */
export function warsawTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: EXPORT_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

type Cell = string | number | null;

/** The ranking sheet: rank only where a practice has scores (unscored practices are not ranked). */
export function rankingTable(items: readonly ResultRow[], lang: BallotLanguage): { header: string[]; rows: Cell[][] } {
  const labels = LABELS[lang];
  const header = [labels.rank, labels.practice, labels.city, labels.score, labels.jurors, labels.stddev, ...CRITERIA.map((c) => labels.meanOf(criterionName(c, lang)))];
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 1000);
  const rows = items.map((item) => [
    item.n > 0 ? item.rank : labels.noScores,
    item.title,
    item.cityName,
    round(item.score),
    item.n,
    round(item.stddev),
    ...CRITERIA.map((c) => round(item.perCriterion[c])),
  ]);
  return { header, rows };
}

/** The raw scores: one row per juror × practice, the four criteria side by side. */
export function scoresTable(scores: readonly ScoreCsvRow[], lang: BallotLanguage): { header: string[]; rows: Cell[][] } {
  const labels = LABELS[lang];
  const header = [labels.year, labels.practice, labels.city, labels.juror, ...CRITERIA.map((c) => criterionName(c, lang)), labels.counted, labels.comment, labels.updatedAt];
  const rows = scores.map((row) => [
    row.year,
    row.title,
    row.city,
    row.juror,
    ...CRITERIA.map((c) => row.values[c] ?? null),
    row.counted ? labels.yes : labels.no,
    row.comment ?? '',
    warsawTime(row.updated_at),
  ]);
  return { header, rows };
}

/** The score table as CSV for spreadsheets: BOM first, so Excel reads Polish and Cyrillic letters. */
export function peopleCsv(table: { header: string[]; rows: Cell[][] }): string {
  const line = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
  return `\uFEFF${line(table.header)}${table.rows.map(line).join('')}`;
}

export async function resultsWorkbook(input: { method: ResultMethod; items: readonly ResultRow[]; scores: readonly ScoreCsvRow[]; lang: BallotLanguage }): Promise<Buffer> {
  const labels = LABELS[input.lang];
  const workbook = new (ExcelJS().Workbook)();
  workbook.creator = 'Open Cities';
  const addSheet = (name: string, table: { header: string[]; rows: Cell[][] }, title?: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: title ? 2 : 1 }] });
    if (title) sheet.addRow([title]).font = { italic: true };
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.header[i], ...table.rows.map((row) => row[i])].map((cell) => String(cell ?? '').length));
      column.width = Math.min(60, Math.max(8, widest + 2));
    });
  };
  addSheet(labels.rankingSheet, rankingTable(input.items, input.lang), `${labels.score}: ${labels.method[input.method]}`);
  addSheet(labels.scoresSheet, scoresTable(input.scores, input.lang));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
