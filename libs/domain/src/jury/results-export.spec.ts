import { peopleCsv, rankingTable, scoresTable, warsawTime } from './results-export';

const row = (over: Partial<{ rank: number; n: number; score: number | null }>) => ({
  practiceId: 'p', cityId: 'c', cityName: 'Łódź', title: 'Punkt informacyjny', score: 4.25, rank: 1, n: 3, stddev: 0.5,
  perCriterion: { comprehensiveness: 4, longTerm: 4.5, governmentEngagement: 4, effectiveness: 4.5 }, ...over,
});

describe('results export for people', () => {
  it('ranks only scored practices', () => {
    const { rows } = rankingTable([row({}), row({ rank: 1, n: 0, score: null })], 'pl');
    expect(rows.map((r) => r[0])).toEqual([1, 'brak ocen']);
  });

  it('writes times in Warsaw time, winter and summer', () => {
    expect(warsawTime(new Date('2015-04-30T21:59:00Z'))).toBe('2015-04-30 23:59');
    expect(warsawTime(new Date('2026-12-07T09:15:00Z'))).toBe('2026-12-07 10:15');
  });

  it('starts the CSV with a BOM, names the criteria in the reader’s language and defuses formulas', () => {
    const table = scoresTable(
      [{ year: 2015, practice_id: 'p', title: 'Punkt', city: 'Lublin', juror_id: 'j', juror: '=HYPERLINK()', counted: false, comment: 'a, "b"', updated_at: new Date('2015-04-01T10:00:00Z'), values: { comprehensiveness: 4, longTerm: 3, governmentEngagement: 5, effectiveness: 2 } }],
      'en',
    );
    const csv = peopleCsv(table);
    expect(csv.startsWith('\uFEFFEdition,Practice,City,Juror,Comprehensiveness,Long-term character,')).toBe(true);
    expect(csv).toContain(`2015,Punkt,Lublin,'=HYPERLINK(),4,3,5,2,no,"a, ""b""",2015-04-01 12:00\r\n`);
  });
});
