// The whole distinction's follow-up status from its practices' statuses: a distinction lives on
// while any of its practices does, so it takes the best outcome among them.
import { FollowUpStatus } from './report.entity';

const BEST_FIRST: readonly FollowUpStatus[] = ['expanded', 'continued', 'implemented', 'discontinued', 'unknown'];

export function distinctionFollowUpStatus(statuses: readonly FollowUpStatus[]): FollowUpStatus {
  return BEST_FIRST.find((status) => statuses.includes(status)) ?? 'unknown';
}

/** The practice ids that are missing, unknown or named twice, in words for a 400; null when they match exactly. */
export function practiceCoverageProblem(expected: readonly string[], given: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of given) {
    if (!expected.includes(id)) return `names a practice the distinction did not cover (${id})`;
    if (seen.has(id)) return `names a practice twice (${id})`;
    seen.add(id);
  }
  const missing = expected.filter((id) => !seen.has(id));
  return missing.length ? `must give a status for every practice the distinction covered (missing ${missing.join(', ')})` : null;
}

