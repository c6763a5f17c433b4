import { CRITERIA } from './criteria';
import { csvField, SCORE_CSV_COLUMNS, SCORE_CSV_HEADER, ScoreCsvRow, scoreCsvLines } from './csv';

/** A strict RFC 4180 reader: every record must end in CRLF, every quoted field must close. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (text[i] === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

const row = (overrides: Partial<ScoreCsvRow> = {}): ScoreCsvRow => ({
  year: 2026,
  practice_id: '11111111-1111-4111-8111-111111111111',
  title: 'Punkt informacyjny, "Dzień dobry"',
  city: 'Łódź',
  juror_id: '22222222-2222-4222-8222-222222222222',
  juror: 'Olena K.',
  counted: true,
  comment: null,
  updated_at: new Date('2026-03-01T10:00:00.000Z'),
  values: { comprehensiveness: 5, longTerm: 4, governmentEngagement: 3, effectiveness: 2 },
  ...overrides,
});

describe('csvField (RFC 4180)', () => {
  it('leaves plain fields alone, Polish letters included', () => {
    expect(csvField('Łódź')).toBe('Łódź');
    expect(csvField(5)).toBe('5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('quotes fields with commas, quotes or line breaks and doubles every inner quote', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "tak" and "nie"')).toBe('"say ""tak"" and ""nie"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  // OWASP, "CSV Injection": a cell starting with =, +, -, @, tab or carriage return may run as a formula.
  it.each([
    ['=', '=1+2', "'=1+2"],
    ['+', '+48 123', "'+48 123"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
  ])('defuses text starting with %s', (_name, text, expected) => {
    expect(csvField(text)).toBe(expected);
  });

  it('defuses a leading CR and still quotes the field', () => {
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('defuses and quotes a formula holding quotes', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('leaves numbers, and text with the characters further in, as they are', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('a-b+c@d')).toBe('a-b+c@d');
    expect(csvField(' =1')).toBe(' =1');
  });
});

describe('score export lines', () => {
  it('has the header of the documented columns', () => {
    expect(parseCsv(SCORE_CSV_HEADER)).toEqual([[...SCORE_CSV_COLUMNS]]);
    expect(SCORE_CSV_COLUMNS).toHaveLength(11);
  });

  it('writes one whole record per criterion of each score, in order, and nothing else', () => {
    const second = row({ juror: '=cmd|calc', comment: 'Świetne, ale\r\n"drogie"', counted: false, values: { comprehensiveness: 1, longTerm: 2, governmentEngagement: 3, effectiveness: 4 } });
    const text = scoreCsvLines([row(), second]);
    const records = parseCsv(text);
    expect(records).toHaveLength(2 * CRITERIA.length);
    expect(records[0]).toEqual([
      '2026', '11111111-1111-4111-8111-111111111111', 'Punkt informacyjny, "Dzień dobry"', 'Łódź', '22222222-2222-4222-8222-222222222222', 'Olena K.',
      'comprehensiveness', '5', 'true', '', '2026-03-01T10:00:00.000Z',
    ]);
    expect(records.slice(0, 4).map((r) => [r[6], r[7]])).toEqual([['comprehensiveness', '5'], ['longTerm', '4'], ['governmentEngagement', '3'], ['effectiveness', '2']]);
    expect(records[4]).toEqual([
      '2026', '11111111-1111-4111-8111-111111111111', 'Punkt informacyjny, "Dzień dobry"', 'Łódź', '22222222-2222-4222-8222-222222222222', "'=cmd|calc",
      'comprehensiveness', '1', 'false', 'Świetne, ale\r\n"drogie"', '2026-03-01T10:00:00.000Z',
    ]);
    expect(text.startsWith('2026,')).toBe(true);
    expect(text.endsWith('2026-03-01T10:00:00.000Z\r\n')).toBe(true);
  });

  it('writes nothing for an empty batch', () => {
    expect(scoreCsvLines([])).toBe('');
  });
});
