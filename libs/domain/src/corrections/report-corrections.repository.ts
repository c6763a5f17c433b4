// The statements of the expert stage's corrections: reopening a submitted report (its practices
// back to draft, their eligibility decisions cleared) and revising an eligibility decision. Each
// change is a guarded UPDATE … WHERE status = … RETURNING, under row locks taken first.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';
import { PracticeStatus } from '../practices/practice-status';
import { ReportStatus } from '../reports/report.entity';

export interface ReopenTargetRow {
  status: ReportStatus;
  edition_id: string;
  city_id: string;
  stage: EditionStage;
  /** Scores recorded on the report's practices (the jury's work a reopening would throw away). */
  scores: number;
}

export interface RevisionTargetRow {
  status: PracticeStatus;
  stage: EditionStage;
}

@Injectable()
export class ReportCorrectionsRepository {
  /** The report locked FOR UPDATE, its edition FOR SHARE (the stage cannot move meanwhile), with its scores. */
  async lockReopenTarget(manager: EntityManager, reportId: string): Promise<ReopenTargetRow | undefined> {
    const [row] = await queryRows<ReopenTargetRow>(
      manager,
      `SELECT r.status, r.edition_id, r.city_id, e.stage,
              (SELECT count(*)::int FROM score s JOIN practice p ON p.id = s.practice_id WHERE p.report_id = r.id) AS scores
         FROM report r JOIN edition e ON e.id = r.edition_id WHERE r.id = $1
          FOR UPDATE OF r FOR SHARE OF e`,
      [reportId],
    );
    return row;
  }

  /** Back to draft with the reason, only if still submitted (false: it changed meanwhile). */
  async reopen(manager: EntityManager, reportId: string, reason: string, by: string): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE report SET status = 'draft', submitted_at = NULL, submitted_by = NULL,
              reopen_reason = $2, reopened_at = now(), reopened_by = $3, updated_at = now()
        WHERE id = $1 AND status = 'submitted' RETURNING id`,
      [reportId, reason, by],
    );
    return rows.length > 0;
  }

  /** The report's practices back to draft, their eligibility decisions cleared; what each was before. */
  clearPractices(manager: EntityManager, reportId: string): Promise<{ id: string; status: PracticeStatus }[]> {
    return queryRows(
      manager,
      `UPDATE practice p SET status = 'draft', eligibility_reason = NULL, eligibility_decided_at = NULL, eligibility_decided_by = NULL, updated_at = now()
         FROM (SELECT id, status FROM practice WHERE report_id = $1 AND status IN ('submitted', 'eligible', 'ineligible') FOR UPDATE) before
        WHERE p.id = before.id
        RETURNING p.id, before.status`,
      [reportId],
    );
  }

  /** The practice locked FOR UPDATE, its edition FOR SHARE, with the edition's stage. */
  async lockRevisionTarget(manager: EntityManager, practiceId: string): Promise<RevisionTargetRow | undefined> {
    const [row] = await queryRows<RevisionTargetRow>(
      manager,
      `SELECT p.status, e.stage FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
        WHERE p.id = $1 FOR UPDATE OF p FOR SHARE OF e`,
      [practiceId],
    );
    return row;
  }

  /** The revised decision, only on a decided practice (false: it changed meanwhile). */
  async revise(manager: EntityManager, practiceId: string, decision: { eligible: boolean; reason: string; by: string }): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE practice SET status = $2, eligibility_reason = $3, eligibility_decided_at = now(), eligibility_decided_by = $4, updated_at = now()
        WHERE id = $1 AND status IN ('eligible', 'ineligible') RETURNING id`,
      [practiceId, decision.eligible ? 'eligible' : 'ineligible', decision.eligible ? null : decision.reason, decision.by],
    );
    return rows.length > 0;
  }
}
