// Every statement of the edition's translation work list: each translatable text of the edition
// (practices, report summaries, category names and descriptions, award citations, follow-up notes) with its
// original's language and last change, and one row per translation (language, outdated, who, when).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';

export const TRANSLATION_ITEM_KINDS = ['practice', 'reportSummary', 'categoryDescription', 'awardCitation', 'followUpNote', 'categoryName'] as const;
export type TranslationItemKind = (typeof TRANSLATION_ITEM_KINDS)[number];

export interface TranslationItemTranslationRow {
  language: string;
  outdated: boolean;
  /** Null for category names (their translations keep no provenance). */
  providedAt: string | null;
  providedByName: string | null;
}

export interface TranslationItemRow {
  kind: TranslationItemKind;
  id: string;
  label: string;
  context: string | null;
  originalLanguage: string;
  originalChangedAt: Date;
  /** Practices and summaries: whether their report is submitted (null for the edition's own texts). */
  submitted: boolean | null;
  translations: TranslationItemTranslationRow[];
}

/** The translations of `table` keyed by `key` = `subject`, as a JSON array (fixed SQL, never input). */
const translationsOf = (table: string, key: string, subject: string) =>
  `COALESCE((SELECT json_agg(json_build_object('language', t.language, 'outdated', t.outdated, 'providedAt', t.provided_at, 'providedByName', u.name) ORDER BY t.language)
               FROM ${table} t LEFT JOIN app_user u ON u.id = t.provided_by WHERE t.${key} = ${subject}), '[]'::json) AS translations`;

/** Per language: the edition's submitted summaries and its categories readable in it (originals or translations). */
export interface OtherTextsCoverageRow {
  language: string;
  summariesCovered: number;
  summariesOutdated: number;
  summariesTotal: number;
  categoriesCovered: number;
  categoriesOutdated: number;
  categoriesTotal: number;
}

/**
 * SQL: the category `c` can be read in language `lang` (a column or parameter): its name is written in
 * it or translated (the `translations` map), and its description, if it has one, too.
 */
export const categoryReadableInSql = (c: string, lang: string, descriptionTranslation: string) =>
  `((${c}.original_language = ${lang} OR coalesce(${c}.translations->>${lang}, '') <> '')
    AND (btrim(coalesce(${c}.description, '')) = '' OR ${c}.original_language = ${lang} OR ${descriptionTranslation}))`;

@Injectable()
export class TranslationItemsRepository {
  /** Per language of `languages`: how many submitted summaries and categories of the edition can be read in it. */
  otherTextsCoverage(manager: EntityManager, editionId: string, languages: string[]): Promise<OtherTextsCoverageRow[]> {
    return queryRows(
      manager,
      `SELECT l.language, s.covered AS "summariesCovered", s.outdated AS "summariesOutdated", s.total AS "summariesTotal",
              c.covered AS "categoriesCovered", c.outdated AS "categoriesOutdated", c.total AS "categoriesTotal"
         FROM unnest($2::text[]) WITH ORDINALITY AS l(language, n)
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE r.original_language = l.language OR t.id IS NOT NULL)::int AS covered,
                  count(*) FILTER (WHERE r.original_language <> l.language AND t.outdated)::int AS outdated,
                  count(*)::int AS total
             FROM report r LEFT JOIN report_translation t ON t.report_id = r.id AND t.language = l.language
            WHERE r.edition_id = $1 AND r.status = 'submitted' AND btrim(r.summary) <> '') s
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE ${categoryReadableInSql('k', 'l.language', 't.id IS NOT NULL')})::int AS covered,
                  count(*) FILTER (WHERE k.original_language <> l.language AND t.outdated)::int AS outdated,
                  count(*)::int AS total
             FROM category k LEFT JOIN category_description_translation t ON t.category_id = k.id AND t.language = l.language
            WHERE k.edition_id = $1) c
        ORDER BY l.n`,
      [editionId, languages],
    );
  }

  async stage(manager: EntityManager, editionId: string): Promise<EditionStage | undefined> {
    const [row] = await queryRows<{ stage: EditionStage }>(manager, `SELECT stage::text AS stage FROM edition WHERE id = $1`, [editionId]);
    return row?.stage;
  }

  /** The edition's translatable texts that have an original, in reading order: practices and summaries by city, then the edition's own texts. */
  items(manager: EntityManager, editionId: string): Promise<TranslationItemRow[]> {
    return queryRows(
      manager,
      `SELECT * FROM (
         SELECT 'practice' AS kind, p.id, p.title AS label, c.name AS context, p.original_language AS "originalLanguage",
                p.updated_at AS "originalChangedAt", (r.status = 'submitted') AS submitted, 1 AS part, c.name AS sort1, p.position AS sort2,
                ${translationsOf('practice_translation', 'practice_id', 'p.id')}
           FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id WHERE r.edition_id = $1
         UNION ALL
         SELECT 'reportSummary', r.id, c.name, c.name, r.original_language, r.updated_at, (r.status = 'submitted'), 2, c.name, 0,
                ${translationsOf('report_translation', 'report_id', 'r.id')}
           FROM report r JOIN city c ON c.id = r.city_id WHERE r.edition_id = $1 AND btrim(r.summary) <> ''
         UNION ALL
         SELECT 'categoryName', s.id, s.name, NULL, s.original_language, s.created_at, NULL, 3, '', s.position,
                COALESCE((SELECT json_agg(json_build_object('language', n.key, 'outdated', false, 'providedAt', NULL, 'providedByName', NULL) ORDER BY n.key)
                            FROM jsonb_each_text(s.translations) n WHERE n.key <> s.original_language AND btrim(n.value) <> ''), '[]'::json) AS translations
           FROM category s WHERE s.edition_id = $1
         UNION ALL
         SELECT 'categoryDescription', s.id, s.name, NULL, s.original_language, s.created_at, NULL, 3, '', s.position,
                ${translationsOf('category_description_translation', 'category_id', 's.id')}
           FROM category s WHERE s.edition_id = $1 AND btrim(coalesce(s.description, '')) <> ''
         UNION ALL
         SELECT 'awardCitation', s.id, coalesce(s.recipient_unit, c.name), c.name, s.original_language, s.updated_at, NULL, 4, c.name, s.position,
                ${translationsOf('award_citation_translation', 'award_id', 's.id')}
           FROM award s JOIN city c ON c.id = s.city_id WHERE s.edition_id = $1 AND btrim(coalesce(s.citation, '')) <> ''
         UNION ALL
         SELECT 'followUpNote', s.id, c.name, c.name, r.original_language, s.updated_at, (r.status = 'submitted'), 5, c.name, 0,
                ${translationsOf('follow_up_note_translation', 'follow_up_id', 's.id')}
           FROM follow_up s JOIN report r ON r.id = s.report_id JOIN city c ON c.id = r.city_id WHERE r.edition_id = $1 AND btrim(s.assessment) <> ''
       ) items ORDER BY part, sort1, sort2, label, kind DESC`,
      [editionId],
    );
  }
}
