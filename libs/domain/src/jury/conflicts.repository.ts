// Statements on conflicts of interest: declaring one while scoring is open (reading the score it
// withdraws), and the coordinator's list of every conflict of an edition with its reason. What
// "conflicted" means is defined once, in conflicts.access.ts.
import { DataSource, EntityManager } from 'typeorm';
import { jurorScoringDueSql } from '../grants/deadlines.sql';
import { cityTiesSql, ConflictReasonCode } from './conflicts.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { CRITERIA, CRITERION_COLUMN, Criterion } from './criteria';

export interface ConflictTarget {
  editionId: string;
  stage: string;
  scoringDueAt: Date | null;
  /** Whether scoringDueAt has passed, by the database's clock (the one the score write uses). */
  scoringClosed: boolean;
}

/**
 * The practice's edition with its stage and the juror's deadline (the edition's, or their
 * extension), holding the edition in share mode (a stage change waits).
 */
export async function lockConflictTarget(manager: EntityManager, practiceId: string, jurorId: string): Promise<ConflictTarget | null> {
  const [row]: ConflictTarget[] = await manager.query(
    `SELECT t."editionId", t.stage, t."scoringDueAt", COALESCE(t."scoringDueAt" <= now(), false) AS "scoringClosed"
       FROM (SELECT r.edition_id AS "editionId", e.stage::text AS stage, ${jurorScoringDueSql('e', '$2::uuid')} AS "scoringDueAt"
               FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
              WHERE p.id = $1 FOR SHARE OF e) t`,
    [practiceId, jurorId],
  );
  return row ?? null;
}

export interface WithdrawnScore {
  criteria: Record<Criterion, number>;
  comment: string | null;
  updatedAt: Date;
}

/** The juror's score on the practice (locked: a concurrent edit waits for the declaration), if any. */
export async function lockScore(manager: EntityManager, jurorId: string, practiceId: string): Promise<WithdrawnScore | null> {
  const [row]: (Record<string, number> & { comment: string | null; updated_at: Date })[] = await manager.query(
    `SELECT ${CRITERIA.map((key) => CRITERION_COLUMN[key]).join(', ')}, comment, updated_at FROM score
      WHERE juror_id = $1 AND practice_id = $2 FOR UPDATE`,
    [jurorId, practiceId],
  );
  if (!row) return null;
  const criteria = Object.fromEntries(CRITERIA.map((key) => [key, row[CRITERION_COLUMN[key]]])) as Record<Criterion, number>;
  return { criteria, comment: row.comment, updatedAt: row.updated_at };
}

/** Records the declaration; null when the juror had already declared one on the practice. */
export async function insertConflict(
  manager: EntityManager,
  editionId: string,
  practiceId: string,
  jurorId: string,
  reason: string,
): Promise<{ declared_at: Date; reason: string } | null> {
  const [row]: { declared_at: Date; reason: string }[] = await manager.query(
    `INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT ON CONSTRAINT conflict_of_interest_juror_practice_unique DO NOTHING RETURNING declared_at, reason`,
    [editionId, practiceId, jurorId, reason],
  );
  return row ?? null;
}

export interface ConflictRow {
  practiceId: string;
  practiceTitle: string;
  cityName: string;
  jurorId: string;
  jurorName: string;
  reasonCode: ConflictReasonCode;
  reason: string;
  declaredAt: Date;
}

/**
 * Every conflict of the edition's jurors with the practices before the jury: the declared ones
 * (with the juror's words) and one row per tie to a practice's city (with a sentence saying which).
 */
export function editionConflicts(dataSource: DataSource, editionId: string): Promise<ConflictRow[]> {
  return dataSource.query(
    `SELECT ci.practice_id AS "practiceId", p.title AS "practiceTitle", c.name AS "cityName", ci.juror_id AS "jurorId",
            u.name AS "jurorName", 'declared' AS "reasonCode", ci.reason, ci.declared_at AS "declaredAt"
       FROM conflict_of_interest ci JOIN practice p ON p.id = ci.practice_id JOIN report r ON r.id = p.report_id
       JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = ci.juror_id
      WHERE ci.edition_id = $1
     UNION ALL
     SELECT p.id, p.title, c.name, g.user_id, u.name, tie.reason,
            CASE tie.reason WHEN 'juror_city' THEN 'Juror tied to ' || c.name
                            WHEN 'expert_of_city' THEN 'Expert of ' || c.name || ' in this edition'
                            ELSE 'Official of ' || c.name END,
            tie.since
       FROM role_grant g JOIN app_user u ON u.id = g.user_id
       JOIN report r ON r.edition_id = g.edition_id
       JOIN practice p ON p.report_id = r.id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
       JOIN city c ON c.id = r.city_id
       CROSS JOIN LATERAL (SELECT ties.reason, min(ties.since) AS since
                             FROM (${cityTiesSql('g.user_id', 'r.edition_id', 'r.city_id')}) ties GROUP BY ties.reason) tie
      WHERE g.edition_id = $1 AND g.role = 'juror'
      ORDER BY "declaredAt", "jurorName", "practiceTitle"`,
    [editionId],
  );
}
