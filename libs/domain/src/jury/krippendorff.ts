// Krippendorff's alpha with the interval metric, from the definition (Krippendorff, "Computing
// Krippendorff's Alpha-Reliability", 2011): alpha = 1 - Do/De over the pairable values, i.e. the
// values of units that hold at least two of them.
//
//   Do = (1/n) Σ_u 1/(m_u - 1) Σ_{c≠k in u} (v_c - v_k)²      (ordered pairs within each unit)
//   De = 1/(n(n-1)) Σ_{c≠k over all pairable values} (v_c - v_k)²
//
// For the interval metric a sum of squared differences over ordered pairs is 2(mΣv² - (Σv)²), so
// both need only per-unit counts, sums and sums of squares: that is what the SQL version computes.

export interface AlphaResult {
  /** null when it is undefined: fewer than two pairable values, or no variation at all. */
  alpha: number | null;
  /** Number of pairable values (n). */
  pairable: number;
  units: number;
}

export interface UnitMoments {
  m: number;
  sum: number;
  sumSquares: number;
}

const orderedPairSquares = ({ m, sum, sumSquares }: UnitMoments) => 2 * (m * sumSquares - sum * sum);

/** Alpha from per-unit moments (units with fewer than two values are ignored). */
export function alphaFromMoments(units: UnitMoments[]): AlphaResult {
  const pairable = units.filter((unit) => unit.m >= 2);
  const n = pairable.reduce((total, unit) => total + unit.m, 0);
  if (n < 2) return { alpha: null, pairable: n, units: pairable.length };
  const observed = pairable.reduce((total, unit) => total + orderedPairSquares(unit) / (unit.m - 1), 0) / n;
  const all = pairable.reduce(
    (acc, unit) => ({ m: acc.m + unit.m, sum: acc.sum + unit.sum, sumSquares: acc.sumSquares + unit.sumSquares }),
    { m: 0, sum: 0, sumSquares: 0 },
  );
  const expected = orderedPairSquares(all) / (n * (n - 1));
  if (expected === 0) return { alpha: null, pairable: n, units: pairable.length };
  return { alpha: 1 - observed / expected, pairable: n, units: pairable.length };
}

/** Alpha from a reliability matrix: units × coders, null for a missing value. */
export function intervalAlpha(units: (number | null)[][]): AlphaResult {
  return alphaFromMoments(
    units.map((values) => {
      const present = values.filter((value): value is number => value !== null);
      return {
        m: present.length,
        sum: present.reduce((a, b) => a + b, 0),
        sumSquares: present.reduce((a, b) => a + b * b, 0),
      };
    }),
  );
}

/** The same from the pairwise definition, literally (used to check the moment form). */
export function intervalAlphaPairwise(units: (number | null)[][]): number | null {
  const pairable = units.map((values) => values.filter((v): v is number => v !== null)).filter((values) => values.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  let observed = 0;
  for (const values of pairable) {
    let within = 0;
    for (let c = 0; c < values.length; c++) for (let k = 0; k < values.length; k++) if (c !== k) within += (values[c] - values[k]) ** 2;
    observed += within / (values.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (let c = 0; c < n; c++) for (let k = 0; k < n; k++) if (c !== k) expected += (all[c] - all[k]) ** 2;
  expected /= n * (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}
