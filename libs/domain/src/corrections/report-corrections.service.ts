// The coordinator's corrections of the expert stage: reopening a submitted report, revising an
// eligibility decision. Each with a reason, audited, told to the report's expert through the
// outbox, in one transaction; refused (409 with a code) once the jury's work depends on it.
import { Injectable } from '@nestjs/common';
import { AuditRecorder, ConflictError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { isAtOrAfter } from '../editions/edition-stage';
import { PracticeView, ReportView } from '../reports/dto/report.dto';
import { PracticesService } from '../practices/practices.service';
import { ReportsService } from '../reports/reports.service';
import { cleanReason, EligibilityRevisionDto } from './corrections.dto';
import { ReportCorrectionsRepository } from './report-corrections.repository';

@Injectable()
export class ReportCorrectionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly corrections: ReportCorrectionsRepository,
    private readonly reports: ReportsService,
    private readonly practices: PracticesService,
    private readonly audit: AuditRecorder,
  ) {}

  /**
   * Puts a submitted report back to draft, with the reason shown to its expert, and clears its
   * practices' eligibility decisions (they are decided again after resubmission). Only in stage
   * reportsOpen, where the expert can write. In juryScoring the answer names what stands in the
   * way: the jury's scores on its practices (report_scored: never undone), or else the stage
   * (step_back_first: step the edition back to reportsOpen, possible while no score exists).
   * The expert's deadline is not changed: past it, extend it too.
   */
  async reopen(actor: Principal, reportId: string, rawReason: string): Promise<ReportView> {
    const reason = cleanReason(rawReason);
    await this.uow.run(async (tx) => {
      const report = await this.corrections.lockReopenTarget(tx.manager, reportId);
      if (!report) throw new NotFoundError('Report');
      if (report.status !== 'submitted') throw new ConflictError('report_not_submitted', 'Only a submitted report can be reopened');
      if (report.stage === 'juryScoring' && report.scores > 0) {
        throw new ConflictError('report_scored', `The jury has recorded ${report.scores} score(s) on this report’s practices; it can no longer be reopened`, { scores: report.scores });
      }
      if (report.stage === 'juryScoring') {
        throw new ConflictError('step_back_first', 'Experts write only in stage reportsOpen: step the edition back to reportsOpen first, then reopen the report', { stage: report.stage });
      }
      if (report.stage !== 'reportsOpen') {
        throw new ConflictError('wrong_stage', `A report can be reopened only while the edition is in stage reportsOpen (it is ${report.stage})`, { stage: report.stage });
      }
      if (!(await this.corrections.reopen(tx.manager, reportId, reason, actor.userId))) throw new ConflictError('report_not_submitted', 'Only a submitted report can be reopened');
      const cleared = await this.corrections.clearPractices(tx.manager, reportId);
      await tx.emit('report.reopened', { reportId, reason });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'report.reopen',
          objectType: 'report',
          objectId: reportId,
          outcome: 'success',
          details: { reason, editionId: report.edition_id, cityId: report.city_id, clearedPractices: cleared },
        },
        tx.manager,
      );
    });
    return this.reports.get(reportId, true);
  }

  /** Changes a decided practice's eligibility, only until scoring opens (scoring_opened afterwards). */
  async reviseEligibility(actor: Principal, practiceId: string, dto: EligibilityRevisionDto): Promise<PracticeView> {
    const reason = cleanReason(dto.reason);
    await this.uow.run(async (tx) => {
      const practice = await this.corrections.lockRevisionTarget(tx.manager, practiceId);
      if (!practice) throw new NotFoundError('Practice');
      if (isAtOrAfter(practice.stage, 'juryScoring')) {
        throw new ConflictError('scoring_opened', `Eligibility cannot be revised once jury scoring has opened (the edition is in ${practice.stage})`, { stage: practice.stage });
      }
      if (practice.status !== 'eligible' && practice.status !== 'ineligible') {
        throw new ConflictError('not_decided', 'Only a practice with an eligibility decision can have it revised');
      }
      if (!(await this.corrections.revise(tx.manager, practiceId, { eligible: dto.eligible, reason, by: actor.userId }))) {
        throw new ConflictError('not_decided', 'The practice changed meanwhile; reload and try again');
      }
      const to = dto.eligible ? 'eligible' : 'ineligible';
      await tx.emit('practice.eligibilityRevised', { practiceId, reason });
      await this.audit.record(
        { actorId: actor.userId, action: 'practice.eligibility_revised', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { from: practice.status, to, reason } },
        tx.manager,
      );
    });
    return this.practices.get(practiceId);
  }
}
