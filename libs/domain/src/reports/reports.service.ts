// The expert stage's reports: starting one, the expert's list, reading, the summary, submission
// (which freezes the report) and the follow-ups of the previous edition's distinctions. Practices,
// eligibility and the edition's practice lists are in PracticesService; evidence files in FilesService.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { isExpertOf } from '../access/access-rule';
import { EditionStage } from '../editions/edition-stage';
import { FilesRepository } from '../files/files.repository';
import { maskBeforePublication } from '../practices/practice-status';
import { PracticesRepository } from '../practices/practices.repository';
import { distinctionFollowUpStatus, practiceCoverageProblem } from './follow-up-status';
import { CreatedReportView, CreateFollowUpDto, FollowUpView, MyReportAssignment, PreviousDistinctionView, ReportView } from './dto/report.dto';
import { ReportTranslationsService } from './report-translations.service';
import { ReportsRepository, WritableReportRow } from './reports.repository';

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reports: ReportsRepository,
    private readonly practices: PracticesRepository,
    private readonly files: FilesRepository,
    private readonly audit: AuditRecorder,
    private readonly translations: ReportTranslationsService,
  ) {}

  async create(principal: Principal, editionId: string, cityId: string): Promise<CreatedReportView> {
    if (!isExpertOf(principal, editionId, cityId)) throw new ForbiddenError('You are not the expert of this city in this edition', 'not_assigned');
    return this.uow.run(async ({ manager }) => {
      this.assertOpenForReports(await this.reports.editionForReports(manager, editionId, cityId));
      const id = await this.reports.insertIfAbsent(manager, editionId, cityId, principal.userId);
      if (!id) {
        const existing = await this.reports.idOf(manager, editionId, cityId);
        throw new ConflictError('report_exists', 'This city already has a report in this edition', { reportId: existing });
      }
      return { id, status: 'draft' as const, editionId, cityId };
    });
  }

  /**
   * The caller's expert assignments (one per edition and city granted), newest edition first, each
   * with its report once started. Read from role_grant, not the principal, so it is the same
   * source as the grants checked on every request.
   */
  async mine(principal: Principal): Promise<MyReportAssignment[]> {
    const rows = await this.reports.assignmentsOf(this.dataSource.manager, principal.userId);
    return rows.map(({ reportId, status, submittedAt, reopenReason, updatedAt, practiceCount, ...assignment }) => ({
      ...assignment,
      report: reportId ? { id: reportId, status, submittedAt, reopenReason, updatedAt, practiceCount } : null,
    }));
  }

  /** The report; decisions (distinguished or not) show only to coordinators until publication. */
  async get(reportId: string, revealDecisions = false): Promise<ReportView> {
    const manager = this.dataSource.manager;
    const report = await this.reports.head(manager, reportId);
    if (!report) throw new NotFoundError('Report');
    const [practices, files, followUps] = await Promise.all([
      this.practices.listByReport(manager, reportId),
      this.files.listByReport(manager, reportId),
      this.reports.followUps(manager, reportId),
    ]);
    const { stage, ...view } = report;
    const shown = revealDecisions ? practices : practices.map((p) => ({ ...p, status: maskBeforePublication(p.status, stage) }));
    return { ...view, practices: shown, files, followUps };
  }

  async updateSummary(reportId: string, summary: string): Promise<ReportView> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, reportId);
      // Translations of the summary being replaced become outdated (before the change, in its transaction).
      await this.translations.summaryChanging(manager, reportId, summary);
      await this.reports.updateSummary(manager, reportId, summary);
    });
    return this.get(reportId);
  }

  /** Freezes the report: one conditional update that also checks stage and deadline. */
  async submit(principal: Principal, reportId: string): Promise<ReportView> {
    await this.uow.run(async (tx) => {
      const report = await this.lockWritable(tx.manager, reportId);
      if ((await this.practices.countByReport(tx.manager, reportId)) < 1) throw new ConflictError('no_practices', 'Add at least one practice before submitting');
      if (!(await this.reports.submit(tx.manager, reportId, principal.userId))) throw new ConflictError('report_not_submittable', 'The report can no longer be submitted');
      await this.practices.submitAllOfReport(tx.manager, reportId);
      await tx.emit('report.submitted', { reportId });
      await this.audit.record({ actorId: principal.userId, action: 'report.submit', objectType: 'report', objectId: reportId, outcome: 'success', details: { editionId: report.edition_id, cityId: report.city_id } }, tx.manager);
    });
    return this.get(reportId);
  }

  /**
   * Locks the report for a change and checks it may still change: a draft, in stage reportsOpen,
   * before its expert's deadline (reportsDueAt, or a later extension on the expert's grant). Concurrent submits and edits serialize on this lock.
   */
  async lockWritable(manager: EntityManager, reportId: string): Promise<WritableReportRow> {
    const row = await this.reports.lock(manager, reportId);
    if (!row) throw new NotFoundError('Report');
    if (row.status !== 'draft') throw new ConflictError('report_submitted', 'The report has been submitted and can no longer change');
    this.assertOpenForReports(row);
    return row;
  }

  private assertOpenForReports(edition: { stage: EditionStage; reports_due_at: Date | null } | undefined): void {
    if (!edition) throw new NotFoundError('Edition');
    if (edition.stage !== 'reportsOpen') {
      throw new ConflictError('wrong_stage', `Reports can be written only while the edition is in stage reportsOpen (it is ${edition.stage})`, { stage: edition.stage });
    }
    if (edition.reports_due_at && edition.reports_due_at.getTime() <= Date.now()) {
      throw new ConflictError('deadline_passed', `The deadline for reports passed at ${edition.reports_due_at.toISOString()}`);
    }
  }

  // ---- follow-ups of the previous edition's distinctions --------------------------------

  /** The distinctions of the previous edition in the report's city: what the expert assesses. */
  previousDistinctions(reportId: string): Promise<PreviousDistinctionView[]> {
    return this.reports.previousDistinctions(this.dataSource.manager, reportId);
  }

  async addFollowUp(reportId: string, dto: CreateFollowUpDto): Promise<FollowUpView> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, reportId);
      const candidates = await this.reports.previousDistinctions(manager, reportId);
      const award = candidates.find((candidate) => candidate.id === dto.awardId);
      if (!award) throw new InvalidInputError('awardId', 'is not a distinction of the previous edition in this city');
      const practices = dto.practices ?? [];
      if (practices.length) {
        const problem = practiceCoverageProblem((award.practices ?? []).map((practice) => practice.id), practices.map((practice) => practice.practiceId));
        if (problem) throw new InvalidInputError('practices', problem);
      }
      const status = dto.status ?? distinctionFollowUpStatus(practices.map((practice) => practice.status));
      const followUpId = await this.reports.insertFollowUp(manager, reportId, { awardId: dto.awardId, status, assessment: dto.assessment });
      if (!followUpId) throw new ConflictError('follow_up_exists', 'This distinction already has a follow-up in this report');
      await this.reports.insertFollowUpPractices(manager, followUpId, practices);
    });
    const followUps = await this.reports.followUps(this.dataSource.manager, reportId);
    return followUps.find((followUp) => followUp.awardId === dto.awardId)!;
  }
}
