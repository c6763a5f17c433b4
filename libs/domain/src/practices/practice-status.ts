// A practice's status machine as data: the statuses, the allowed moves, the statuses the jury
// sees, and a pure check. The one place these facts live (the SQL lists are built from them).
import { ConflictError } from '@app/core';

export const PRACTICE_STATUSES = ['draft', 'submitted', 'eligible', 'ineligible', 'distinguished', 'notDistinguished'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/**
 * Submitting the report submits its practices; the coordinator decides eligibility (and may
 * decide again while the expert stage lasts); finalising the edition decides every eligible one.
 */
export const PRACTICE_TRANSITIONS: Readonly<Record<PracticeStatus, readonly PracticeStatus[]>> = {
  draft: ['submitted'],
  submitted: ['eligible', 'ineligible'],
  eligible: ['eligible', 'ineligible', 'distinguished', 'notDistinguished'],
  ineligible: ['eligible', 'ineligible'],
  distinguished: [],
  notDistinguished: [],
};

export function canMove(from: PracticeStatus, to: PracticeStatus): boolean {
  return PRACTICE_TRANSITIONS[from].includes(to);
}

/** Eligibility is decided on submitted practices, and may be changed while it is the latest word. */
export function assertEligibilityDecidable(from: PracticeStatus): void {
  if (!canMove(from, 'eligible') || !canMove(from, 'ineligible')) {
    throw new ConflictError('not_submitted', 'Only practices of a submitted report can be checked for eligibility');
  }
}

/** Decided at finalisation; hidden (shown as eligible) from experts, officials and the public until publication. */
export const DECISION_STATUSES: readonly PracticeStatus[] = ['distinguished', 'notDistinguished'];

/** Before the jury: on the ballot, and after it the decisions. */
export const JURY_PRACTICE_STATUSES: readonly PracticeStatus[] = ['eligible', ...DECISION_STATUSES];

const sqlList = (statuses: readonly PracticeStatus[]) => `(${statuses.map((status) => `'${status}'`).join(', ')})`;

/** JURY_PRACTICE_STATUSES as an SQL list, for `p.status IN …`. */
export const JURY_PRACTICE_STATUSES_LIST_SQL = sqlList(JURY_PRACTICE_STATUSES);

/** The status shown before publication to anyone but coordinators and the jury. */
export function maskBeforePublication(status: PracticeStatus, stage: string): PracticeStatus {
  return stage === 'published' || !DECISION_STATUSES.includes(status) ? status : 'eligible';
}
