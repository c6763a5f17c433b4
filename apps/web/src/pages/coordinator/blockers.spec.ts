import { describe, expect, it } from '@jest/globals';
import { createInstance } from 'i18next';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import { blockerText } from './blockers';

const i18n = createInstance();
void i18n.init({ resources: { pl: { translation: pl }, en: { translation: en } }, lng: 'pl', initAsync: false, interpolation: { escapeValue: false } });

describe('transition blockers', () => {
  it('are translated by code, with the numbers they carry', () => {
    const t = i18n.getFixedT('pl');
    expect(blockerText(t, { code: 'no_category', message: 'add at least one category' })).toBe(pl.blockers.category);
    expect(blockerText(t, { code: 'unchecked_practices', message: '3 submitted practice(s) still need an eligibility decision', params: { count: 3 } })).toBe(
      '3 złożone praktyki czekają na decyzję o kwalifikacji.',
    );
    expect(blockerText(i18n.getFixedT('en'), { code: 'too_few_jurors', message: 'assign at least 3 jurors (now 1)', params: { now: 1, required: 3 } })).toBe(
      'Assign at least 3 jurors (now 1).',
    );
  });

  it('fall back to the API’s message for a code this build does not know', () => {
    const unknown = { code: 'no_venue', message: 'set the ceremony venue' } as unknown as Parameters<typeof blockerText>[1];
    expect(blockerText(i18n.getFixedT('pl'), unknown)).toBe('set the ceremony venue');
  });
});
