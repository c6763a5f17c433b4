// The criteria weights through the API: the coordinator sets unequal weights, jurors score, and the
// results by mean and median follow the weights (v = Σ w·x / Σ w per juror, weightedScore). All
// other jury tests use weights of 1, so dropping the weights or swapping two would pass them.
import { DataSource } from 'typeorm';
import { CriteriaValues, weightedScore } from '@app/domain';
import { createTestApp, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, SignedIn, TestApp } from '@app/testing';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const criteria = (comprehensiveness: number, longTerm: number, governmentEngagement: number, effectiveness: number): CriteriaValues =>
  ({ comprehensiveness, longTerm, governmentEngagement, effectiveness });

// Practice X is strong on comprehensiveness, Y on effectiveness; three jurors.
const SCORES: Record<'X' | 'Y', CriteriaValues[]> = {
  X: [criteria(5, 1, 1, 1), criteria(4, 2, 1, 1), criteria(5, 3, 2, 1)],
  Y: [criteria(1, 2, 2, 4), criteria(2, 2, 3, 4), criteria(1, 1, 2, 5)],
};

describe('criteria weights through the API', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  /** An edition with the given weights whose jury scored SCORES; answers the results by method. */
  async function scoredEdition(weights: CriteriaValues | null) {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    if (weights) {
      const patched = await t.http.patch(`/api/editions/${edition.id}`).set(coordinator.auth).send({ scoring: { weights } }).expect(200);
      expect(patched.body.scoring.weights).toEqual(weights);
    }
    const practice: Record<string, string> = {};
    for (const key of ['X', 'Y'] as const) {
      const city = await makeCity(ds);
      practice[key] = (await makePractice(ds, (await makeReport(ds, edition.id, city.id, 'submitted')).id, { title: key, status: 'eligible' })).id;
    }
    const jurors: SignedIn[] = [];
    for (let i = 0; i < 3; i++) jurors.push(await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id }));
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    // Weights are locked once scoring has started.
    const locked = await t.http.patch(`/api/editions/${edition.id}`).set(coordinator.auth).send({ scoring: { weights: criteria(1, 1, 1, 1) } }).expect(409);
    expect(locked.body.code).toBe('scoring_settings_locked');
    for (const key of ['X', 'Y'] as const) {
      for (const [i, values] of SCORES[key].entries()) {
        await t.http.put(`/api/practices/${practice[key]}/scores/mine`).set(jurors[i].auth).send({ criteria: values }).expect(200);
      }
    }
    const results = async (method: 'mean' | 'median') => {
      const body = (await t.http.get(`/api/editions/${edition.id}/results?method=${method}`).set(coordinator.auth).expect(200)).body;
      return Object.fromEntries(body.items.map((item: { title: string; score: number; rank: number }) => [item.title, { score: item.score, rank: item.rank }]));
    };
    return { mean: await results('mean'), median: await results('median') };
  }

  const expected = (weights: CriteriaValues, aggregate: (values: number[]) => number, key: 'X' | 'Y') =>
    aggregate(SCORES[key].map((values) => weightedScore(values, weights)!));

  it('ranks by the weighted score: unequal weights reverse the order that equal weights give', async () => {
    const equal = criteria(1, 1, 1, 1);
    const plain = await scoredEdition(null);
    const weights = criteria(4, 3, 2, 1);
    const weighted = await scoredEdition(weights);
    for (const key of ['X', 'Y'] as const) {
      expect(plain.mean[key].score).toBeCloseTo(expected(equal, mean, key), 6);
      expect(plain.median[key].score).toBeCloseTo(expected(equal, median, key), 6);
      expect(weighted.mean[key].score).toBeCloseTo(expected(weights, mean, key), 6);
      expect(weighted.median[key].score).toBeCloseTo(expected(weights, median, key), 6);
    }
    // Equal weights: Y ≈ 2.42 before X 2.25; weights 4,3,2,1: X ≈ 2.83 before Y ≈ 1.93.
    expect([plain.mean.Y.rank, plain.mean.X.rank]).toEqual([1, 2]);
    expect([weighted.mean.X.rank, weighted.mean.Y.rank]).toEqual([1, 2]);
  });

  it('tells apart weights that differ only by a swap of two criteria', async () => {
    const weights = criteria(1, 4, 2, 3);
    const swapped = criteria(4, 1, 2, 3);
    const first = await scoredEdition(weights);
    const second = await scoredEdition(swapped);
    expect(first.mean.X.score).toBeCloseTo(expected(weights, mean, 'X'), 6);
    expect(second.mean.X.score).toBeCloseTo(expected(swapped, mean, 'X'), 6);
    expect(Math.abs(first.mean.X.score - second.mean.X.score)).toBeGreaterThan(0.5);
    expect(first.median.Y.score).toBeCloseTo(expected(weights, median, 'Y'), 6);
    expect(second.median.Y.score).toBeCloseTo(expected(swapped, median, 'Y'), 6);
  });
});
