// Who may change a comment of a practice's deliberation thread: whoever may read the thread
// (deliberationAccess), and of them only its author (others: 403, they see it).
import { hasGrantSql, isCoordinatorSql, ObjectAccessSpec } from '../access/access-rule';
import { conflictedSql } from '../jury/conflicts.access';
import { deliberationAccess, onBallotSql } from '../practices/practices.access';
import { stagesAtOrAfterSql } from '../editions/edition-stage';

export const PRACTICE_COMMENT_ACCESS: ObjectAccessSpec = {
  kind: 'practiceComment',
  targetSql: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage, ${onBallotSql('pr')} AS "onBallot",
                     ${conflictedSql('$2::uuid', 'pr.id', 'r.edition_id', 'r.city_id')} AS conflict, pc.author_id AS "authorId"
                FROM practice_comment pc JOIN practice pr ON pr.id = pc.practice_id JOIN report r ON r.id = pr.report_id
                JOIN edition e ON e.id = r.edition_id
               WHERE pc.id = $1`,
  visibleIdsSql: `SELECT pc.id FROM practice_comment pc JOIN practice pr ON pr.id = pc.practice_id JOIN report r ON r.id = pr.report_id
                    JOIN edition e ON e.id = r.edition_id
                   WHERE pc.id = ANY($1::uuid[])
                     AND (${isCoordinatorSql('$2')}
                          OR (${hasGrantSql('$2', `g.role = 'juror' AND g.edition_id = r.edition_id`)}
                              AND e.stage IN ${stagesAtOrAfterSql('deliberation')} AND ${onBallotSql('pr')}
                              AND NOT ${conflictedSql('$2::uuid', 'pr.id', 'r.edition_id', 'r.city_id')}))`,
  rules: {
    'practiceComment.edit': (p, t) => {
      const decision = deliberationAccess(p, t);
      if (decision !== 'allow') return decision;
      return t.authorId === p.userId ? 'allow' : 'forbidden';
    },
  },
};
