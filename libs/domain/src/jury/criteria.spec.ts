import { snakeCase } from '@app/core/database/snake-naming.strategy';
import { CRITERIA, CRITERION_COLUMN, CRITERION_TEXT, CriteriaValues, weightedScore } from './criteria';

const equal: CriteriaValues = { comprehensiveness: 1, longTerm: 1, governmentEngagement: 1, effectiveness: 1 };
const scores: CriteriaValues = { comprehensiveness: 5, longTerm: 1, governmentEngagement: 2, effectiveness: 4 };

describe('scoring criteria', () => {
  it('are the four qualities of the programme, in ballot order', () => {
    expect(CRITERIA).toEqual(['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness']);
  });

  it('are stored in the snake_case column of their name', () => {
    for (const criterion of CRITERIA) expect(CRITERION_COLUMN[criterion]).toBe(snakeCase(criterion));
    expect(Object.keys(CRITERION_COLUMN)).toEqual([...CRITERIA]);
  });

  it.each(['pl', 'en', 'uk'] as const)('have a distinct name and a question for jurors in %s', (language) => {
    const texts = CRITERIA.map((criterion) => CRITERION_TEXT[criterion][language]);
    for (const { name, question } of texts) {
      expect(name.trim().length).toBeGreaterThan(3);
      expect(question.trim().length).toBeGreaterThan(20);
      expect(question.endsWith('?')).toBe(true);
    }
    expect(new Set(texts.map((text) => text.name)).size).toBe(CRITERIA.length);
    expect(new Set(texts.map((text) => text.question)).size).toBe(CRITERIA.length);
  });

  it('are told in each language in its own words', () => {
    for (const criterion of CRITERIA) {
      const { pl, en, uk } = CRITERION_TEXT[criterion];
      expect(new Set([pl.name, en.name, uk.name]).size).toBe(3);
      expect(uk.name).toMatch(/[а-яіїєґ]/i);
      expect(en.name).toMatch(/^[A-Za-z -]+$/);
    }
  });
});

describe('weighted score v = Σ w·x / Σ w', () => {
  it('is the plain mean with equal weights', () => {
    expect(weightedScore(scores, equal)).toBe(3);
  });

  it('follows the weights: each criterion pulls as much as its weight says', () => {
    expect(weightedScore(scores, { ...equal, comprehensiveness: 3 })).toBe((15 + 1 + 2 + 4) / 6);
    expect(weightedScore(scores, { comprehensiveness: 0, longTerm: 1, governmentEngagement: 0, effectiveness: 0 })).toBe(1);
    expect(weightedScore(scores, { comprehensiveness: 0, longTerm: 0, governmentEngagement: 2, effectiveness: 0 })).toBe(2);
    expect(weightedScore(scores, { comprehensiveness: 0, longTerm: 0, governmentEngagement: 0, effectiveness: 7 })).toBe(4);
  });

  it('changes when two unequal weights swap', () => {
    const weights: CriteriaValues = { comprehensiveness: 4, longTerm: 3, governmentEngagement: 2, effectiveness: 1 };
    const base = weightedScore(scores, weights);
    expect(base).toBeCloseTo((20 + 3 + 4 + 4) / 10, 12);
    const swaps: [keyof CriteriaValues, keyof CriteriaValues][] = [
      ['comprehensiveness', 'longTerm'], ['longTerm', 'governmentEngagement'], ['governmentEngagement', 'effectiveness'], ['comprehensiveness', 'effectiveness'],
    ];
    for (const [a, b] of swaps) {
      expect(weightedScore(scores, { ...weights, [a]: weights[b], [b]: weights[a] })).not.toBeCloseTo(base!, 6);
    }
  });

  it('does not depend on the scale of the weights', () => {
    const weights: CriteriaValues = { comprehensiveness: 2, longTerm: 1, governmentEngagement: 0.5, effectiveness: 3 };
    const scaled = Object.fromEntries(CRITERIA.map((c) => [c, weights[c] * 10])) as CriteriaValues;
    expect(weightedScore(scores, scaled)).toBeCloseTo(weightedScore(scores, weights)!, 12);
  });

  it('is undefined when every weight is zero', () => {
    expect(weightedScore(scores, { comprehensiveness: 0, longTerm: 0, governmentEngagement: 0, effectiveness: 0 })).toBeNull();
  });
});
