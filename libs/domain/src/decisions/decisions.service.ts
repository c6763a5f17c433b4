// Deliberation and decisions: awards (distinctions) to a city and often a named unit of it,
// covering eligible practices of that city, in one or more categories; deliberation notes; the
// jury's comments. Awards change only in stage deliberation: finalising (stage decided) locks them.
// The rules live here; every statement is in AwardsRepository and DeliberationRepository.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { CertificatesService } from '../certificates/certificates.service';
import { AwardHeadRow, AwardShape, AwardsRepository } from './awards.repository';
import { DeliberationRepository } from './deliberation.repository';
import { TextTranslationsService } from '../text-translations/text-translations.service';
import { conflictViewer } from '../jury/conflicts.access';
import { AwardView, CreateAwardDto, CreateNoteDto, DeliberationNoteView, JurorCommentView, UpdateAwardDto } from './dto/decisions.dto';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly awards: AwardsRepository,
    private readonly deliberation: DeliberationRepository,
    private readonly certificates: CertificatesService,
    private readonly textTranslations: TextTranslationsService,
  ) {}

  /**
   * The edition's awards; for a viewer (a juror), without the practices they are conflicted with,
   * and without the awards left with none of their practices (an award to a city they are tied to).
   */
  listAwards(editionId: string, viewer: string | null = null): Promise<AwardView[]> {
    return this.awards.listByEdition(this.dataSource.manager, editionId, viewer);
  }

  /**
   * Records a distinction. Creations queue on the edition's lock, so an identical award sent twice
   * (a double click, a retried request) is refused with award_duplicate and positions never repeat.
   */
  async createAward(principal: Principal, editionId: string, dto: CreateAwardDto): Promise<AwardView> {
    return this.uow.run(async ({ manager, emit }) => {
      await this.lockDeliberation(manager, editionId, 'award');
      const shape = { cityId: dto.cityId, recipientUnit: dto.recipientUnit ?? null, categoryIds: dto.categoryIds, practiceIds: dto.practiceIds };
      await this.assertCoverage(manager, editionId, dto.cityId, dto.categoryIds, dto.practiceIds);
      await this.assertNotDuplicate(manager, editionId, shape, null);
      const id = await this.awards.insert(manager, editionId, shape, dto.citation?.trim() || null, principal.userId);
      await this.awards.setLinks(manager, id, dto.categoryIds, dto.practiceIds);
      await emit('award.changed', { awardId: id });
      await this.audit.record({ actorId: principal.userId, action: 'award.create', objectType: 'award', objectId: id, outcome: 'success', details: { editionId } }, manager);
      return this.awardIn(manager, id);
    });
  }

  async updateAward(principal: Principal, awardId: string, dto: UpdateAwardDto): Promise<AwardView> {
    return this.uow.run(async ({ manager, emit }) => {
      const current = await this.lockAward(manager, awardId);
      const categoryIds = dto.categoryIds ?? (await this.awards.categoryIds(manager, awardId));
      const practiceIds = dto.practiceIds ?? (await this.awards.practiceIds(manager, awardId));
      await this.assertCoverage(manager, current.edition_id, current.city_id, categoryIds, practiceIds);
      const recipientUnit = dto.recipientUnit !== undefined ? dto.recipientUnit || null : current.recipient_unit;
      await this.assertNotDuplicate(manager, current.edition_id, { cityId: current.city_id, recipientUnit, categoryIds, practiceIds }, awardId);
      await this.textTranslations.originalChanging(manager, 'awardCitation', awardId, dto.citation === undefined ? undefined : dto.citation.trim() || null);
      await this.awards.update(manager, awardId, { recipientUnit: dto.recipientUnit, citation: dto.citation });
      await this.awards.setLinks(manager, awardId, categoryIds, practiceIds);
      // The worker re-issues the certificates (a new code) when what they state changed.
      await emit('award.changed', { awardId });
      await this.audit.record({ actorId: principal.userId, action: 'award.update', objectType: 'award', objectId: awardId, outcome: 'success' }, manager);
      return this.awardIn(manager, awardId);
    });
  }

  async deleteAward(principal: Principal, awardId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const award = await this.lockAward(manager, awardId);
      await this.certificates.revokeForAward(manager, awardId);
      await this.awards.delete(manager, awardId);
      // The edition in details: the audit trail's edition filter finds the event once the row is gone.
      await this.audit.record({ actorId: principal.userId, action: 'award.delete', objectType: 'award', objectId: awardId, outcome: 'success', details: { editionId: award.edition_id } }, manager);
    });
  }

  private async awardIn(manager: EntityManager, awardId: string): Promise<AwardView> {
    const award = await this.awards.find(manager, awardId);
    if (!award) throw new NotFoundError('Award');
    return award;
  }

  /**
   * Checks that the edition is in deliberation, holding its row: in share mode for notes (finalising,
   * which locks it for update, waits, then sees the change), exclusively among award changes so they
   * queue (see AwardsRepository.lockEdition). The refusal names what was refused.
   */
  private async lockDeliberation(manager: EntityManager, editionId: string, what: 'award' | 'note'): Promise<void> {
    const stage = what === 'award' ? await this.awards.lockEdition(manager, editionId) : await this.deliberation.shareEdition(manager, editionId);
    if (stage === undefined) throw new NotFoundError('Edition');
    if (stage !== 'deliberation') {
      const message = what === 'award'
        ? `Awards change only in stage deliberation (the edition is in ${stage})`
        : `Deliberation notes are added only in stage deliberation (the edition is in ${stage})`;
      throw new ConflictError('wrong_stage', message, { stage });
    }
  }

  private async assertNotDuplicate(manager: EntityManager, editionId: string, shape: AwardShape, exceptAwardId: string | null): Promise<void> {
    const existing = await this.awards.findIdentical(manager, editionId, shape, exceptAwardId);
    if (existing) {
      throw new ConflictError('award_duplicate', 'An identical award (same city, unit, categories and practices) is already recorded', { awardId: existing });
    }
  }

  /** The award, its edition locked for award changes first and then its own row (the order finalising takes them in). */
  private async lockAward(manager: EntityManager, awardId: string): Promise<AwardHeadRow> {
    const award = await this.awards.head(manager, awardId);
    if (!award) throw new NotFoundError('Award');
    await this.lockDeliberation(manager, award.edition_id, 'award');
    await this.awards.lock(manager, awardId);
    return award;
  }

  private async assertCoverage(manager: EntityManager, editionId: string, cityId: string, categoryIds: string[], practiceIds: string[]): Promise<void> {
    if (!(await this.awards.cityExists(manager, cityId))) throw new InvalidInputError('cityId', 'is not an existing city');
    const categories = [...new Set(categoryIds)];
    if ((await this.awards.countEditionCategories(manager, editionId, categories)) !== categories.length) {
      throw new InvalidInputError('categoryIds', 'must name categories of this edition');
    }
    const practices = [...new Set(practiceIds)];
    if ((await this.awards.countEligiblePractices(manager, editionId, cityId, practices)) !== practices.length) {
      throw new InvalidInputError('practiceIds', 'must be eligible practices of that city in this edition');
    }
    const [outside] = await this.awards.categoriesOutsidePractices(manager, categories, practices);
    if (outside) {
      throw new InvalidInputError(`categoryIds.${categoryIds.indexOf(outside.id)}`, `names the category "${outside.name}", under which none of the named practices is filed`);
    }
  }

  // ---- deliberation notes and the jury's comments ------------------------------------

  /** Records a note, optionally linked to a practice before the jury or an award of the edition (neither one the author is conflicted with). */
  async addNote(principal: Principal, editionId: string, dto: CreateNoteDto): Promise<DeliberationNoteView> {
    if (dto.practiceId && dto.awardId) throw new InvalidInputError('awardId', 'cannot be given together with practiceId: a note links to one of them');
    const viewer = conflictViewer(principal);
    return this.uow.run(async ({ manager }) => {
      await this.lockDeliberation(manager, editionId, 'note');
      if (dto.practiceId && !(await this.deliberation.practiceLinkable(manager, editionId, dto.practiceId, viewer))) {
        throw new InvalidInputError('practiceId', 'must be a practice before the jury in this edition');
      }
      if (dto.awardId && !(await this.deliberation.awardLinkable(manager, editionId, dto.awardId, viewer))) {
        throw new InvalidInputError('awardId', 'must be an award of this edition');
      }
      const id = await this.deliberation.insertNote(manager, editionId, principal.userId, dto.text.trim(), dto);
      const [note] = await this.deliberation.notes(manager, editionId, null, { id });
      return note;
    });
  }

  /** The edition's notes; a juror's conflicted practices' and awards' notes left out. */
  notes(editionId: string, viewer: string | null = null): Promise<DeliberationNoteView[]> {
    return this.deliberation.notes(this.dataSource.manager, editionId, viewer);
  }

  /** Every juror's comment with the practice it is about (shown to the jury once scoring has closed; a viewer's conflicted practices left out). */
  comments(editionId: string, viewer: string | null = null): Promise<JurorCommentView[]> {
    return this.deliberation.comments(this.dataSource.manager, editionId, viewer);
  }
}
