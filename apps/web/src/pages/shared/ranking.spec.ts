import { describe, expect, it } from '@jest/globals';
import { placeOf } from './ranking';

describe('places in the ranking', () => {
  it('gives scored practices their rank, ties included, and unscored ones none', () => {
    const rows = [
      { rank: 1, score: 4.5 },
      { rank: 2, score: 4 },
      { rank: 2, score: 4 },
      { rank: 4, score: null },
      { rank: 4, score: null },
    ];
    expect(rows.map(placeOf)).toEqual([1, 2, 2, null, null]);
  });

  it('gives no place to anyone when nothing is scored yet (the API says 1 for all)', () => {
    expect([{ rank: 1, score: null }, { rank: 1, score: null }].map(placeOf)).toEqual([null, null]);
  });
});
