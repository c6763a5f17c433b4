import { describe, expect, it } from '@jest/globals';
import { detectLanguage, toLanguage } from './languages';

describe('interface language', () => {
  it('maps BCP 47 tags to the three languages', () => {
    expect(toLanguage('pl-PL')).toBe('pl');
    expect(toLanguage('en_GB')).toBe('en');
    expect(toLanguage('uk-UA')).toBe('uk');
    expect(toLanguage('ua')).toBe('uk');
    expect(toLanguage('de-DE')).toBeNull();
    expect(toLanguage('')).toBeNull();
  });

  it('prefers the stored choice, then the browser, then Polish', () => {
    expect(detectLanguage('en', ['uk-UA'])).toBe('en');
    expect(detectLanguage(null, ['de-DE', 'uk-UA', 'en'])).toBe('uk');
    expect(detectLanguage('xx', ['fr-FR'])).toBe('pl');
    expect(detectLanguage(null, [])).toBe('pl');
  });
});
