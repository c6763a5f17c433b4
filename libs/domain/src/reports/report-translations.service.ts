// Translations of reports' summaries, under the rules of practices' translations
// (practice-translations.service.ts): until scoring opens; a new original summary outdates them.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { isAtOrAfter } from '../editions/edition-stage';
import { PutReportTranslationDto, ReportTranslationsView, SummaryVersionMeta } from '../practices/dto/practice-translation.dto';
import { ReportOriginalRow, ReportTranslationsRepository } from './report-translations.repository';

@Injectable()
export class ReportTranslationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly translations: ReportTranslationsRepository,
    private readonly audit: AuditRecorder,
  ) {}

  /** The summary in `language` where a translation exists, else the original, with what it is. */
  async localizeSummary<T extends { reportId: string; summary: string }>(view: T, language: string | null): Promise<T & SummaryVersionMeta> {
    const version = await this.translations.version(this.dataSource.manager, view.reportId, language ?? '');
    const originalLanguage = version?.originalLanguage ?? 'pl';
    if (!language || !version?.language || version.summary === null || language === originalLanguage) {
      return { ...view, language: originalLanguage, originalLanguage, translated: false, outdated: false, requestedLanguage: language, originalSummary: null };
    }
    return { ...view, summary: version.summary, language: version.language, originalLanguage, translated: true, outdated: version.outdated ?? false, requestedLanguage: language, originalSummary: view.summary };
  }

  async list(reportId: string): Promise<ReportTranslationsView> {
    const manager = this.dataSource.manager;
    const original = await this.translations.original(manager, reportId);
    if (!original) throw new NotFoundError('Report');
    const translations = await this.translations.list(manager, reportId);
    return {
      reportId,
      original: { language: original.originalLanguage, summary: original.summary, original: true, providedBy: original.expertId, providedByName: original.expertName, providedAt: original.updatedAt },
      translations: translations.map((row) => ({ ...row, original: false })),
      editable: !isAtOrAfter(original.stage, 'juryScoring'),
    };
  }

  async put(principal: Principal, reportId: string, language: string, dto: PutReportTranslationDto): Promise<ReportTranslationsView> {
    await this.uow.run(async ({ manager }) => {
      const original = await this.writable(manager, reportId, language);
      await this.translations.upsert(manager, reportId, language, dto.summary, principal.userId);
      await this.audit.record({ actorId: principal.userId, action: 'report.translation_put', objectType: 'report', objectId: reportId, outcome: 'success', details: { language, editionId: original.editionId } }, manager);
    });
    return this.list(reportId);
  }

  async delete(principal: Principal, reportId: string, language: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.writable(manager, reportId, language);
      // Idempotent: removing a translation that is not there leaves the same state.
      if (!(await this.translations.delete(manager, reportId, language))) return;
      await this.audit.record({ actorId: principal.userId, action: 'report.translation_deleted', objectType: 'report', objectId: reportId, outcome: 'success', details: { language } }, manager);
    });
  }

  /** Called before a new summary is written, in its transaction. */
  summaryChanging(manager: EntityManager, reportId: string, summary: string): Promise<void> {
    return this.translations.markOutdatedIfChanged(manager, reportId, summary);
  }

  private async writable(manager: EntityManager, reportId: string, language: string): Promise<ReportOriginalRow> {
    const original = await this.translations.original(manager, reportId, true);
    if (!original) throw new NotFoundError('Report');
    if (isAtOrAfter(original.stage, 'juryScoring')) {
      throw new ConflictError('wrong_stage', `Translations are added and edited until scoring opens (the edition is in ${original.stage})`, { stage: original.stage });
    }
    if (language === original.originalLanguage) throw new InvalidInputError('lang', `is the language of the original (${language}); edit the report itself`);
    return original;
  }
}
