// A practice's place in the ranking as the results show it. The API ranks unscored practices last,
// all tied; nobody scored them, so they have no place ("–"), not a shared "1." when none is scored.
export function placeOf(row: { rank: number; score: number | null }): number | null {
  return row.score === null ? null : row.rank;
}
