// Who may see and act on a practice. Its expert writes it; coordinators read it and decide its
// eligibility; the edition's jurors read what is before the jury from juryScoring on, except the
// practices of a city they are tied to (403: visible, not theirs), and score it unless they are
// conflicted with it (declared, or tied: the one definition in jury/conflicts.access.ts).
import { grantsOf, isCoordinator, Principal } from '@app/core';
import { AccessDecision } from '@app/core';
import { AccessTarget, hasGrantSql, isCoordinatorSql, isExpertOf, jurorGrant, ObjectAccessSpec, stageAtOrAfter } from '../access/access-rule';
import { stagesAtOrAfterSql } from '../editions/edition-stage';
import { coordinatorOnly } from '../editions/editions.access';
import { conflictedSql, tiedToCitySql } from '../jury/conflicts.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from './practice-status';

/** Whether the practice (or, for a report, one of its practices) is before the jury. */
export const onBallotSql = (practiceAlias: string): string => `${practiceAlias}.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}`;

/**
 * SQL: practice `p` of report `r` shows in the edition's practice lists to user `userParam`:
 * coordinators and the edition's translators see every practice; a juror what is before the jury,
 * never the practices of a city they are tied to (a declared conflict bars scoring, not reading, as for one practice).
 */
export function practiceListedTo(p: string, r: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)}
          OR ${hasGrantSql(userParam, `g.role = 'translator' AND g.edition_id = ${r}.edition_id`)}
          OR (${onBallotSql(p)}
            AND NOT ${tiedToCitySql(`${userParam}::uuid`, `${r}.edition_id`, `${r}.city_id`)}))`;
}

/** SQL: the evidence (practice or report of report `r` in edition `e`) user `userParam` may read; `onBallot` says it is before the jury. */
export function evidenceVisibleTo(r: string, e: string, onBallot: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)}
        OR ${hasGrantSql(userParam, `g.role = 'expert' AND g.edition_id = ${r}.edition_id AND g.city_id = ${r}.city_id`)}
        OR (${hasGrantSql(userParam, `g.role = 'juror' AND g.edition_id = ${r}.edition_id`)}
            AND NOT ${tiedToCitySql(`${userParam}::uuid`, `${r}.edition_id`, `${r}.city_id`)}
            AND ${e}.stage IN ${stagesAtOrAfterSql('juryScoring')} AND ${onBallot}))`;
}

/** Reports' files and practices: their expert, coordinators, and the edition's jurors from juryScoring on, for what is before the jury (never a city they are tied to). */
export function evidenceAccess(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p) || isExpertOf(p, t.editionId, t.cityId)) return 'allow';
  if (!jurorGrant(p, t.editionId)) return 'notFound';
  // A tie to the city bars reading; a declared conflict bars scoring, not reading.
  if (t.tied) return 'forbidden';
  // Only what is before the jury: not an ineligible practice, nor a report with none on the ballot.
  return stageAtOrAfter(t, 'juryScoring') && t.onBallot ? 'allow' : 'notFound';
}

/** Translations (of a practice or a report): its expert, coordinators, and those given the translator grant for its edition. */
export function translatorOf(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p) || isExpertOf(p, t.editionId, t.cityId)) return 'allow';
  return grantsOf(p, 'translator').some((grant) => grant.editionId === t.editionId) ? 'allow' : 'notFound';
}

/** Translations of an edition's own texts (category descriptions, award citations): coordinators and the edition's translators. */
export function editionTranslatorOf(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p)) return 'allow';
  return grantsOf(p, 'translator').some((grant) => grant.editionId === t.editionId) ? 'allow' : 'notFound';
}

/**
 * A practice's deliberation thread: coordinators; the edition's jurors from deliberation on, for what
 * is before the jury, never a practice they are conflicted with (hidden, as in their lists).
 */
export function deliberationAccess(p: Principal, t: AccessTarget): AccessDecision {
  if (isCoordinator(p)) return 'allow';
  if (!jurorGrant(p, t.editionId)) return 'notFound';
  if (!stageAtOrAfter(t, 'deliberation')) return 'forbidden';
  if (t.conflict) return 'notFound';
  return t.onBallot ? 'allow' : 'notFound';
}

/** A juror may act on practices of their edition, except those they are conflicted with (403). */
function jurorOnPractice(p: Principal, t: AccessTarget): AccessDecision {
  if (!jurorGrant(p, t.editionId)) return 'notFound';
  return t.conflict ? 'forbidden' : 'allow';
}

export const PRACTICE_ACCESS: ObjectAccessSpec = {
  kind: 'practice',
  // $2: the caller, whose conflict with the practice is loaded with it (a score write is checked in one round trip).
  targetSql: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage,
                     ${onBallotSql('pr')} AS "onBallot",
                     ${conflictedSql('$2::uuid', 'pr.id', 'r.edition_id', 'r.city_id')} AS conflict,
                     ${tiedToCitySql('$2::uuid', 'r.edition_id', 'r.city_id')} AS tied
                FROM practice pr JOIN report r ON r.id = pr.report_id JOIN edition e ON e.id = r.edition_id
               WHERE pr.id = $1`,
  visibleIdsSql: `SELECT pr.id FROM practice pr JOIN report r ON r.id = pr.report_id JOIN edition e ON e.id = r.edition_id
                   WHERE pr.id = ANY($1::uuid[]) AND ${evidenceVisibleTo('r', 'e', onBallotSql('pr'), '$2')}`,
  rules: {
    'practice.read': evidenceAccess,
    'practice.write': (p, t) => (isExpertOf(p, t.editionId, t.cityId) ? 'allow' : 'notFound'),
    'practice.eligibility': coordinatorOnly,
    'practice.translate': translatorOf,
    'practice.score': jurorOnPractice,
    'practice.conflict.declare': jurorOnPractice,
    'practice.deliberation.read': deliberationAccess,
    'practice.deliberation.write': deliberationAccess,
  },
};
