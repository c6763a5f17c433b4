// Every statement on the edition and edition_stage_event tables, with typed rows in and out.
// Each method takes the manager of the transaction it runs in (or the pool's, for a lone read).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { CATALOGUE_INDEX_SQL } from '../catalogue/catalogue-index';
import { TransitionsView } from './dto/edition.dto';
import { conflictedSql } from '../jury/conflicts.access';
import { onBallotByAssignmentSql } from '../jury/panels.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { categoryReadableInSql } from '../translation-items/translation-items.repository';
import { EditionStage, TransitionFacts, WarningFacts } from './edition-stage';
import { EditionRow } from './edition-view';
import { editionVisibleTo } from './editions.access';

export interface NewEdition {
  year: number;
  name: string;
  ceremonyStartsAt: string | null;
  ceremonyVenue: string | null;
  ceremonyCity: string | null;
  reportsDueAt: string | null;
  scoringDueAt: string | null;
}

/** The columns a settings change may set; absent keys stay as they are. */
export interface EditionPatch {
  name?: string;
  reports_due_at?: string | null;
  scoring_due_at?: string | null;
  ceremony_starts_at?: string | null;
  ceremony_venue?: string | null;
  ceremony_city?: string | null;
  scoring_scale_max?: number;
  scoring_weights?: Record<string, number>;
  reports_reminder_days?: number;
  scoring_reminder_days?: number;
}

/** What entering a stage does to the edition's practices, in the transition's transaction. */
const STAGE_EFFECTS: Partial<Record<EditionStage, string[]>> = {
  // Finalising: the decisions are in; every eligible practice is now distinguished or not.
  decided: [
    `UPDATE practice p
        SET status = CASE WHEN EXISTS (SELECT 1 FROM award_practice ap JOIN award a ON a.id = ap.award_id
                                        WHERE ap.practice_id = p.id AND a.edition_id = $1)
                          THEN 'distinguished'::practice_status ELSE 'notDistinguished'::practice_status END,
            updated_at = now()
       FROM report r WHERE r.id = p.report_id AND r.edition_id = $1 AND p.status = 'eligible'`,
  ],
  // Publishing: the distinguished practices enter the public catalogue's full-text index.
  published: [CATALOGUE_INDEX_SQL],
};

@Injectable()
export class EditionsRepository {
  async insert(manager: EntityManager, edition: NewEdition): Promise<EditionRow> {
    const [row] = await queryRows<EditionRow>(
      manager,
      `INSERT INTO edition (year, name, ceremony_starts_at, ceremony_venue, ceremony_city, reports_due_at, scoring_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [edition.year, edition.name, edition.ceremonyStartsAt, edition.ceremonyVenue, edition.ceremonyCity, edition.reportsDueAt, edition.scoringDueAt],
    );
    return row;
  }

  /** A page of the editions `userId` may see, newest first, with the total. */
  listVisible(manager: EntityManager, userId: string, limit: number, offset: number): Promise<(EditionRow & { total: string })[]> {
    return queryRows(
      manager,
      `SELECT e.*, count(*) OVER () AS total FROM edition e WHERE ${editionVisibleTo('e', '$1')}
        ORDER BY e.year DESC LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
  }

  /** The edition, locked FOR UPDATE when `lock`, so its stage cannot move until the transaction ends. */
  async find(manager: EntityManager, editionId: string, lock = false): Promise<EditionRow | undefined> {
    const [row] = await queryRows<EditionRow>(manager, `SELECT * FROM edition WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [editionId]);
    return row;
  }

  async update(manager: EntityManager, editionId: string, patch: EditionPatch): Promise<EditionRow> {
    const set: string[] = [];
    const values: unknown[] = [editionId];
    for (const [column, value] of Object.entries(patch) as [keyof EditionPatch, unknown][]) {
      values.push(column === 'scoring_weights' ? JSON.stringify(value) : value);
      set.push(`${column} = $${values.length}${column === 'scoring_weights' ? '::jsonb' : ''}`);
    }
    const [row] = await queryRows<EditionRow>(manager, `UPDATE edition SET ${set.join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`, values);
    return row;
  }

  /** The move itself: only if the edition is still in `from` (none when it moved meanwhile). */
  async moveStage(manager: EntityManager, editionId: string, from: EditionStage, to: EditionStage): Promise<EditionRow | undefined> {
    const [row] = await queryRows<EditionRow>(
      manager,
      `UPDATE edition SET stage = $3, updated_at = now() WHERE id = $1 AND stage = $2 RETURNING *`,
      [editionId, from, to],
    );
    return row;
  }

  async recordStageEvent(manager: EntityManager, editionId: string, from: EditionStage, to: EditionStage, actorId: string, reason: string | null = null): Promise<string> {
    const [event] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO edition_stage_event (edition_id, from_stage, to_stage, actor_id, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [editionId, from, to, actorId, reason],
    );
    return event.id;
  }

  /** Runs what entering `stage` does to the edition's practices. */
  async applyStageEffects(manager: EntityManager, editionId: string, stage: EditionStage): Promise<void> {
    for (const effect of STAGE_EFFECTS[stage] ?? []) await manager.query(effect, [editionId]);
  }

  /** The counts the transition guards look at. */
  async transitionCounts(manager: EntityManager, editionId: string): Promise<Omit<TransitionFacts, 'reportsDueAt' | 'scoringDueAt'>> {
    const [counts] = await queryRows<Omit<TransitionFacts, 'reportsDueAt' | 'scoringDueAt'>>(
      manager,
      `SELECT (SELECT count(*)::int FROM category WHERE edition_id = $1) AS categories,
              (SELECT count(*)::int FROM role_grant WHERE edition_id = $1 AND role = 'expert') AS experts,
              (SELECT count(*)::int FROM role_grant WHERE edition_id = $1 AND role = 'juror') AS jurors,
              (SELECT count(*)::int FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND p.status = 'submitted') AS unchecked,
              (SELECT count(*)::int FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND p.status = 'eligible') AS eligible,
              (SELECT count(*)::int FROM award WHERE edition_id = $1) AS awards`,
      [editionId],
    );
    return counts;
  }

  /**
   * What the warnings of a move look at: the cities with an expert and no report, the draft
   * reports' cities, each juror's ballot (practices before the jury without their conflicts), and
   * per language of the jurors' accounts the practices before the jury with neither an original
   * nor a translation in it.
   */
  async warningCounts(manager: EntityManager, editionId: string): Promise<Omit<WarningFacts, 'reportsDueAt' | 'scoringDueAt'>> {
    const [facts] = await queryRows<Omit<WarningFacts, 'reportsDueAt' | 'scoringDueAt'>>(
      manager,
      `SELECT ARRAY(SELECT DISTINCT c.name FROM role_grant g JOIN city c ON c.id = g.city_id
                     WHERE g.edition_id = $1 AND g.role = 'expert'
                       AND NOT EXISTS (SELECT 1 FROM report r WHERE r.edition_id = $1 AND r.city_id = g.city_id)
                     ORDER BY c.name) AS "citiesNotStarted",
              ARRAY(SELECT c.name FROM report r JOIN city c ON c.id = r.city_id
                     WHERE r.edition_id = $1 AND r.status = 'draft' ORDER BY c.name) AS "citiesNotSubmitted",
              COALESCE((SELECT json_agg(json_build_object('name', b.name, 'scored', b.scored, 'total', b.total) ORDER BY b.name)
                 FROM (SELECT u.name, count(s.id)::int AS scored, count(p.id)::int AS total
                         FROM role_grant g
                         JOIN app_user u ON u.id = g.user_id
                         LEFT JOIN (practice p JOIN report r ON r.id = p.report_id)
                                ON r.edition_id = g.edition_id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
                               AND NOT ${conflictedSql('g.user_id', 'p.id', 'r.edition_id', 'r.city_id')}
                               AND ${onBallotByAssignmentSql('g.user_id', 'p.id', 'r.edition_id')}
                         LEFT JOIN score s ON s.practice_id = p.id AND s.juror_id = g.user_id
                        WHERE g.edition_id = $1 AND g.role = 'juror'
                        GROUP BY g.user_id, u.name) b), '[]'::json) AS ballots,
              COALESCE((SELECT json_agg(json_build_object('language', gap.language, 'missing', gap.missing, 'total', gap.total,
                                                 'summariesMissing', gap.summaries_missing, 'summariesTotal', gap.summaries_total,
                                                 'categoriesMissing', gap.categories_missing, 'categoriesTotal', gap.categories_total) ORDER BY gap.language)
                 FROM (SELECT l.language, p.missing, p.total, s.missing AS summaries_missing, s.total AS summaries_total,
                              c.missing AS categories_missing, c.total AS categories_total
                         FROM (SELECT DISTINCT u.locale AS language FROM role_grant g JOIN app_user u ON u.id = g.user_id
                                WHERE g.edition_id = $1 AND g.role = 'juror') l
                         CROSS JOIN LATERAL (
                           SELECT count(*) FILTER (WHERE p.original_language <> l.language
                                    AND NOT EXISTS (SELECT 1 FROM practice_translation t WHERE t.practice_id = p.id AND t.language = l.language))::int AS missing,
                                  count(*)::int AS total
                             FROM practice p JOIN report r ON r.id = p.report_id
                            WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}) p
                         -- The summaries of the reports whose practices are before the jury (the ballot shows them beside each practice).
                         CROSS JOIN LATERAL (
                           SELECT count(*) FILTER (WHERE r.original_language <> l.language
                                    AND NOT EXISTS (SELECT 1 FROM report_translation t WHERE t.report_id = r.id AND t.language = l.language))::int AS missing,
                                  count(*)::int AS total
                             FROM report r
                            WHERE r.edition_id = $1 AND btrim(r.summary) <> ''
                              AND EXISTS (SELECT 1 FROM practice p WHERE p.report_id = r.id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL})) s
                         -- The categories of the ballot: name and description.
                         CROSS JOIN LATERAL (
                           SELECT count(*) FILTER (WHERE NOT ${categoryReadableInSql('k', 'l.language', `EXISTS (SELECT 1 FROM category_description_translation t WHERE t.category_id = k.id AND t.language = l.language)`)})::int AS missing,
                                  count(*)::int AS total
                             FROM category k WHERE k.edition_id = $1) c
                        WHERE p.total > 0) gap
                WHERE gap.missing > 0 OR gap.summaries_missing > 0 OR gap.categories_missing > 0), '[]'::json) AS "languageGaps"`,
      [editionId],
    );
    return facts;
  }

  /** What a step back would undo: the edition's scores and awards (read under the edition's row lock). */
  async irreversibleCounts(manager: EntityManager, editionId: string): Promise<{ scores: number; awards: number }> {
    const [counts] = await queryRows<{ scores: number; awards: number }>(
      manager,
      `SELECT (SELECT count(*)::int FROM score WHERE edition_id = $1) AS scores, (SELECT count(*)::int FROM award WHERE edition_id = $1) AS awards`,
      [editionId],
    );
    return counts;
  }

  stageHistory(manager: EntityManager, editionId: string): Promise<TransitionsView['history']> {
    return queryRows(
      manager,
      `SELECT from_stage AS "from", to_stage AS "to", actor_id AS "actorId", at, reason FROM edition_stage_event WHERE edition_id = $1 ORDER BY at`,
      [editionId],
    );
  }
}
