// Assignments: the experts, jurors and officials an edition or a city has, which are the role
// grants the access layer checks. Each kind can change only before the stage that uses it.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, Role, Tx, UnitOfWork } from '@app/core';
import { CitiesService } from '../cities/cities.service';
import { uniqueViolation } from '../common/pg-errors';
import { cleanReason, DeadlineExtensionDto } from '../corrections/corrections.dto';
import { AssignExpertDto, AssignJurorDto, AssignmentView } from '../editions/dto/edition.dto';
import { EDITION_STAGES, EditionStage, isAtOrAfter } from '../editions/edition-stage';
import { EditionsService } from '../editions/editions.service';
import { GrantsRepository, NewGrant } from './grants.repository';

/** Which stage consumes each kind of assignment: it can be removed only before that stage. */
const ASSIGNMENT_USED_FROM: Record<'expert' | 'juror', EditionStage> = { expert: 'reportsOpen', juror: 'juryScoring' };

type GrantRequest = Omit<NewGrant, 'grantedBy' | 'countryOfOrigin' | 'languages'> & Partial<Pick<NewGrant, 'countryOfOrigin' | 'languages'>>;

@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly grants: GrantsRepository,
    private readonly editions: EditionsService,
    private readonly cities: CitiesService,
    private readonly audit: AuditRecorder,
  ) {}

  list(role: Role, scope: { editionId?: string; cityId?: string }, manager: EntityManager = this.dataSource.manager): Promise<AssignmentView[]> {
    return this.grants.list(manager, role, { editionId: scope.editionId ?? null, cityId: scope.cityId ?? null });
  }

  assignExpert(actor: Principal, editionId: string, dto: AssignExpertDto): Promise<AssignmentView> {
    return this.uow.run((tx) => this.assignExpertIn(tx, actor, editionId, dto));
  }

  /** assignExpert in the caller's transaction (a row of a people import). */
  assignExpertIn(tx: Tx, actor: Principal, editionId: string, dto: AssignExpertDto): Promise<AssignmentView> {
    return this.grantIn(tx, actor, { role: 'expert', editionId, cityId: dto.cityId, userId: dto.userId }, {
      role_grant_expert_per_city_unique: 'This city already has an expert in this edition',
      role_grant_expert_per_edition_unique: 'This user is already the expert of a city in this edition',
    });
  }

  assignJuror(actor: Principal, editionId: string, dto: AssignJurorDto): Promise<AssignmentView> {
    return this.uow.run((tx) => this.assignJurorIn(tx, actor, editionId, dto));
  }

  /** assignJuror in the caller's transaction (a row of a people import). */
  assignJurorIn(tx: Tx, actor: Principal, editionId: string, dto: AssignJurorDto): Promise<AssignmentView> {
    return this.grantIn(tx, actor, { role: 'juror', editionId, cityId: dto.cityId ?? null, userId: dto.userId, countryOfOrigin: dto.countryOfOrigin ?? null, languages: dto.languages ?? null }, {
      role_grant_juror_unique: 'This user is already a juror of this edition',
    });
  }

  /** A translator adds and edits the edition's translations (until scoring opens, as anyone may). */
  assignTranslator(actor: Principal, editionId: string, userId: string): Promise<AssignmentView> {
    return this.grant(actor, { role: 'translator', editionId, cityId: null, userId }, {
      role_grant_translator_unique: 'This user is already a translator of this edition',
    });
  }

  assignOfficial(actor: Principal, cityId: string, userId: string): Promise<AssignmentView> {
    return this.grant(actor, { role: 'cityOfficial', editionId: null, cityId, userId }, {
      role_grant_official_unique: 'This user is already an official of this city',
    });
  }

  private grant(actor: Principal, grant: GrantRequest, duplicates: Record<string, string>): Promise<AssignmentView> {
    return this.uow.run((tx) => this.grantIn(tx, actor, grant, duplicates));
  }

  private async grantIn(tx: Tx, actor: Principal, grant: GrantRequest, duplicates: Record<string, string>): Promise<AssignmentView> {
    const { role } = grant;
    const { manager } = tx;
    if (grant.editionId) {
      const edition = await this.editions.row(manager, grant.editionId, true);
      const usedFrom = ASSIGNMENT_USED_FROM[role as 'expert' | 'juror'];
      if (usedFrom && isAtOrAfter(edition.stage, EDITION_STAGES[EDITION_STAGES.indexOf(usedFrom) + 1])) {
        throw new ConflictError('assignments_locked', `${role}s cannot be assigned once the edition is past ${usedFrom}`);
      }
    }
    if (!(await this.grants.isEnabledUser(manager, grant.userId))) throw new InvalidInputError('userId', 'is not an existing, enabled user');
    if (grant.cityId && !(await this.cities.exists(manager, grant.cityId))) throw new InvalidInputError('cityId', 'is not an existing city');
    let id: string;
    try {
      id = await this.grants.insert(manager, { ...grant, countryOfOrigin: grant.countryOfOrigin ?? null, languages: grant.languages ?? null, grantedBy: actor.userId });
    } catch (error) {
      const constraint = Object.keys(duplicates).find((name) => uniqueViolation(error, name));
      if (constraint) throw new ConflictError('already_assigned', duplicates[constraint]);
      throw error;
    }
    // The person hears of it from the same transaction (the outbox): one mail per grant.
    if (grant.editionId && (role === 'expert' || role === 'juror')) {
      await tx.emit('grant.added', { grantId: id, userId: grant.userId, editionId: grant.editionId, role, cityId: grant.cityId });
    }
    await this.audit.record({ actorId: actor.userId, action: `grant.${role}`, objectType: 'user', objectId: grant.userId, outcome: 'success', details: { grantId: id, editionId: grant.editionId, cityId: grant.cityId } }, manager);
    return (await this.grants.find(manager, id))!;
  }

  /**
   * Gives one expert (their report) or juror (their scoring) a later deadline than the edition's,
   * while that stage has not closed. The deadline checks read it from the grant in their own
   * statements; the person is told, with the reason.
   */
  async extendDeadline(actor: Principal, editionId: string, role: 'expert' | 'juror', assignmentId: string, dto: DeadlineExtensionDto): Promise<AssignmentView> {
    const reason = cleanReason(dto.reason);
    const kind = role === 'expert' ? 'reports' : 'scoring';
    return this.uow.run(async (tx) => {
      const grant = await this.grants.lock(tx.manager, assignmentId, role, { editionId, cityId: null });
      if (!grant) throw new NotFoundError('Assignment');
      const edition = await this.editions.row(tx.manager, editionId, true);
      const closesAt: EditionStage = kind === 'reports' ? 'juryScoring' : 'deliberation';
      if (isAtOrAfter(edition.stage, closesAt)) {
        throw new ConflictError('deadline_locked', `A ${kind} deadline cannot be extended once the edition has reached ${closesAt}`, { stage: edition.stage });
      }
      const dueAt = new Date(dto.dueAt);
      if (dueAt.getTime() <= Date.now()) throw new InvalidInputError('dueAt', 'must be in the future');
      const editionDue = kind === 'reports' ? edition.reports_due_at : edition.scoring_due_at;
      if (editionDue && dueAt.getTime() <= editionDue.getTime()) throw new InvalidInputError('dueAt', `must be later than the edition’s deadline (${editionDue.toISOString()})`);
      await this.grants.setExtension(tx.manager, assignmentId, dueAt.toISOString(), reason);
      await tx.emit('grant.deadlineExtended', { grantId: assignmentId, userId: grant.user_id, editionId, kind, dueAt: dueAt.toISOString(), reason });
      await this.audit.record(
        { actorId: actor.userId, action: 'grant.deadline_extended', objectType: 'grant', objectId: assignmentId, outcome: 'success', details: { userId: grant.user_id, editionId, kind, dueAt: dueAt.toISOString(), reason } },
        tx.manager,
      );
      return (await this.grants.find(tx.manager, assignmentId))!;
    });
  }

  /** Removes an assignment, only before the stage that uses it. */
  async revoke(actor: Principal, role: Role, assignmentId: string, scope: { editionId?: string; cityId?: string }): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const grant = await this.grants.lock(manager, assignmentId, role, { editionId: scope.editionId ?? null, cityId: scope.cityId ?? null });
      if (!grant) throw new NotFoundError('Assignment');
      if (grant.edition_id) {
        const edition = await this.editions.row(manager, grant.edition_id, true);
        const usedFrom = ASSIGNMENT_USED_FROM[role as 'expert' | 'juror'];
        if (usedFrom && isAtOrAfter(edition.stage, usedFrom)) {
          throw new ConflictError('assignment_in_use', `A ${role} cannot be removed once the edition has reached ${usedFrom}`);
        }
      }
      await this.grants.delete(manager, assignmentId);
      await this.audit.record({ actorId: actor.userId, action: `revoke.${role}`, objectType: 'user', objectId: grant.user_id, outcome: 'success', details: { grantId: assignmentId } }, manager);
    });
  }
}
