// Every statement on the report and follow_up tables, with typed rows in and out.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';
import { expertReportsDueSql, notPassedSql } from '../grants/deadlines.sql';
import { FollowUpView, MyReportAssignment, MyReportSummary, PreviousDistinctionView, ReportView } from './dto/report.dto';
import { ReportStatus } from './report.entity';

/** A report as its write rules look at it, with its edition's stage and its expert's deadline (the edition's, or a later extension). */
export interface WritableReportRow {
  id: string;
  edition_id: string;
  city_id: string;
  status: ReportStatus;
  stage: EditionStage;
  reports_due_at: Date | null;
}

export type AssignmentRow = Omit<MyReportAssignment, 'report'> & {
  reportId: string | null;
  status: MyReportSummary['status'];
  submittedAt: Date | null;
  reopenReason: string | null;
  updatedAt: Date;
  practiceCount: number;
};

export type ReportHeadRow = Omit<ReportView, 'practices' | 'files' | 'followUps'> & { stage: EditionStage };

@Injectable()
export class ReportsRepository {
  /** The edition's stage and the city's expert's deadline, held FOR SHARE so it cannot move on while a report starts. */
  async editionForReports(manager: EntityManager, editionId: string, cityId: string): Promise<{ stage: EditionStage; reports_due_at: Date | null } | undefined> {
    const [row] = await queryRows<{ stage: EditionStage; reports_due_at: Date | null }>(
      manager,
      `SELECT stage, ${expertReportsDueSql('e', '$2::uuid')} AS reports_due_at FROM edition e WHERE id = $1 FOR SHARE`,
      [editionId, cityId],
    );
    return row;
  }

  /** The new report's id, or none when the city already has one in the edition. */
  async insertIfAbsent(manager: EntityManager, editionId: string, cityId: string, createdBy: string): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO report (edition_id, city_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT report_edition_city_unique DO NOTHING RETURNING id`,
      [editionId, cityId, createdBy],
    );
    return rows[0]?.id;
  }

  async idOf(manager: EntityManager, editionId: string, cityId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(manager, `SELECT id FROM report WHERE edition_id = $1 AND city_id = $2`, [editionId, cityId]);
    return row?.id;
  }

  /** The user's expert assignments, newest edition first, each with its report once started. */
  assignmentsOf(manager: EntityManager, userId: string): Promise<AssignmentRow[]> {
    return queryRows(
      manager,
      `SELECT e.id AS "editionId", e.year AS "editionYear", e.name AS "editionName", e.stage AS "editionStage",
              e.reports_due_at AS "reportsDueAt", g.extended_due_at AS "extendedDueAt", c.id AS "cityId", c.name AS "cityName",
              r.id AS "reportId", r.status, r.submitted_at AS "submittedAt", r.reopen_reason AS "reopenReason", r.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM practice p WHERE p.report_id = r.id) AS "practiceCount"
         FROM role_grant g
         JOIN edition e ON e.id = g.edition_id
         JOIN city c ON c.id = g.city_id
         LEFT JOIN report r ON r.edition_id = g.edition_id AND r.city_id = g.city_id
        WHERE g.user_id = $1 AND g.role = 'expert'
        ORDER BY e.year DESC, c.name`,
      [userId],
    );
  }

  async head(manager: EntityManager, reportId: string): Promise<ReportHeadRow | undefined> {
    const [row] = await queryRows<ReportHeadRow>(
      manager,
      `SELECT r.id, r.edition_id AS "editionId", r.city_id AS "cityId", c.name AS "cityName", r.status, r.summary, r.submitted_at AS "submittedAt",
              r.reopen_reason AS "reopenReason", r.reopened_at AS "reopenedAt", e.stage
         FROM report r JOIN city c ON c.id = r.city_id JOIN edition e ON e.id = r.edition_id WHERE r.id = $1`,
      [reportId],
    );
    return row;
  }

  /** The report locked FOR UPDATE, with its edition's stage and deadline. */
  async lock(manager: EntityManager, reportId: string): Promise<WritableReportRow | undefined> {
    const [row] = await queryRows<WritableReportRow>(
      manager,
      `SELECT r.id, r.edition_id, r.city_id, r.status, e.stage, ${expertReportsDueSql('e', 'r.city_id')} AS reports_due_at
         FROM report r JOIN edition e ON e.id = r.edition_id WHERE r.id = $1 FOR UPDATE OF r`,
      [reportId],
    );
    return row;
  }

  async updateSummary(manager: EntityManager, reportId: string, summary: string): Promise<void> {
    await manager.query(`UPDATE report SET summary = $2, updated_at = now() WHERE id = $1`, [reportId, summary]);
  }

  /** Submits a draft, in one conditional statement that also checks the stage and the deadline (the expert's extension included). */
  async submit(manager: EntityManager, reportId: string, submittedBy: string): Promise<boolean> {
    const submitted = await queryRows(
      manager,
      `UPDATE report r SET status = 'submitted', submitted_at = now(), submitted_by = $2, updated_at = now()
         FROM edition e
        WHERE r.id = $1 AND r.status = 'draft' AND e.id = r.edition_id
          AND e.stage = 'reportsOpen' AND ${notPassedSql(expertReportsDueSql('e', 'r.city_id'))}
        RETURNING r.id`,
      [reportId, submittedBy],
    );
    return submitted.length > 0;
  }

  /** The distinctions of the previous published edition in the report's city. */
  previousDistinctions(manager: EntityManager, reportId: string): Promise<PreviousDistinctionView[]> {
    return queryRows(
      manager,
      `SELECT a.id, a.recipient_unit AS "recipientUnit", a.citation, prev.year AS "editionYear",
              COALESCE((SELECT json_agg(cat.name ORDER BY cat.position) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.position, p.title)
                          FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices
         FROM report r
         JOIN edition cur ON cur.id = r.edition_id
         JOIN LATERAL (SELECT id, year FROM edition WHERE year < cur.year AND stage = 'published' ORDER BY year DESC LIMIT 1) prev ON true
         JOIN award a ON a.edition_id = prev.id AND a.city_id = r.city_id
        WHERE r.id = $1
        ORDER BY a.position, a.created_at`,
      [reportId],
    );
  }

  /** The new follow-up's id (null: the distinction already has one in this report). */
  async insertFollowUp(manager: EntityManager, reportId: string, followUp: { awardId: string; status: string; assessment: string }): Promise<string | null> {
    const inserted = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO follow_up (report_id, award_id, status, assessment) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT follow_up_report_award_unique DO NOTHING RETURNING id`,
      [reportId, followUp.awardId, followUp.status, followUp.assessment],
    );
    return inserted[0]?.id ?? null;
  }

  async insertFollowUpPractices(manager: EntityManager, followUpId: string, practices: { practiceId: string; status: string }[]): Promise<void> {
    if (practices.length === 0) return;
    await manager.query(
      `INSERT INTO follow_up_practice (follow_up_id, practice_id, status)
       SELECT $1, x.practice_id, x.status::follow_up_status FROM unnest($2::uuid[], $3::text[]) AS x(practice_id, status)`,
      [followUpId, practices.map((practice) => practice.practiceId), practices.map((practice) => practice.status)],
    );
  }

  followUps(manager: EntityManager, reportId: string): Promise<FollowUpView[]> {
    return queryRows(
      manager,
      `SELECT f.id, f.award_id AS "awardId", f.status, f.assessment,
              json_build_object('recipientUnit', a.recipient_unit, 'citation', a.citation, 'editionYear', e.year) AS award,
              COALESCE((SELECT json_agg(json_build_object('practiceId', p.id, 'title', p.title, 'status', fp.status) ORDER BY p.position, p.title)
                          FROM follow_up_practice fp JOIN practice p ON p.id = fp.practice_id WHERE fp.follow_up_id = f.id), '[]') AS practices
         FROM follow_up f JOIN award a ON a.id = f.award_id JOIN edition e ON e.id = a.edition_id
        WHERE f.report_id = $1 ORDER BY f.created_at`,
      [reportId],
    );
  }
}
