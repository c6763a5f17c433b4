// Why a stage move is blocked, in the interface language: each blocker of GET
// /api/editions/:id/transitions (and of the 409 of the move) comes with a stable code and the numbers
// its message mentions. A code this build does not know yet is shown as the API's English message.
import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

type Blocker = components['schemas']['TransitionBlockerView'];
type BlockerCode = components['schemas']['TransitionBlockerCode'];

const SAY: Record<BlockerCode, (t: TFunction, params: NonNullable<Blocker['params']>) => string> = {
  no_category: (t) => t('blockers.category'),
  no_expert: (t) => t('blockers.expert'),
  reports_due_passed: (t) => t('blockers.reportsDue'),
  unchecked_practices: (t, { count }) => t('blockers.unchecked', { count: count ?? 0 }),
  no_eligible_practice: (t) => t('blockers.noEligible'),
  too_few_jurors: (t, { now }) => t('blockers.jurors', { now: now ?? 0 }),
  scoring_due_passed: (t) => t('blockers.scoringDue'),
  no_award: (t) => t('blockers.award'),
};

export function blockerText(t: TFunction, blocker: Blocker): string {
  const say = Object.hasOwn(SAY, blocker.code) ? SAY[blocker.code] : undefined;
  return say ? say(t, blocker.params ?? {}) : blocker.message;
}
