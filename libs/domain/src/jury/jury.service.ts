// The jury stage: ballots, scores (stage and deadline enforced in the writing statement), declared
// conflicts of interest, and progress for coordinators and reminders.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecorder, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, Principal, queryRows, UnitOfWork } from '@app/core';
import { conflictedSql } from './conflicts.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { PRACTICE_SELECT } from '../reports/reports.service';
import { editionConflicts, insertConflict, lockConflictTarget, lockScore } from './conflicts.repository';
import { CRITERIA, CRITERION_TEXT } from './criteria';
import {
  BALLOT_LANGUAGES,
  BallotLanguage,
  BallotView,
  DeclaredConflictView,
  DeclareConflictDto,
  EditionConflictView,
  JurorProgressView,
  MyScoreView,
  PutScoreDto,
} from './dto/jury.dto';

interface ScoreRow {
  comprehensiveness: number;
  long_term: number;
  government_engagement: number;
  effectiveness: number;
  comment: string | null;
  updated_at: Date;
}

const toMyScore = (row: ScoreRow): MyScoreView => ({
  criteria: {
    comprehensiveness: row.comprehensiveness,
    longTerm: row.long_term,
    governmentEngagement: row.government_engagement,
    effectiveness: row.effectiveness,
  },
  comment: row.comment,
  updatedAt: row.updated_at,
});

@Injectable()
export class JuryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
  ) {}

  async ballot(principal: Principal, editionId: string, language?: BallotLanguage): Promise<BallotView> {
    const [edition]: { stage: string; scoring_due_at: Date | null; scoring_scale_max: number }[] = await this.dataSource.query(
      `SELECT stage, scoring_due_at, scoring_scale_max FROM edition WHERE id = $1`,
      [editionId],
    );
    if (!['juryScoring', 'deliberation', 'decided', 'published'].includes(edition.stage)) {
      throw new ConflictError('wrong_stage', `The ballot opens when the edition reaches juryScoring (it is ${edition.stage})`, { stage: edition.stage });
    }
    const items: (BallotView['items'][number]['practice'] & { my_score: ScoreRow | null })[] = await this.dataSource.query(
      `SELECT pv.*, (SELECT row_to_json(s) FROM score s WHERE s.practice_id = pv.id AND s.juror_id = $2) AS my_score
         FROM (${PRACTICE_SELECT}
               WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
                 AND NOT ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')}) pv
        ORDER BY pv."cityName", pv.title`,
      [editionId, principal.userId],
    );
    const recused: { practice_id: string }[] = await this.dataSource.query(
      `SELECT practice_id FROM conflict_of_interest WHERE juror_id = $1 AND edition_id = $2`,
      [principal.userId, editionId],
    );
    // The interface's language when the screen names it, else the account's.
    const locale = language ?? BALLOT_LANGUAGES.find((l) => l === principal.locale) ?? 'en';
    return {
      editionId,
      stage: edition.stage,
      scoringDueAt: edition.scoring_due_at,
      scaleMax: edition.scoring_scale_max,
      criteria: CRITERIA.map((key) => ({ key, ...CRITERION_TEXT[key][locale] })),
      progress: { scored: items.filter((item) => item.my_score).length, total: items.length },
      items: items.map(({ my_score, ...practice }) => ({ practice, myScore: my_score ? toMyScore(my_score) : null })),
      recusedPracticeIds: recused.map((r) => r.practice_id),
    };
  }

  /**
   * Writes the juror's score in one statement that also checks the stage, the deadline, the scale,
   * the grant and conflicts, holding the edition row in share mode: a concurrent stage change waits
   * for it or makes it write nothing, so no score lands after the stage moved on.
   */
  async putScore(principal: Principal, practiceId: string, dto: PutScoreDto): Promise<MyScoreView> {
    const { comprehensiveness, longTerm, governmentEngagement, effectiveness } = dto.criteria;
    const comment = dto.comment?.trim() || null;
    const rows = await queryRows<ScoreRow>(
      this.dataSource,
      `WITH target AS (
         SELECT p.id AS practice_id, r.edition_id
           FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
          WHERE p.id = $1 AND p.status = 'eligible'
            AND e.stage = 'juryScoring' AND (e.scoring_due_at IS NULL OR e.scoring_due_at > now())
            AND GREATEST($3::int, $4::int, $5::int, $6::int) <= e.scoring_scale_max
            AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = $2 AND g.role = 'juror' AND g.edition_id = e.id)
            AND NOT ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')}
          FOR SHARE OF e
       )
       INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness, comment)
       SELECT edition_id, practice_id, $2, $3, $4, $5, $6, $7 FROM target
       ON CONFLICT ON CONSTRAINT score_juror_practice_unique DO UPDATE
         SET comprehensiveness = EXCLUDED.comprehensiveness, long_term = EXCLUDED.long_term,
             government_engagement = EXCLUDED.government_engagement, effectiveness = EXCLUDED.effectiveness,
             comment = EXCLUDED.comment, updated_at = now()
       RETURNING comprehensiveness, long_term, government_engagement, effectiveness, comment, updated_at`,
      [practiceId, principal.userId, comprehensiveness, longTerm, governmentEngagement, effectiveness, comment],
    );
    if (rows.length === 1) return toMyScore(rows[0]);
    throw await this.whyNotScored(principal, practiceId, dto);
  }

  /** Explains a refused score write (read after the fact, for the error message only). */
  private async whyNotScored(principal: Principal, practiceId: string, dto: PutScoreDto): Promise<Error> {
    const [row]: { status: string; stage: string; due: Date | null; scale: number; conflict: boolean }[] = await this.dataSource.query(
      `SELECT p.status, e.stage, e.scoring_due_at AS due, e.scoring_scale_max AS scale,
              ${conflictedSql('$2::uuid', 'p.id', 'r.edition_id', 'r.city_id')} AS conflict
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id WHERE p.id = $1`,
      [practiceId, principal.userId],
    );
    if (!row) return new NotFoundError('Practice');
    if (row.conflict) return new ForbiddenError('You have a conflict of interest on this practice', 'conflict_of_interest');
    if (row.stage !== 'juryScoring') return new ConflictError('wrong_stage', `Scores are accepted only in stage juryScoring (it is ${row.stage})`, { stage: row.stage });
    if (row.due && row.due.getTime() <= Date.now()) return new ConflictError('deadline_passed', `Scoring closed at ${row.due.toISOString()}`);
    if (row.status !== 'eligible') return new ConflictError('not_eligible', 'Only eligible practices are scored');
    const over = CRITERIA.find((key) => dto.criteria[key] > row.scale);
    if (over) return new InvalidInputError(`criteria.${over}`, `must be at most ${row.scale}`);
    return new ConflictError('not_scored', 'The score could not be recorded; reload and try again');
  }

  /**
   * Recuses the juror from the practice, only while scoring is open (stage juryScoring and before
   * scoringDueAt: the window of a score), so nobody withdraws a cast score after the deadline. The
   * score it withdraws stays in the table (not counted) and its values go into the audit row.
   */
  async declareConflict(principal: Principal, practiceId: string, dto: DeclareConflictDto): Promise<DeclaredConflictView> {
    return this.uow.run(async ({ manager }) => {
      const target = await lockConflictTarget(manager, practiceId);
      if (!target) throw new NotFoundError('Practice');
      if (target.stage !== 'juryScoring') {
        throw new ConflictError('wrong_stage', `Conflicts are declared only while scoring is open, in stage juryScoring (the edition is in ${target.stage})`, { stage: target.stage });
      }
      if (target.scoringClosed) {
        throw new ConflictError('deadline_passed', `Scoring closed at ${target.scoringDueAt!.toISOString()}; a conflict can no longer be declared`);
      }
      const withdrawnScore = await lockScore(manager, principal.userId, practiceId);
      const row = await insertConflict(manager, target.editionId, practiceId, principal.userId, dto.reason.trim());
      if (!row) throw new ConflictError('conflict_exists', 'You already declared a conflict on this practice; it cannot be withdrawn');
      await this.audit.record(
        { actorId: principal.userId, action: 'jury.conflict_declared', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { withdrawnScore } },
        manager,
      );
      return { practiceId, reason: row.reason, declaredAt: row.declared_at };
    });
  }

  /** Every conflict of the edition's jurors, declared or from a tie to a city, with its reason (coordinators). */
  conflicts(editionId: string): Promise<EditionConflictView[]> {
    return editionConflicts(this.dataSource, editionId);
  }

  /** n of m per juror: what each juror has scored of the practices on their ballot. */
  progress(editionId: string): Promise<JurorProgressView[]> {
    return this.dataSource.query(
      `SELECT g.user_id AS "jurorId", u.name, u.email, g.city_id AS "cityId", c.name AS "cityName",
              count(s.id)::int AS scored, count(p.id)::int AS total,
              (SELECT count(*)::int FROM conflict_of_interest ci WHERE ci.juror_id = g.user_id AND ci.edition_id = g.edition_id) AS conflicts
         FROM role_grant g
         JOIN app_user u ON u.id = g.user_id
         LEFT JOIN city c ON c.id = g.city_id
         LEFT JOIN (practice p JOIN report r ON r.id = p.report_id)
                ON r.edition_id = g.edition_id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
               AND NOT ${conflictedSql('g.user_id', 'p.id', 'r.edition_id', 'r.city_id')}
         LEFT JOIN score s ON s.practice_id = p.id AND s.juror_id = g.user_id
        WHERE g.edition_id = $1 AND g.role = 'juror'
        GROUP BY g.user_id, g.edition_id, u.name, u.email, g.city_id, c.name
        ORDER BY u.name`,
      [editionId],
    );
  }

  /** Jurors with practices left to score (the reminders' hook). */
  async unfinishedJurors(editionId: string): Promise<JurorProgressView[]> {
    return (await this.progress(editionId)).filter((juror) => juror.scored < juror.total);
  }
}
