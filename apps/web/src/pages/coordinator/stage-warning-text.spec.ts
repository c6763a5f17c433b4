import { describe, expect, it } from '@jest/globals';
import { createInstance } from 'i18next';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import uk from '../../i18n/locales/uk.json';
import { languageLabel, warningText } from './stage-warning-text';

const i18n = createInstance();
void i18n.init({ resources: { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } }, lng: 'pl', initAsync: false, interpolation: { escapeValue: false } });
const date = (value: unknown) => `<${String(value)}>`;

describe('stage warnings', () => {
  it('are translated by code, with plural forms and the names they carry', () => {
    const notStarted = (count: number, cities: string[]) => ({ code: 'reports_not_started' as const, message: '', params: { count, cities } });
    expect(warningText(i18n.getFixedT('pl'), notStarted(1, ['Kraków']), date)).toBe('1 miasto nie rozpoczęło raportu: Kraków.');
    expect(warningText(i18n.getFixedT('pl'), notStarted(2, ['Gdańsk', 'Kraków']), date)).toBe('2 miasta nie rozpoczęły raportu: Gdańsk, Kraków.');
    expect(warningText(i18n.getFixedT('uk'), notStarted(5, ['A', 'B', 'C', 'D', 'E']), date)).toBe('5 міст не розпочали звіт: A, B, C, D, E.');
    const ballots = { code: 'ballots_incomplete' as const, message: '', params: { count: 4, jurors: [] } };
    expect(warningText(i18n.getFixedT('en'), ballots, date)).toBe('4 jurors have not scored their whole ballots:');
    expect(warningText(i18n.getFixedT('pl'), ballots, date)).toBe('4 osoby z jury nie oceniły wszystkich praktyk:');
    const ahead = { code: 'reports_deadline_ahead' as const, message: '', params: { dueAt: '2027-01-04T11:00:00.000Z' } };
    expect(warningText(i18n.getFixedT('en'), ahead, date)).toBe('The reports deadline has not passed yet (<2027-01-04T11:00:00.000Z>).');
  });

  it('say which languages lack versions, by their own names', () => {
    const gaps = { code: 'translations_missing' as const, message: '', params: { count: 1, languages: [{ language: 'uk', missing: 1, total: 2 }] } };
    expect(warningText(i18n.getFixedT('uk'), gaps, date)).toBe(uk.stageWarnings.translations);
    expect(languageLabel(i18n.getFixedT('en'), 'uk')).toBe('Українська');
    expect(languageLabel(i18n.getFixedT('en'), 'vi')).toBe('vi');
  });

  it('fall back to the API’s message for a code this build does not know', () => {
    const unknown = { code: 'jury_absent', message: 'a juror is away', params: {} } as unknown as Parameters<typeof warningText>[1];
    expect(warningText(i18n.getFixedT('pl'), unknown, date)).toBe('a juror is away');
  });
});
