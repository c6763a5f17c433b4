// Every statement on the practice_translation table, with typed rows in and out.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';

/** A practice's version in one language, as the reads merge it (null fields: no translation in that language). */
export interface PracticeVersionRow {
  practiceId: string;
  originalLanguage: string;
  language: string | null;
  title: string | null;
  description: string | null;
  outdated: boolean | null;
}

export interface PracticeTranslationRow {
  language: string;
  title: string;
  description: string;
  providedBy: string | null;
  providedByName: string | null;
  providedAt: Date;
  outdated: boolean;
}

export interface PracticeOriginalRow {
  practiceId: string;
  editionId: string;
  originalLanguage: string;
  title: string;
  description: string;
  /** The report's expert, who writes the original. */
  expertId: string | null;
  expertName: string | null;
  updatedAt: Date;
  stage: EditionStage;
}

export interface TranslationCoverageRow {
  language: string;
  translated: number;
  outdated: number;
}

@Injectable()
export class PracticeTranslationsRepository {
  /** The translation into `language` (if any) of each practice named, with its original's language. */
  versions(manager: EntityManager, practiceIds: string[], language: string): Promise<PracticeVersionRow[]> {
    return queryRows(
      manager,
      `SELECT p.id AS "practiceId", p.original_language AS "originalLanguage", t.language, t.title, t.description, t.outdated
         FROM practice p LEFT JOIN practice_translation t ON t.practice_id = p.id AND t.language = $2
        WHERE p.id = ANY($1::uuid[])`,
      [practiceIds, language],
    );
  }

  /** The practice's original with its stage; `lock` holds the practice and its edition FOR SHARE (a stage move waits). */
  async original(manager: EntityManager, practiceId: string, lock = false): Promise<PracticeOriginalRow | undefined> {
    const [row] = await queryRows<PracticeOriginalRow>(
      manager,
      `SELECT p.id AS "practiceId", r.edition_id AS "editionId", p.original_language AS "originalLanguage", p.title, p.description,
              g.user_id AS "expertId", u.name AS "expertName", p.updated_at AS "updatedAt", e.stage
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
         LEFT JOIN role_grant g ON g.role = 'expert' AND g.edition_id = r.edition_id AND g.city_id = r.city_id
         LEFT JOIN app_user u ON u.id = g.user_id
        WHERE p.id = $1 ${lock ? 'FOR SHARE OF p, e' : ''}`,
      [practiceId],
    );
    return row;
  }

  list(manager: EntityManager, practiceId: string): Promise<PracticeTranslationRow[]> {
    return queryRows(
      manager,
      `SELECT t.language, t.title, t.description, t.provided_by AS "providedBy", u.name AS "providedByName", t.provided_at AS "providedAt", t.outdated
         FROM practice_translation t LEFT JOIN app_user u ON u.id = t.provided_by
        WHERE t.practice_id = $1 ORDER BY t.language`,
      [practiceId],
    );
  }

  /** Writes the translation into `language`, current again (not outdated), as provided by `providedBy` now. */
  async upsert(manager: EntityManager, practiceId: string, language: string, text: { title: string; description: string }, providedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO practice_translation (practice_id, language, title, description, provided_by, provided_at, outdated)
       VALUES ($1, $2, $3, $4, $5, now(), false)
       ON CONFLICT ON CONSTRAINT practice_translation_language_unique DO UPDATE
         SET title = EXCLUDED.title, description = EXCLUDED.description, provided_by = EXCLUDED.provided_by,
             provided_at = EXCLUDED.provided_at, outdated = false`,
      [practiceId, language, text.title, text.description, providedBy],
    );
  }

  async delete(manager: EntityManager, practiceId: string, language: string): Promise<boolean> {
    const rows = await queryRows(manager, `DELETE FROM practice_translation WHERE practice_id = $1 AND language = $2 RETURNING id`, [practiceId, language]);
    return rows.length > 0;
  }

  /**
   * Marks the practice's translations outdated when the coming change of its original (null: unchanged)
   * differs from the text they were made from. Run before the change, in its transaction.
   */
  async markOutdatedIfChanged(manager: EntityManager, practiceId: string, change: { title: string | null; description: string | null }): Promise<void> {
    await manager.query(
      `UPDATE practice_translation t SET outdated = true
         FROM practice p
        WHERE p.id = t.practice_id AND p.id = $1 AND NOT t.outdated
          AND (($2::text IS NOT NULL AND $2::text <> p.title) OR ($3::text IS NOT NULL AND $3::text <> p.description))`,
      [practiceId, change.title, change.description],
    );
  }

  /** Per language: how many of the edition's submitted practices have a translation, and how many of those are outdated. */
  coverage(manager: EntityManager, editionId: string): Promise<TranslationCoverageRow[]> {
    return queryRows(
      manager,
      `SELECT t.language, count(*)::int AS translated, count(*) FILTER (WHERE t.outdated)::int AS outdated
         FROM practice_translation t JOIN practice p ON p.id = t.practice_id JOIN report r ON r.id = p.report_id
        WHERE r.edition_id = $1 AND r.status = 'submitted'
        GROUP BY t.language ORDER BY t.language`,
      [editionId],
    );
  }

  /** The edition's submitted practices, by the language of their original. */
  async practicesOfEdition(manager: EntityManager, editionId: string): Promise<{ total: number; originals: Record<string, number> }> {
    const rows = await queryRows<{ language: string; count: number }>(
      manager,
      `SELECT p.original_language AS language, count(*)::int AS count
         FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND r.status = 'submitted'
        GROUP BY p.original_language`,
      [editionId],
    );
    return { total: rows.reduce((sum, row) => sum + row.count, 0), originals: Object.fromEntries(rows.map((row) => [row.language, row.count])) };
  }
}
