// Every statement on the translations of single texts (category_description_translation,
// award_citation_translation, follow_up_note_translation), one shape for the three.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';

export const TEXT_KINDS = ['categoryDescription', 'awardCitation', 'followUpNote'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** Where each kind's translations live, and where its original (`s`, its edition `e`) is read from. Fixed SQL, never input. */
interface TextKindSql {
  table: string;
  key: string;
  from: string;
  originalLanguage: string;
  text: string;
  providedBy: string;
  providedByName: string;
  providedAt: string;
}

const KIND_SQL: Record<TextKind, TextKindSql> = {
  categoryDescription: {
    table: 'category_description_translation',
    key: 'category_id',
    from: 'category s JOIN edition e ON e.id = s.edition_id',
    originalLanguage: 's.original_language',
    text: 's.description',
    providedBy: 'NULL::uuid',
    providedByName: 'NULL::text',
    providedAt: 's.created_at',
  },
  awardCitation: {
    table: 'award_citation_translation',
    key: 'award_id',
    from: 'award s JOIN edition e ON e.id = s.edition_id',
    originalLanguage: 's.original_language',
    text: 's.citation',
    providedBy: 'NULL::uuid',
    providedByName: 'NULL::text',
    providedAt: 's.updated_at',
  },
  // A follow-up's note is written by the report's expert, in the report's language.
  followUpNote: {
    table: 'follow_up_note_translation',
    key: 'follow_up_id',
    from: `follow_up s JOIN report r ON r.id = s.report_id JOIN edition e ON e.id = r.edition_id
           LEFT JOIN role_grant g ON g.role = 'expert' AND g.edition_id = r.edition_id AND g.city_id = r.city_id
           LEFT JOIN app_user u ON u.id = g.user_id`,
    originalLanguage: 'r.original_language',
    text: 's.assessment',
    providedBy: 'g.user_id',
    providedByName: 'u.name',
    providedAt: 's.updated_at',
  },
};

/** A text's version in one language, as the reads merge it (null fields: no translation in that language). */
export interface TextVersionRow {
  subjectId: string;
  originalLanguage: string;
  language: string | null;
  text: string | null;
  outdated: boolean | null;
}

export interface TextTranslationRow {
  language: string;
  text: string;
  providedBy: string | null;
  providedByName: string | null;
  providedAt: Date;
  outdated: boolean;
}

export interface TextOriginalRow {
  subjectId: string;
  editionId: string;
  originalLanguage: string;
  text: string | null;
  providedBy: string | null;
  providedByName: string | null;
  providedAt: Date;
  stage: EditionStage;
}

@Injectable()
export class TextTranslationsRepository {
  /** The translation into `language` (if any) of each object named, with its original's language. */
  versions(manager: EntityManager, kind: TextKind, subjectIds: string[], language: string): Promise<TextVersionRow[]> {
    const sql = KIND_SQL[kind];
    return queryRows(
      manager,
      `SELECT s.id AS "subjectId", ${sql.originalLanguage} AS "originalLanguage", t.language, t.text, t.outdated
         FROM ${sql.from} LEFT JOIN ${sql.table} t ON t.${sql.key} = s.id AND t.language = $2
        WHERE s.id = ANY($1::uuid[])`,
      [subjectIds, language],
    );
  }

  /** The original with its edition's stage; `lock` holds the object and its edition FOR SHARE (a stage move waits). */
  async original(manager: EntityManager, kind: TextKind, subjectId: string, lock = false): Promise<TextOriginalRow | undefined> {
    const sql = KIND_SQL[kind];
    const [row] = await queryRows<TextOriginalRow>(
      manager,
      `SELECT s.id AS "subjectId", e.id AS "editionId", ${sql.originalLanguage} AS "originalLanguage", ${sql.text} AS text,
              ${sql.providedBy} AS "providedBy", ${sql.providedByName} AS "providedByName", ${sql.providedAt} AS "providedAt", e.stage
         FROM ${sql.from} WHERE s.id = $1 ${lock ? 'FOR SHARE OF s, e' : ''}`,
      [subjectId],
    );
    return row;
  }

  list(manager: EntityManager, kind: TextKind, subjectId: string): Promise<TextTranslationRow[]> {
    const { table, key } = KIND_SQL[kind];
    return queryRows(
      manager,
      `SELECT t.language, t.text, t.provided_by AS "providedBy", u.name AS "providedByName", t.provided_at AS "providedAt", t.outdated
         FROM ${table} t LEFT JOIN app_user u ON u.id = t.provided_by WHERE t.${key} = $1 ORDER BY t.language`,
      [subjectId],
    );
  }

  /** Writes the translation into `language`, current again (not outdated), as provided by `providedBy` now. */
  async upsert(manager: EntityManager, kind: TextKind, subjectId: string, language: string, text: string, providedBy: string): Promise<void> {
    const { table, key } = KIND_SQL[kind];
    await manager.query(
      `INSERT INTO ${table} (${key}, language, text, provided_by, provided_at, outdated)
       VALUES ($1, $2, $3, $4, now(), false)
       ON CONFLICT ON CONSTRAINT ${table}_language_unique DO UPDATE
         SET text = EXCLUDED.text, provided_by = EXCLUDED.provided_by, provided_at = EXCLUDED.provided_at, outdated = false`,
      [subjectId, language, text, providedBy],
    );
  }

  async delete(manager: EntityManager, kind: TextKind, subjectId: string, language: string): Promise<boolean> {
    const { table, key } = KIND_SQL[kind];
    const rows = await queryRows(manager, `DELETE FROM ${table} WHERE ${key} = $1 AND language = $2 RETURNING id`, [subjectId, language]);
    return rows.length > 0;
  }

  /** Marks the text's translations outdated when the coming original differs from the current one. Run before the change, in its transaction. */
  async markOutdatedIfChanged(manager: EntityManager, kind: TextKind, subjectId: string, text: string | null): Promise<void> {
    const sql = KIND_SQL[kind];
    await manager.query(
      `UPDATE ${sql.table} t SET outdated = true FROM ${sql.from}
        WHERE s.id = t.${sql.key} AND s.id = $1 AND NOT t.outdated AND ${sql.text} IS DISTINCT FROM $2::text`,
      [subjectId, text],
    );
  }
}
