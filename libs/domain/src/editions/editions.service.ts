// Editions: creation, settings, and the stage machine with its guards. Rules and orchestration
// only; the statements are in EditionsRepository.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { CreateEditionDto, EditionView, TransitionsView, UpdateEditionDto } from './dto/edition.dto';
import { cleanReason } from '../corrections/corrections.dto';
import { allowedTargets, assertStepBack, assertTransition, EditionStage, isAtOrAfter, TransitionBlocker, transitionBlockers, transitionWarnings, WARNED_TARGETS } from './edition-stage';
import { EditionRow, toEditionView } from './edition-view';
import { EditionPatch, EditionsRepository } from './editions.repository';
import { pageTotal, uniqueViolation } from '../common/pg-errors';

export { toEditionView } from './edition-view';

@Injectable()
export class EditionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly editions: EditionsRepository,
    private readonly audit: AuditRecorder,
  ) {}

  // ---- editions -------------------------------------------------------------------------

  async create(actor: Principal, dto: CreateEditionDto): Promise<EditionView> {
    try {
      const row = await this.editions.insert(this.dataSource.manager, {
        year: dto.year,
        name: dto.name.trim(),
        ceremonyStartsAt: dto.ceremony?.startsAt ?? null,
        ceremonyVenue: dto.ceremony?.venue ?? null,
        ceremonyCity: dto.ceremony?.city ?? null,
        reportsDueAt: dto.reportsDueAt ?? null,
        scoringDueAt: dto.scoringDueAt ?? null,
      });
      await this.audit.record({ actorId: actor.userId, action: 'edition.create', objectType: 'edition', objectId: row.id, outcome: 'success' });
      return toEditionView(row);
    } catch (error) {
      if (uniqueViolation(error, 'edition_year_unique')) throw new ConflictError('edition_year_taken', `An edition for ${dto.year} already exists`);
      throw error;
    }
  }

  /** The editions the principal may see (the edition.read rule as a predicate), newest first. */
  async list(principal: Principal, limit: number, offset: number): Promise<{ items: EditionView[]; total: number }> {
    const rows = await this.editions.listVisible(this.dataSource.manager, principal.userId, limit, offset);
    return { items: rows.map(({ total: _total, ...row }) => toEditionView(row)), total: pageTotal(rows) };
  }

  async get(editionId: string): Promise<EditionView> {
    return toEditionView(await this.row(this.dataSource.manager, editionId));
  }

  async update(actor: Principal, editionId: string, dto: UpdateEditionDto): Promise<EditionView> {
    return this.uow.run(async ({ manager }) => {
      const current = await this.row(manager, editionId, true);
      if (dto.scoring && isAtOrAfter(current.stage, 'juryScoring')) {
        throw new ConflictError('scoring_settings_locked', 'The scale and weights cannot change once jury scoring has started');
      }
      if (dto.reportsDueAt !== undefined && isAtOrAfter(current.stage, 'juryScoring')) {
        throw new ConflictError('deadline_locked', 'reportsDueAt cannot change once the expert stage has closed');
      }
      if (dto.scoringDueAt !== undefined && isAtOrAfter(current.stage, 'deliberation')) {
        throw new ConflictError('deadline_locked', 'scoringDueAt cannot change once jury scoring has closed');
      }
      const weights = dto.scoring?.weights;
      if (weights && Object.values(weights).reduce((sum, w) => sum + w, 0) <= 0) {
        throw new InvalidInputError('scoring.weights', 'must not all be zero');
      }
      const patch: EditionPatch = {};
      if (dto.name !== undefined) patch.name = dto.name.trim();
      if (dto.reportsDueAt !== undefined) patch.reports_due_at = dto.reportsDueAt;
      if (dto.scoringDueAt !== undefined) patch.scoring_due_at = dto.scoringDueAt;
      if (dto.ceremony !== undefined) {
        patch.ceremony_starts_at = dto.ceremony?.startsAt ?? null;
        patch.ceremony_venue = dto.ceremony?.venue ?? null;
        patch.ceremony_city = dto.ceremony?.city ?? null;
      }
      if (dto.scoring?.scaleMax !== undefined) patch.scoring_scale_max = dto.scoring.scaleMax;
      if (weights) patch.scoring_weights = weights as unknown as Record<string, number>;
      if (dto.reminders?.reportsDays !== undefined) patch.reports_reminder_days = dto.reminders.reportsDays;
      if (dto.reminders?.scoringDays !== undefined) patch.scoring_reminder_days = dto.reminders.scoringDays;
      if (Object.keys(patch).length === 0) return toEditionView(current);
      const row = await this.editions.update(manager, editionId, patch);
      await this.audit.record({ actorId: actor.userId, action: 'edition.update', objectType: 'edition', objectId: editionId, outcome: 'success', details: { fields: Object.keys(dto) } }, manager);
      return toEditionView(row);
    });
  }

  // ---- the stage machine ----------------------------------------------------------------

  /**
   * Moves the edition one stage on: guards checked under a row lock, then one conditional UPDATE,
   * a history row and an outbox event, all in one transaction. Concurrent calls give one success.
   */
  async transition(actor: Principal, editionId: string, to: EditionStage): Promise<EditionView> {
    return this.uow.run(async (tx) => {
      const current = await this.row(tx.manager, editionId, true);
      assertTransition(current.stage, to);
      const blockerDetails = await this.blockers(tx.manager, current, to);
      if (blockerDetails.length > 0) {
        const blockers = blockerDetails.map((blocker) => blocker.message);
        throw new ConflictError('transition_blocked', `Cannot move to ${to}: ${blockers.join('; ')}`, { from: current.stage, to, blockers, blockerDetails });
      }
      const moved = await this.editions.moveStage(tx.manager, editionId, current.stage, to);
      if (!moved) throw new ConflictError('stage_changed', 'The edition changed stage meanwhile; reload and try again');
      const stageEventId = await this.editions.recordStageEvent(tx.manager, editionId, current.stage, to, actor.userId);
      await this.editions.applyStageEffects(tx.manager, editionId, to);
      await tx.emit('edition.stageChanged', { editionId, from: current.stage, to, stageEventId });
      await this.audit.record({ actorId: actor.userId, action: 'edition.transition', objectType: 'edition', objectId: editionId, outcome: 'success', details: { from: current.stage, to } }, tx.manager);
      return toEditionView(moved);
    });
  }

  /**
   * A correction: the edition one stage back, where nothing irreversible happened yet (no score
   * when leaving juryScoring, no award when leaving deliberation; never from decided). Under the
   * edition's row lock: a score write holds the row in share mode, so it either committed before
   * (and is counted here) or waits and then finds the stage moved. A history row with the reason,
   * an audit row and an outbox event in the same transaction.
   */
  async stepBack(actor: Principal, editionId: string, to: EditionStage, rawReason: string): Promise<EditionView> {
    const reason = cleanReason(rawReason);
    return this.uow.run(async (tx) => {
      const current = await this.row(tx.manager, editionId, true);
      const step = assertStepBack(current.stage, to);
      const { scores, awards } = await this.editions.irreversibleCounts(tx.manager, editionId);
      if (step.blockedBy === 'scores' && scores > 0) {
        throw new ConflictError('scores_exist', `Jurors have recorded ${scores} score(s): scoring cannot be undone`, { from: current.stage, to, scores });
      }
      if (step.blockedBy === 'awards' && awards > 0) {
        throw new ConflictError('awards_exist', `${awards} award(s) are recorded: remove them before stepping back to scoring`, { from: current.stage, to, awards });
      }
      const moved = await this.editions.moveStage(tx.manager, editionId, current.stage, to);
      if (!moved) throw new ConflictError('stage_changed', 'The edition changed stage meanwhile; reload and try again');
      const stageEventId = await this.editions.recordStageEvent(tx.manager, editionId, current.stage, to, actor.userId, reason);
      await tx.emit('edition.steppedBack', { editionId, from: current.stage, to, stageEventId, reason });
      await this.audit.record({ actorId: actor.userId, action: 'edition.step_back', objectType: 'edition', objectId: editionId, outcome: 'success', details: { from: current.stage, to, reason } }, tx.manager);
      return toEditionView(moved);
    });
  }

  async transitions(editionId: string): Promise<TransitionsView> {
    const manager = this.dataSource.manager;
    const current = await this.row(manager, editionId);
    const targets = allowedTargets(current.stage);
    const warningFacts = targets.some((to) => WARNED_TARGETS.includes(to)) ? { ...(await this.editions.warningCounts(manager, editionId)), reportsDueAt: current.reports_due_at, scoringDueAt: current.scoring_due_at } : null;
    const next = await Promise.all(
      targets.map(async (to) => {
        const blockerDetails = await this.blockers(manager, current, to);
        const warnings = warningFacts ? transitionWarnings(to, warningFacts) : [];
        return { to, ready: blockerDetails.length === 0, blockers: blockerDetails.map((blocker) => blocker.message), blockerDetails, warnings };
      }),
    );
    const history = await this.editions.stageHistory(manager, editionId);
    return { stage: current.stage, next, history };
  }

  /**
   * The edition, for the other services of the module that must hold its stage still (FOR UPDATE
   * when `lock`) while they check a stage rule: 404 when there is none.
   */
  async row(manager: EntityManager, editionId: string, lock = false): Promise<EditionRow> {
    const row = await this.editions.find(manager, editionId, lock);
    if (!row) throw new NotFoundError('Edition');
    return row;
  }

  /** The guards of a move: codes for clients, plain words for people. */
  private async blockers(manager: EntityManager, edition: EditionRow, to: EditionStage): Promise<TransitionBlocker[]> {
    const counts = await this.editions.transitionCounts(manager, edition.id);
    return transitionBlockers(to, { ...counts, reportsDueAt: edition.reports_due_at, scoringDueAt: edition.scoring_due_at });
  }
}
