// The jury stage: ballots, scores (stage and deadline enforced in the writing statement), declared
// conflicts of interest, and progress for coordinators and reminders.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, AuditRecorder, ConflictError, ForbiddenError, InvalidInputError, JURY_PRACTICE_STATUSES_SQL, NotFoundError, Principal, queryRows, UnitOfWork } from '@app/core';
import { PRACTICE_SELECT } from '../reports/reports.service';
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
    private readonly access: AccessService,
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
               WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_SQL}
                 AND ($3::uuid IS NULL OR r.city_id <> $3)
                 AND NOT EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = $2 AND ci.practice_id = p.id)) pv
        ORDER BY pv."cityName", pv.title`,
      [editionId, principal.userId, this.access.excludedCityFor(principal, editionId)],
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
            AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = $2 AND g.role = 'juror' AND g.edition_id = e.id
                          AND (g.city_id IS NULL OR g.city_id <> r.city_id))
            AND NOT EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = $2 AND ci.practice_id = p.id)
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
    const [row]: { status: string; stage: string; due: Date | null; scale: number; tied: boolean; conflict: boolean }[] = await this.dataSource.query(
      `SELECT p.status, e.stage, e.scoring_due_at AS due, e.scoring_scale_max AS scale,
              EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = $2 AND g.role = 'juror' AND g.edition_id = e.id AND g.city_id = r.city_id) AS tied,
              EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = $2 AND ci.practice_id = p.id) AS conflict
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id WHERE p.id = $1`,
      [practiceId, principal.userId],
    );
    if (!row) return new NotFoundError('Practice');
    if (row.tied || row.conflict) return new ForbiddenError('You have a conflict of interest on this practice', 'conflict_of_interest');
    if (row.stage !== 'juryScoring') return new ConflictError('wrong_stage', `Scores are accepted only in stage juryScoring (it is ${row.stage})`, { stage: row.stage });
    if (row.due && row.due.getTime() <= Date.now()) return new ConflictError('deadline_passed', `Scoring closed at ${row.due.toISOString()}`);
    if (row.status !== 'eligible') return new ConflictError('not_eligible', 'Only eligible practices are scored');
    const over = CRITERIA.find((key) => dto.criteria[key] > row.scale);
    if (over) return new InvalidInputError(`criteria.${over}`, `must be at most ${row.scale}`);
    return new ConflictError('not_scored', 'The score could not be recorded; reload and try again');
  }

  async declareConflict(principal: Principal, practiceId: string, dto: DeclareConflictDto): Promise<DeclaredConflictView> {
    return this.uow.run(async ({ manager }) => {
      const [target]: { edition_id: string; stage: string }[] = await manager.query(
        `SELECT r.edition_id, e.stage FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
          WHERE p.id = $1 FOR SHARE OF e`,
        [practiceId],
      );
      if (!target) throw new NotFoundError('Practice');
      if (!['reportsOpen', 'juryScoring'].includes(target.stage)) {
        throw new ConflictError('wrong_stage', `Conflicts are declared before scoring closes (the edition is in ${target.stage})`, { stage: target.stage });
      }
      const [row]: { declared_at: Date; reason: string }[] = await manager.query(
        `INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT conflict_of_interest_juror_practice_unique DO NOTHING RETURNING declared_at, reason`,
        [target.edition_id, practiceId, principal.userId, dto.reason.trim()],
      );
      if (!row) throw new ConflictError('conflict_exists', 'You already declared a conflict on this practice; it cannot be withdrawn');
      await this.audit.record({ actorId: principal.userId, action: 'jury.conflict_declared', objectType: 'practice', objectId: practiceId, outcome: 'success' }, manager);
      return { practiceId, reason: row.reason, declaredAt: row.declared_at };
    });
  }

  /** Every declared conflict of the edition (coordinators). */
  conflicts(editionId: string): Promise<EditionConflictView[]> {
    return this.dataSource.query(
      `SELECT ci.practice_id AS "practiceId", p.title AS "practiceTitle", c.name AS "cityName", ci.juror_id AS "jurorId",
              u.name AS "jurorName", ci.reason, ci.declared_at AS "declaredAt"
         FROM conflict_of_interest ci JOIN practice p ON p.id = ci.practice_id JOIN report r ON r.id = p.report_id
         JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = ci.juror_id
        WHERE ci.edition_id = $1 ORDER BY ci.declared_at`,
      [editionId],
    );
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
                ON r.edition_id = g.edition_id AND p.status IN ${JURY_PRACTICE_STATUSES_SQL}
               AND (g.city_id IS NULL OR r.city_id <> g.city_id)
               AND NOT EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = g.user_id AND ci.practice_id = p.id)
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
