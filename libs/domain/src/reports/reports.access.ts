// Who may see and act on a report: its expert (the one assigned to the city in the edition) writes
// it; coordinators read it. Its evidence files are read like its practices (practices.access.ts).
import { isCoordinator } from '@app/core';
import { hasGrantSql, isCoordinatorSql, isExpertOf, ObjectAccessSpec } from '../access/access-rule';
import { tiedToCitySql } from '../jury/conflicts.access';
import { evidenceAccess, onBallotSql, translatorOf } from '../practices/practices.access';

/** SQL: report `r` is visible to user `userParam` (the rule of report.read). */
export function reportVisibleTo(r: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)} OR ${hasGrantSql(userParam, `g.role = 'expert' AND g.edition_id = ${r}.edition_id AND g.city_id = ${r}.city_id`)})`;
}

/** SQL: one of report `r`'s practices is before the jury. */
export const reportOnBallotSql = (r: string): string => `EXISTS (SELECT 1 FROM practice p WHERE p.report_id = ${r}.id AND ${onBallotSql('p')})`;

export const REPORT_ACCESS: ObjectAccessSpec = {
  kind: 'report',
  // $2: the caller, whose tie to the report's city bars a juror from its evidence.
  targetSql: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage, ${reportOnBallotSql('r')} AS "onBallot",
                     ${tiedToCitySql('$2::uuid', 'r.edition_id', 'r.city_id')} AS tied
                FROM report r JOIN edition e ON e.id = r.edition_id WHERE r.id = $1`,
  visibleIdsSql: `SELECT r.id FROM report r WHERE r.id = ANY($1::uuid[]) AND ${reportVisibleTo('r', '$2')}`,
  rules: {
    'report.read': (p, t) => (isCoordinator(p) || isExpertOf(p, t.editionId, t.cityId) ? 'allow' : 'notFound'),
    'report.write': (p, t) => (isExpertOf(p, t.editionId, t.cityId) ? 'allow' : 'notFound'),
    'report.reopen': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    // Evidence files: read like the report's practices, by whoever may read what is on the ballot.
    'report.file.read': evidenceAccess,
    'report.translate': translatorOf,
  },
};

/** A follow-up (an expert's note on a previous distinction) is translated like its report. */
export const FOLLOW_UP_ACCESS: ObjectAccessSpec = {
  kind: 'followUp',
  targetSql: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage
                FROM follow_up f JOIN report r ON r.id = f.report_id JOIN edition e ON e.id = r.edition_id WHERE f.id = $1`,
  visibleIdsSql: `SELECT f.id FROM follow_up f JOIN report r ON r.id = f.report_id WHERE f.id = ANY($1::uuid[]) AND ${reportVisibleTo('r', '$2')}`,
  rules: { 'followUp.translate': translatorOf },
};
