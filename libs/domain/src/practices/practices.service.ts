// A report's practices: written by the report's expert while the report may change, read by the
// roles practices.access.ts names, checked for eligibility by coordinators, and listed per edition.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, isCoordinator, NotFoundError, Principal, Tx, UnitOfWork } from '@app/core';
import { isExpertOf } from '../access/access-rule';
import { pageTotal } from '../common/pg-errors';
import { FilesRepository } from '../files/files.repository';
import { CreatePracticeDto, EditionPracticesQuery, EligibilityDto, PracticeEvidenceView, PracticePage, PracticeView, UpdatePracticeDto } from '../reports/dto/report.dto';
import { ReportsService } from '../reports/reports.service';
import { assertEligibilityDecidable, maskBeforePublication } from './practice-status';
import { ReportTranslationsService } from '../reports/report-translations.service';
import { PracticeTranslationsService } from './practice-translations.service';
import { PracticesRepository } from './practices.repository';

const cleanList = (values: string[]): string[] => [...new Set(values.map((value) => value.trim()).filter(Boolean))];

@Injectable()
export class PracticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly practices: PracticesRepository,
    private readonly files: FilesRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditRecorder,
    private readonly translations: PracticeTranslationsService,
    private readonly reportTranslations: ReportTranslationsService,
  ) {}

  async add(reportId: string, dto: CreatePracticeDto): Promise<PracticeView> {
    const id = await this.uow.run(async ({ manager }) => {
      const report = await this.reports.lockWritable(manager, reportId);
      const categoryIds = await this.assertCategories(manager, report.edition_id, dto.categoryIds);
      const practiceId = await this.practices.insert(manager, reportId, {
        title: dto.title,
        description: dto.description,
        recipientUnits: cleanList(dto.recipientUnits),
        startedOn: dto.startedOn ?? null,
        links: dto.links ?? [],
      });
      await this.practices.setCategories(manager, practiceId, categoryIds);
      return practiceId;
    });
    return this.get(id);
  }

  async update(practiceId: string, dto: UpdatePracticeDto): Promise<PracticeView> {
    await this.uow.run(async ({ manager }) => {
      const report = await this.reports.lockWritable(manager, await this.reportOf(manager, practiceId));
      if (dto.categoryIds) {
        await this.practices.setCategories(manager, practiceId, await this.assertCategories(manager, report.edition_id, dto.categoryIds));
      }
      // Translations made from the text being replaced become outdated (in this transaction, before the change).
      await this.translations.originalChanging(manager, practiceId, { title: dto.title, description: dto.description });
      await this.practices.update(manager, practiceId, {
        title: dto.title ?? null,
        description: dto.description ?? null,
        recipientUnits: dto.recipientUnits ? cleanList(dto.recipientUnits) : null,
        startedOn: dto.startedOn ?? null,
        links: dto.links ?? null,
      });
    });
    return this.get(practiceId);
  }

  async delete(practiceId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.reports.lockWritable(manager, await this.reportOf(manager, practiceId));
      await this.practices.delete(manager, practiceId);
    });
  }

  /**
   * A practice; its expert sees the decision on it only once the edition is published. Its title and
   * description in `language`, else the viewer's locale where a translation exists; its own expert,
   * who writes (and edits) the original, reads the original unless asking for a language.
   */
  async get(practiceId: string, viewer?: Principal, language?: string): Promise<PracticeView> {
    const row = await this.practices.findWithStage(this.dataSource.manager, practiceId);
    if (!row) throw new NotFoundError('Practice');
    const { stage, ...practice } = row;
    const ownExpert = viewer !== undefined && !isCoordinator(viewer) && isExpertOf(viewer, practice.editionId, practice.cityId);
    const [localized] = await this.translations.localize([practice], language ?? (viewer && !ownExpert ? viewer.locale : null));
    // Decisions stay hidden from a practice's own expert until publication; coordinators and the jury, who make them, see them.
    return ownExpert ? { ...localized, status: maskBeforePublication(practice.status, stage) } : localized;
  }

  /**
   * The report a practice belongs to, as its jurors read it: the summary and the evidence files.
   * Only that: the report's other practices and any decisions stay out of a juror's view.
   */
  async evidence(practiceId: string, language: string | null = null): Promise<PracticeEvidenceView> {
    const report = await this.practices.evidence(this.dataSource.manager, practiceId);
    if (!report) throw new NotFoundError('Practice');
    // The summary in the reader's language where translated, else the original, marked so.
    const localized = await this.reportTranslations.localizeSummary(report, language);
    return { ...localized, files: await this.files.listByReport(this.dataSource.manager, report.reportId) };
  }

  async decideEligibility(principal: Principal, practiceId: string, dto: EligibilityDto): Promise<PracticeView> {
    await this.uow.run((tx) => this.decideEligibilityIn(tx, principal, practiceId, dto));
    return this.get(practiceId);
  }

  /**
   * The one eligibility decision, in the caller's transaction (the single route's and each item of
   * a bulk decision's): the practice locked, its status and its edition's stage checked, recorded,
   * told and audited. With `editionId`, a practice of another edition is not found.
   */
  async decideEligibilityIn(tx: Tx, principal: Principal, practiceId: string, dto: EligibilityDto, editionId?: string): Promise<void> {
    const reason = dto.reason?.trim() || null;
    if (!dto.eligible && !reason) throw new InvalidInputError('reason', 'is required when a practice is ineligible');
    const row = await this.practices.lockWithStage(tx.manager, practiceId);
    if (!row || (editionId !== undefined && row.editionId !== editionId)) throw new NotFoundError('Practice');
    assertEligibilityDecidable(row.status);
    if (row.stage !== 'reportsOpen') {
      throw new ConflictError('wrong_stage', `Eligibility is decided while the edition is in stage reportsOpen (it is ${row.stage})`, { stage: row.stage });
    }
    await this.practices.recordEligibility(tx.manager, practiceId, { eligible: dto.eligible, reason, decidedBy: principal.userId });
    await tx.emit('practice.eligibilityDecided', { practiceId });
    await this.audit.record({ actorId: principal.userId, action: 'practice.eligibility', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { eligible: dto.eligible } }, tx.manager);
  }

  /** Coordinators: every practice of submitted reports. Jurors: those before the jury, never their own city's. */
  async listOfEdition(principal: Principal, editionId: string, query: EditionPracticesQuery): Promise<PracticePage> {
    const rows = await this.practices.listOfEdition(this.dataSource.manager, principal.userId, editionId, {
      cityId: query.cityId ?? null,
      categoryId: query.categoryId ?? null,
      status: query.status ?? null,
      limit: query.limit,
      offset: query.offset,
    });
    const items = await this.translations.localize(rows.map(({ total: _total, ...item }) => item), query.lang ?? principal.locale);
    return { items, total: pageTotal(rows) };
  }

  private async reportOf(manager: EntityManager, practiceId: string): Promise<string> {
    const reportId = await this.practices.reportIdOf(manager, practiceId);
    if (!reportId) throw new NotFoundError('Practice');
    return reportId;
  }

  /** The distinct category ids, all of the edition, locked FOR SHARE: a category being removed meanwhile is either still in use (its removal waits and refuses) or gone (400 here). */
  private async assertCategories(manager: EntityManager, editionId: string, categoryIds: string[]): Promise<string[]> {
    const unique = [...new Set(categoryIds)];
    if ((await this.practices.lockCategoriesOfEdition(manager, editionId, unique)) !== unique.length) throw new InvalidInputError('categoryIds', 'must name categories of this edition');
    return unique;
  }
}
