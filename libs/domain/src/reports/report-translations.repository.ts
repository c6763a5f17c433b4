// Every statement on the report_translation table, with typed rows in and out.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';

export interface ReportSummaryVersionRow {
  originalLanguage: string;
  language: string | null;
  summary: string | null;
  outdated: boolean | null;
}

export interface ReportTranslationRow {
  language: string;
  summary: string;
  providedBy: string | null;
  providedByName: string | null;
  providedAt: Date;
  outdated: boolean;
}

export interface ReportOriginalRow {
  reportId: string;
  editionId: string;
  originalLanguage: string;
  summary: string;
  expertId: string | null;
  expertName: string | null;
  updatedAt: Date;
  stage: EditionStage;
}

@Injectable()
export class ReportTranslationsRepository {
  /** The report's summary translation into `language`, if any, with its original's language. */
  async version(manager: EntityManager, reportId: string, language: string): Promise<ReportSummaryVersionRow | undefined> {
    const [row] = await queryRows<ReportSummaryVersionRow>(
      manager,
      `SELECT r.original_language AS "originalLanguage", t.language, t.summary, t.outdated
         FROM report r LEFT JOIN report_translation t ON t.report_id = r.id AND t.language = $2 WHERE r.id = $1`,
      [reportId, language],
    );
    return row;
  }

  /** The report's original summary with its stage; `lock` holds the report and its edition FOR SHARE. */
  async original(manager: EntityManager, reportId: string, lock = false): Promise<ReportOriginalRow | undefined> {
    const [row] = await queryRows<ReportOriginalRow>(
      manager,
      `SELECT r.id AS "reportId", r.edition_id AS "editionId", r.original_language AS "originalLanguage", r.summary,
              g.user_id AS "expertId", u.name AS "expertName", r.updated_at AS "updatedAt", e.stage
         FROM report r JOIN edition e ON e.id = r.edition_id
         LEFT JOIN role_grant g ON g.role = 'expert' AND g.edition_id = r.edition_id AND g.city_id = r.city_id
         LEFT JOIN app_user u ON u.id = g.user_id
        WHERE r.id = $1 ${lock ? 'FOR SHARE OF r, e' : ''}`,
      [reportId],
    );
    return row;
  }

  list(manager: EntityManager, reportId: string): Promise<ReportTranslationRow[]> {
    return queryRows(
      manager,
      `SELECT t.language, t.summary, t.provided_by AS "providedBy", u.name AS "providedByName", t.provided_at AS "providedAt", t.outdated
         FROM report_translation t LEFT JOIN app_user u ON u.id = t.provided_by WHERE t.report_id = $1 ORDER BY t.language`,
      [reportId],
    );
  }

  async upsert(manager: EntityManager, reportId: string, language: string, summary: string, providedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO report_translation (report_id, language, summary, provided_by, provided_at, outdated)
       VALUES ($1, $2, $3, $4, now(), false)
       ON CONFLICT ON CONSTRAINT report_translation_language_unique DO UPDATE
         SET summary = EXCLUDED.summary, provided_by = EXCLUDED.provided_by, provided_at = EXCLUDED.provided_at, outdated = false`,
      [reportId, language, summary, providedBy],
    );
  }

  async delete(manager: EntityManager, reportId: string, language: string): Promise<boolean> {
    const rows = await queryRows(manager, `DELETE FROM report_translation WHERE report_id = $1 AND language = $2 RETURNING id`, [reportId, language]);
    return rows.length > 0;
  }

  /** Marks the summary's translations outdated when the coming summary differs from the current one. Run before the change, in its transaction. */
  async markOutdatedIfChanged(manager: EntityManager, reportId: string, summary: string): Promise<void> {
    await manager.query(
      `UPDATE report_translation t SET outdated = true FROM report r
        WHERE r.id = t.report_id AND r.id = $1 AND NOT t.outdated AND r.summary <> $2`,
      [reportId, summary],
    );
  }
}
