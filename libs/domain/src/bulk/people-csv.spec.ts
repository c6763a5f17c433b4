import { parsePeopleCsv } from './people-csv';

describe('parsePeopleCsv', () => {
  it('reads rows by position without a header, with their line numbers', () => {
    expect(parsePeopleCsv('Anna Nowak,anna@example.org,Lublin,expert,pl\n\nJan Kos,jan@example.org,,juror,\n')).toEqual([
      { line: 1, row: { name: 'Anna Nowak', email: 'anna@example.org', city: 'Lublin', role: 'expert', language: 'pl' } },
      { line: 3, row: { name: 'Jan Kos', email: 'jan@example.org', role: 'juror' } },
    ]);
  });

  it('reads columns by a header in any order and language, semicolons and a BOM', () => {
    const text = '\ufeffRola;E-mail;Imię i nazwisko;Miasto;Język\r\njuror;"o@example.org";"Olha, Ivanenko";Kraków;uk\r\n';
    expect(parsePeopleCsv(text)).toEqual([{ line: 2, row: { role: 'juror', email: 'o@example.org', name: 'Olha, Ivanenko', city: 'Kraków', language: 'uk' } }]);
  });

  it('reads tab-separated text pasted from a spreadsheet', () => {
    expect(parsePeopleCsv('name\temail\trole\nAnna\ta@example.org\texpert')).toEqual([{ line: 2, row: { name: 'Anna', email: 'a@example.org', role: 'expert' } }]);
  });

  it('refuses text it cannot read, an empty list, a header alone and more than 500 rows, naming csv', () => {
    expect(() => parsePeopleCsv('a,"b\nc')).toThrow(/^csv cannot be read/);
    expect(() => parsePeopleCsv(' \n\n')).toThrow('csv holds no rows');
    expect(() => parsePeopleCsv('name,email\n')).toThrow('csv holds a header row and no people');
    const many = Array.from({ length: 501 }, (_, i) => `P${i},p${i}@example.org,,juror`).join('\n');
    expect(() => parsePeopleCsv(many)).toThrow('csv must hold at most 500 rows (it holds 501)');
    expect(parsePeopleCsv(many.split('\n').slice(0, 500).join('\n'))).toHaveLength(500);
  });
});
