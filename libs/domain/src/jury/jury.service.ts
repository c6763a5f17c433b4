// The jury stage: ballots, scores (stage and deadline enforced in the writing statement), declared
// conflicts of interest, and progress for coordinators and reminders.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecorder, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
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
import { JuryRepository, ScoreRow } from './jury.repository';
import { PracticeTranslationsService } from '../practices/practice-translations.service';

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
    private readonly jury: JuryRepository,
    private readonly translations: PracticeTranslationsService,
  ) {}

  async ballot(principal: Principal, editionId: string, language?: BallotLanguage): Promise<BallotView> {
    const manager = this.dataSource.manager;
    const edition = await this.jury.scoringEdition(manager, editionId, principal.userId);
    if (!edition) throw new NotFoundError('Edition');
    if (!['juryScoring', 'deliberation', 'decided', 'published'].includes(edition.stage)) {
      throw new ConflictError('wrong_stage', `The ballot opens when the edition reaches juryScoring (it is ${edition.stage})`, { stage: edition.stage });
    }
    const items = await this.jury.ballotItems(manager, editionId, principal.userId);
    const recused = await this.jury.declaredConflictPracticeIds(manager, editionId, principal.userId);
    const ofTiedCities = await this.jury.cityTiedPracticeCount(manager, editionId, principal.userId);
    // The interface's language when the screen names it, else the account's.
    const locale = language ?? BALLOT_LANGUAGES.find((l) => l === principal.locale) ?? 'en';
    // Titles and descriptions in that language where a translation exists, else the original, marked so.
    const practices = await this.translations.localize(items.map(({ my_score: _score, ...practice }) => practice), language ?? principal.locale);
    return {
      editionId,
      stage: edition.stage,
      scoringDueAt: edition.scoring_due_at,
      myScoringDueAt: edition.my_scoring_due_at,
      scaleMax: edition.scoring_scale_max,
      criteria: CRITERIA.map((key) => ({ key, ...CRITERION_TEXT[key][locale] })),
      progress: { scored: items.filter((item) => item.my_score).length, total: items.length },
      items: items.map(({ my_score }, i) => ({ practice: practices[i], myScore: my_score ? toMyScore(my_score) : null })),
      recusedPracticeIds: recused,
      cityTiedPractices: ofTiedCities,
      byAssignment: edition.assigns,
    };
  }

  /**
   * Writes the juror's score in the one statement that also checks the stage, the deadline, the
   * scale, the grant and conflicts (JuryRepository.upsertScore); a refusal is explained afterwards.
   */
  async putScore(principal: Principal, practiceId: string, dto: PutScoreDto): Promise<MyScoreView> {
    const { comprehensiveness, longTerm, governmentEngagement, effectiveness } = dto.criteria;
    const comment = dto.comment?.trim() || null;
    const row = await this.jury.upsertScore(this.dataSource.manager, {
      practiceId,
      jurorId: principal.userId,
      comprehensiveness,
      longTerm,
      governmentEngagement,
      effectiveness,
      comment,
    });
    if (row) return toMyScore(row);
    throw await this.whyNotScored(principal, practiceId, dto);
  }

  /** Explains a refused score write (read after the fact, for the error message only). */
  private async whyNotScored(principal: Principal, practiceId: string, dto: PutScoreDto): Promise<Error> {
    const row = await this.jury.scoreRefusal(this.dataSource.manager, practiceId, principal.userId);
    if (!row) return new NotFoundError('Practice');
    if (row.conflict) return new ForbiddenError('You have a conflict of interest on this practice', 'conflict_of_interest');
    if (row.unassigned) return new ForbiddenError('This practice is not assigned to you (the edition assigns practices to panels and jurors)', 'not_assigned');
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
      const target = await lockConflictTarget(manager, practiceId, principal.userId);
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
    return this.jury.progress(this.dataSource.manager, editionId);
  }

  /** Jurors with practices left to score (the reminders' hook). */
  async unfinishedJurors(editionId: string): Promise<JurorProgressView[]> {
    return (await this.progress(editionId)).filter((juror) => juror.scored < juror.total);
  }
}
