// The work list's pure rules: the status of each language, and which kinds stay editable when.
import { translationEditable, versionsOf } from './translation-items.service';
import { TranslationItemRow } from './translation-items.repository';

const item = (translations: TranslationItemRow['translations'], originalLanguage = 'pl'): TranslationItemRow => ({
  kind: 'practice',
  id: 'p1',
  label: 'Punkt',
  context: 'Kraków',
  originalLanguage,
  originalChangedAt: new Date('2026-12-01T10:00:00Z'),
  submitted: true,
  translations,
});

describe('versionsOf', () => {
  it('says original, current, outdated or missing for each language, in the order asked', () => {
    const row = item([
      { language: 'en', outdated: true, providedAt: '2026-11-30T10:00:00Z', providedByName: 'Anna' },
      { language: 'uk', outdated: false, providedAt: '2026-12-02T10:00:00Z', providedByName: null },
    ]);
    expect(versionsOf(row, ['pl', 'en', 'uk', 'vi'])).toEqual([
      { language: 'pl', status: 'original', providedAt: null, providedByName: null },
      { language: 'en', status: 'outdated', providedAt: '2026-11-30T10:00:00Z', providedByName: 'Anna' },
      { language: 'uk', status: 'current', providedAt: '2026-12-02T10:00:00Z', providedByName: null },
      { language: 'vi', status: 'missing', providedAt: null, providedByName: null },
    ]);
  });

  it('takes the original’s language from the item, not Polish', () => {
    expect(versionsOf(item([], 'uk'), ['pl', 'uk']).map((version) => version.status)).toEqual(['missing', 'original']);
  });
});

describe('translationEditable', () => {
  it('closes every kind when scoring opens, except citations', () => {
    expect(translationEditable('practice', 'reportsOpen')).toBe(true);
    expect(translationEditable('practice', 'juryScoring')).toBe(false);
    expect(translationEditable('reportSummary', 'deliberation')).toBe(false);
    expect(translationEditable('categoryDescription', 'draft')).toBe(true);
    expect(translationEditable('categoryName', 'reportsOpen')).toBe(true);
    expect(translationEditable('categoryName', 'juryScoring')).toBe(false);
    expect(translationEditable('followUpNote', 'published')).toBe(false);
    expect(translationEditable('awardCitation', 'published')).toBe(true);
  });
});
