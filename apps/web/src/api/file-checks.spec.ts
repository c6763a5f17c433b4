import { describe, expect, it } from '@jest/globals';
import { claimedKind, contentMatches, parseCsv } from './file-checks';

describe('evidence file checks', () => {
  it('accepts PDF, DOCX and ODT by name and type, nothing else', () => {
    expect(claimedKind({ name: 'raport.PDF', type: 'application/pdf' })).toBe('pdf');
    expect(claimedKind({ name: 'raport.docx', type: '' })).toBe('docx');
    expect(claimedKind({ name: 'raport.odt', type: 'application/vnd.oasis.opendocument.text' })).toBe('odt');
    expect(claimedKind({ name: 'raport.pdf', type: 'image/png' })).toBeNull();
    expect(claimedKind({ name: 'raport.doc', type: 'application/msword' })).toBeNull();
    expect(claimedKind({ name: 'raport', type: '' })).toBeNull();
  });

  it('looks at the first bytes as the API does', () => {
    expect(contentMatches('pdf', new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(contentMatches('pdf', new TextEncoder().encode('<html>'))).toBe(false);
    expect(contentMatches('docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(contentMatches('odt', new TextEncoder().encode('%PDF-'))).toBe(false);
  });
});

describe('CSV', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
    expect(parseCsv('one')).toEqual([['one']]);
  });
});
