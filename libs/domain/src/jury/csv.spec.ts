import { csvField } from './results.service';

describe('csvField (RFC 4180)', () => {
  it('leaves plain fields alone, Polish letters included', () => {
    expect(csvField('Łódź')).toBe('Łódź');
    expect(csvField(5)).toBe('5');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "tak"')).toBe('"say ""tak"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });
});
