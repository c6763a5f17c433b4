import fc from 'fast-check';
import { alphaFromMoments, intervalAlpha, intervalAlphaPairwise } from './krippendorff';

describe("Krippendorff's alpha (interval)", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania, section C ("example: 4 observers, 12 units, missing
  // values"): the reliability data below gives alpha_interval = 0.849 (nominal 0.743).
  // Rows are units 1..12, columns observers A..D.
  const KRIPPENDORFF_2011: (number | null)[][] = [
    [1, 1, null, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [null, 5, 5, 5],
    [null, null, 1, 1],
    [null, 3, null, null],
  ];

  it('reproduces the worked example of Krippendorff (2011): alpha = 0.849 over 40 pairable values', () => {
    const result = intervalAlpha(KRIPPENDORFF_2011);
    expect(result.pairable).toBe(40);
    expect(result.units).toBe(11);
    expect(result.alpha).toBeCloseTo(0.849, 3);
  });

  // Hayes & Krippendorff (2007), "Answering the call for a standard reliability measure for coding
  // data", Communication Methods and Measures 1(1): perfect agreement gives alpha = 1.
  it('gives 1 for perfect agreement and is undefined without variation or pairs', () => {
    expect(intervalAlpha([[1, 1], [3, 3], [5, 5]]).alpha).toBe(1);
    expect(intervalAlpha([[2, 2], [2, 2]]).alpha).toBeNull();
    expect(intervalAlpha([[1, null], [null, 2]]).alpha).toBeNull();
  });

  it('is below zero for systematic disagreement', () => {
    expect(intervalAlpha([[1, 5], [5, 1], [1, 5], [5, 1]]).alpha!).toBeLessThan(0);
  });

  it('agrees with the literal pairwise definition on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 12 }),
        (units) => {
          const moment = intervalAlpha(units).alpha;
          const pairwise = intervalAlphaPairwise(units);
          if (moment === null || pairwise === null) return moment === pairwise;
          return Math.abs(moment - pairwise) < 1e-9;
        },
      ),
    );
  });
});

describe("Krippendorff's alpha from moments", () => {
  it('ignores units with fewer than two values and counts the pairable ones', () => {
    const result = alphaFromMoments([
      { m: 2, sum: 3, sumSquares: 5 },
      { m: 1, sum: 4, sumSquares: 16 },
      { m: 0, sum: 0, sumSquares: 0 },
      { m: 2, sum: 9, sumSquares: 41 },
    ]);
    expect(result.pairable).toBe(4);
    expect(result.units).toBe(2);
    // Values 1,2 and 4,5: Do = (1/4)(2·1 + 2·1) = 1; De = (1/12)·Σ ordered pairs = 2·(4·46 − 12²)/12 = 40/6.
    expect(result.alpha).toBeCloseTo(1 - 1 / (40 / 6), 12);
  });

  it('answers the counts even when alpha is undefined', () => {
    expect(alphaFromMoments([{ m: 1, sum: 2, sumSquares: 4 }])).toEqual({ alpha: null, pairable: 0, units: 0 });
    expect(alphaFromMoments([{ m: 2, sum: 4, sumSquares: 8 }, { m: 3, sum: 6, sumSquares: 12 }])).toEqual({ alpha: null, pairable: 5, units: 2 });
    expect(alphaFromMoments([])).toEqual({ alpha: null, pairable: 0, units: 0 });
  });

  it('weighs each unit by 1/(m−1)', () => {
    // Units {1,3,5} and {2,2}: Do = (1/5)(2·(3·35 − 81)/2 + 0) = 24/5; De over 1,3,5,2,2.
    const units = [[1, 3, 5], [2, 2, null]];
    expect(intervalAlpha(units).alpha).toBeCloseTo(intervalAlphaPairwise(units)!, 12);
    expect(intervalAlpha(units).alpha).toBeCloseTo(1 - (24 / 5) / ((2 * (5 * 43 - 13 * 13)) / 20), 12);
  });

  it('gives the pairwise form the same edge cases', () => {
    expect(intervalAlphaPairwise([[1, null], [null, 2]])).toBeNull();
    expect(intervalAlphaPairwise([[2, 2], [2, 2]])).toBeNull();
    expect(intervalAlphaPairwise([[1, 1], [3, 3]])).toBe(1);
    expect(intervalAlphaPairwise([[1, 5], [5, 1]])).toBeLessThan(0);
  });
});

describe("Krippendorff's alpha with exactly two values", () => {
  it('is defined for one unit of two different values (alpha 0)', () => {
    // Do = (1/2)·2·(2·10 − 16) = 4 and De = 8/(2·1) = 4.
    expect(intervalAlpha([[1, 3]]).alpha).toBe(0);
    expect(intervalAlphaPairwise([[1, 3]])).toBe(0);
  });
});
