// Who may act on an award: coordinators manage awards (the jury drafts them through the deliberation
// pages) and open and close the vote on one; the edition's jurors read and cast it from deliberation
// on, except those conflicted with the award (its city, or one of its practices).
import { AccessDecision, isCoordinator, Principal } from '@app/core';
import { AccessTarget, isCoordinatorSql, jurorGrant, ObjectAccessSpec, stageAtOrAfter } from '../access/access-rule';
import { coordinatorOnly } from '../editions/editions.access';
import { conflictedSql, tiedToCitySql } from '../jury/conflicts.access';
import { editionTranslatorOf } from '../practices/practices.access';

/**
 * SQL: user `user` is conflicted with award `a`: tied to its city in its edition, or conflicted
 * (conflictedSql, the one definition) with one of the practices it covers.
 */
export function awardConflictedSql(user: string, a: string): string {
  return `(${tiedToCitySql(user, `${a}.edition_id`, `${a}.city_id`)}
           OR EXISTS (SELECT 1 FROM award_practice cap JOIN practice cp ON cp.id = cap.practice_id JOIN report cr ON cr.id = cp.report_id
                       WHERE cap.award_id = ${a}.id AND ${conflictedSql(user, 'cp.id', 'cr.edition_id', 'cr.city_id')}))`;
}

/** The vote on an award: coordinators; the edition's jurors from deliberation on, never one conflicted with the award (hidden). */
export function awardVoteAccess(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p)) return 'allow';
  if (!jurorGrant(p, t.editionId)) return 'notFound';
  if (!stageAtOrAfter(t, 'deliberation')) return 'forbidden';
  return t.conflict ? 'notFound' : 'allow';
}

export const AWARD_ACCESS: ObjectAccessSpec = {
  kind: 'award',
  // $2: the caller, whose conflict with the award is loaded with it.
  targetSql: `SELECT a.edition_id AS "editionId", a.city_id AS "cityId", e.stage::text AS stage,
                     ${awardConflictedSql('$2::uuid', 'a')} AS conflict
                FROM award a JOIN edition e ON e.id = a.edition_id WHERE a.id = $1`,
  visibleIdsSql: `SELECT a.id FROM award a WHERE a.id = ANY($1::uuid[]) AND ${isCoordinatorSql('$2')}`,
  rules: {
    'award.manage': coordinatorOnly,
    'award.vote.manage': coordinatorOnly,
    'award.vote.read': awardVoteAccess,
    'award.vote.cast': awardVoteAccess,
    'award.translate': editionTranslatorOf,
  },
};
