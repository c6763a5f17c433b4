// Who may see and act on a practice. Its expert writes it; coordinators read it and decide its
// eligibility; the edition's jurors read and score what is before the jury from juryScoring on,
// never their own city's practices nor those they declared a conflict on (403: visible, not theirs).
import { isCoordinator, Principal } from '@app/core';
import { AccessDecision } from '@app/core';
import { AccessTarget, hasGrantSql, isCoordinatorSql, isExpertOf, jurorGrant, ObjectAccessSpec, stageAtOrAfter } from '../access/access-rule';
import { stagesAtOrAfterSql } from '../editions/edition-stage';
import { coordinatorOnly } from '../editions/editions.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from './practice-status';

/** Whether the practice (or, for a report, one of its practices) is before the jury. */
export const onBallotSql = (practiceAlias: string): string => `${practiceAlias}.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}`;

/**
 * SQL: practice `p` of report `r` shows in the edition's practice lists to user `userParam`:
 * coordinators see every practice; a juror what is before the jury, except their own city's.
 */
export function practiceListedTo(p: string, r: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)} OR (${onBallotSql(p)}
            AND NOT ${hasGrantSql(userParam, `g.role = 'juror' AND g.edition_id = ${r}.edition_id AND g.city_id = ${r}.city_id`)}))`;
}

/** SQL: the evidence (practice or report of report `r` in edition `e`) user `userParam` may read; `onBallot` says it is before the jury. */
export function evidenceVisibleTo(r: string, e: string, onBallot: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)}
        OR ${hasGrantSql(userParam, `g.role = 'expert' AND g.edition_id = ${r}.edition_id AND g.city_id = ${r}.city_id`)}
        OR (${hasGrantSql(userParam, `g.role = 'juror' AND g.edition_id = ${r}.edition_id AND g.city_id IS DISTINCT FROM ${r}.city_id`)}
            AND ${e}.stage IN ${stagesAtOrAfterSql('juryScoring')} AND ${onBallot}))`;
}

/** Reports' files and practices: their expert, coordinators, and the edition's jurors from juryScoring on, for what is before the jury (never their own city's). */
export function evidenceAccess(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p) || isExpertOf(p, t.editionId, t.cityId)) return 'allow';
  const juror = jurorGrant(p, t.editionId);
  if (!juror) return 'notFound';
  if (juror.cityId !== null && juror.cityId === t.cityId) return 'forbidden';
  // Only what is before the jury: not an ineligible practice, nor a report with none on the ballot.
  return stageAtOrAfter(t, 'juryScoring') && t.onBallot ? 'allow' : 'notFound';
}

/** A juror may act on practices of their edition, except those of their own city or a declared conflict (403). */
function jurorOnPractice(p: Principal, t: AccessTarget): AccessDecision {
  const juror = jurorGrant(p, t.editionId);
  if (!juror) return 'notFound';
  if (juror.cityId !== null && juror.cityId === t.cityId) return 'forbidden';
  return t.conflict ? 'forbidden' : 'allow';
}

export const PRACTICE_ACCESS: ObjectAccessSpec = {
  kind: 'practice',
  // $2: the caller, for the conflict they may have declared (a score write is checked in one round trip).
  targetSql: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage,
                     ${onBallotSql('pr')} AS "onBallot",
                     EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = $2 AND ci.practice_id = pr.id) AS conflict
                FROM practice pr JOIN report r ON r.id = pr.report_id JOIN edition e ON e.id = r.edition_id
               WHERE pr.id = $1`,
  visibleIdsSql: `SELECT pr.id FROM practice pr JOIN report r ON r.id = pr.report_id JOIN edition e ON e.id = r.edition_id
                   WHERE pr.id = ANY($1::uuid[]) AND ${evidenceVisibleTo('r', 'e', onBallotSql('pr'), '$2')}`,
  rules: {
    'practice.read': evidenceAccess,
    'practice.write': (p, t) => (isExpertOf(p, t.editionId, t.cityId) ? 'allow' : 'notFound'),
    'practice.eligibility': coordinatorOnly,
    // The jury's rules on a practice (kept as they were; the jury's own change may refine them).
    'practice.score': jurorOnPractice,
    'practice.conflict.declare': jurorOnPractice,
  },
};
