// Every statement of the jury stage on scores and ballots, with typed rows in and out. Conflicts of
// interest have their own statements (conflicts.repository.ts); what "conflicted" means is defined
// once, in conflicts.access.ts, and every statement here filters by it.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { PRACTICE_SELECT } from '../practices/practices.sql';
import { jurorScoringDueSql } from '../grants/deadlines.sql';
import { conflictedSql, tiedToCitySql } from './conflicts.access';
import { assignedToSql, editionAssignsSql, onBallotByAssignmentSql } from './panels.access';
import { BallotView, JurorProgressView } from './dto/jury.dto';

export interface ScoreRow {
  comprehensiveness: number;
  long_term: number;
  government_engagement: number;
  effectiveness: number;
  comment: string | null;
  updated_at: Date;
}

export interface ScoringEditionRow {
  stage: EditionStage;
  scoring_due_at: Date | null;
  /** The juror's own deadline: the edition's, or their extension when later. */
  my_scoring_due_at: Date | null;
  scoring_scale_max: number;
  /** The edition assigns practices to panels or jurors. */
  assigns: boolean;
}

export type BallotItemRow = BallotView['items'][number]['practice'] & { my_score: ScoreRow | null };

export interface NewScore {
  practiceId: string;
  jurorId: string;
  comprehensiveness: number;
  longTerm: number;
  governmentEngagement: number;
  effectiveness: number;
  comment: string | null;
}

/** What explains a refused score write: the practice's status, its edition's scoring window and the juror's conflict. */
export interface ScoreRefusalRow {
  status: string;
  stage: string;
  due: Date | null;
  scale: number;
  conflict: boolean;
  /** The edition assigns practices and this one is not assigned to the juror. */
  unassigned: boolean;
}

@Injectable()
export class JuryRepository {
  async scoringEdition(manager: EntityManager, editionId: string, jurorId: string): Promise<ScoringEditionRow | undefined> {
    const [row] = await queryRows<ScoringEditionRow>(
      manager,
      `SELECT stage, scoring_due_at, ${jurorScoringDueSql('e', '$2::uuid')} AS my_scoring_due_at, scoring_scale_max,
              ${editionAssignsSql('e.id')} AS assigns
         FROM edition e WHERE id = $1`,
      [editionId, jurorId],
    );
    return row;
  }

  /** The practices before the jury that the juror is not conflicted with (and, when the edition assigns, assigned to them), each with the juror's score. */
  ballotItems(manager: EntityManager, editionId: string, jurorId: string): Promise<BallotItemRow[]> {
    return queryRows(
      manager,
      `SELECT pv.*, (SELECT row_to_json(s) FROM score s WHERE s.practice_id = pv.id AND s.juror_id = $2) AS my_score
         FROM (${PRACTICE_SELECT}
               WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
                 AND NOT ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')}
                 AND ${onBallotByAssignmentSql('$2::uuid', 'p.id', 'r.edition_id')}) pv
        ORDER BY pv."cityName", pv.title`,
      [editionId, jurorId],
    );
  }

  /**
   * Practices before the jury left off the juror's ballot for their tie to the practice's city (their
   * own city, a city they are expert or official of): a ballot emptied this way must say why.
   */
  async cityTiedPracticeCount(manager: EntityManager, editionId: string, jurorId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM practice p JOIN report r ON r.id = p.report_id
        WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
          AND ${tiedToCitySql('$2::uuid', 'r.edition_id', 'r.city_id')}`,
      [editionId, jurorId],
    );
    return row.n;
  }

  /** The practices of the edition the juror declared a conflict on. */
  async declaredConflictPracticeIds(manager: EntityManager, editionId: string, jurorId: string): Promise<string[]> {
    const rows = await queryRows<{ practice_id: string }>(manager, `SELECT practice_id FROM conflict_of_interest WHERE juror_id = $1 AND edition_id = $2`, [
      jurorId,
      editionId,
    ]);
    return rows.map((row) => row.practice_id);
  }

  /**
   * Writes the juror's score in one statement that also checks the stage, the deadline (the
   * edition's, or the juror's extension on their grant), the scale, the grant, conflicts and the
   * assignment (when the edition assigns practices; panels.access.ts), holding the edition row in share mode: a concurrent stage change waits
   * for it or makes it write nothing, so no score lands after the stage moved on. No row: refused.
   */
  async upsertScore(manager: EntityManager, score: NewScore): Promise<ScoreRow | undefined> {
    // Prepared: planning this statement costs PostgreSQL several times what running it does.
    const [row] = await queryPrepared<ScoreRow>(
      manager,
      'jury.upsertScore',
      `WITH target AS (
         SELECT p.id AS practice_id, r.edition_id
           FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
          WHERE p.id = $1 AND p.status = 'eligible'
            AND e.stage = 'juryScoring'
            AND GREATEST($3::int, $4::int, $5::int, $6::int) <= e.scoring_scale_max
            AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = $2 AND g.role = 'juror' AND g.edition_id = e.id
                           AND (e.scoring_due_at IS NULL OR e.scoring_due_at > now() OR g.extended_due_at > now()))
            AND NOT ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')}
            AND ${onBallotByAssignmentSql('$2::uuid', 'p.id', 'e.id')}
          FOR SHARE OF e
       )
       INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness, comment)
       SELECT edition_id, practice_id, $2, $3, $4, $5, $6, $7 FROM target
       ON CONFLICT ON CONSTRAINT score_juror_practice_unique DO UPDATE
         SET comprehensiveness = EXCLUDED.comprehensiveness, long_term = EXCLUDED.long_term,
             government_engagement = EXCLUDED.government_engagement, effectiveness = EXCLUDED.effectiveness,
             comment = EXCLUDED.comment, updated_at = now()
       RETURNING comprehensiveness, long_term, government_engagement, effectiveness, comment, updated_at`,
      [score.practiceId, score.jurorId, score.comprehensiveness, score.longTerm, score.governmentEngagement, score.effectiveness, score.comment],
    );
    return row;
  }

  async scoreRefusal(manager: EntityManager, practiceId: string, jurorId: string): Promise<ScoreRefusalRow | undefined> {
    const [row] = await queryRows<ScoreRefusalRow>(
      manager,
      `SELECT p.status, e.stage, ${jurorScoringDueSql('e', '$2::uuid')} AS due, e.scoring_scale_max AS scale,
              ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')} AS conflict,
              (${editionAssignsSql('r.edition_id')} AND NOT ${assignedToSql('$2::uuid', 'p.id')}) AS unassigned
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id WHERE p.id = $1`,
      [practiceId, jurorId],
    );
    return row;
  }

  /** n of m per juror of the edition: what each has scored of the practices on their ballot. */
  progress(manager: EntityManager, editionId: string): Promise<JurorProgressView[]> {
    return queryRows(
      manager,
      `SELECT g.user_id AS "jurorId", u.name, u.email, g.city_id AS "cityId", c.name AS "cityName",
              count(s.id)::int AS scored, count(p.id)::int AS total, max(s.updated_at) AS "lastScoredAt",
              (SELECT count(*)::int FROM conflict_of_interest ci WHERE ci.juror_id = g.user_id AND ci.edition_id = g.edition_id) AS conflicts
         FROM role_grant g
         JOIN app_user u ON u.id = g.user_id
         LEFT JOIN city c ON c.id = g.city_id
         LEFT JOIN (practice p JOIN report r ON r.id = p.report_id)
                ON r.edition_id = g.edition_id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
               AND NOT ${conflictedSql('g.user_id', 'p.id', 'r.edition_id', 'r.city_id')}
               AND ${onBallotByAssignmentSql('g.user_id', 'p.id', 'r.edition_id')}
         LEFT JOIN score s ON s.practice_id = p.id AND s.juror_id = g.user_id
        WHERE g.edition_id = $1 AND g.role = 'juror'
        GROUP BY g.user_id, g.edition_id, u.name, u.email, g.city_id, c.name
        ORDER BY u.name`,
      [editionId],
    );
  }
}
