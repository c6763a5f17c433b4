// Every statement on the practice and practice_category tables, with typed rows in and out.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { EditionStage } from '../editions/edition-stage';
import { PracticeEvidenceView, PracticeView } from '../reports/dto/report.dto';
import { PracticeStatus } from './practice-status';
import { practiceListedTo } from './practices.access';
import { PRACTICE_SELECT } from './practices.sql';

export interface NewPractice {
  title: string;
  description: string;
  recipientUnits: string[];
  startedOn: string | null;
  links: string[];
}

/** A change of a practice's text; null fields stay as they are. */
export type PracticeChange = { [K in keyof NewPractice]: NewPractice[K] | null };

export interface EditionPracticeFilter {
  cityId: string | null;
  categoryId: string | null;
  status: string | null;
  limit: number;
  offset: number;
}

@Injectable()
export class PracticesRepository {
  listByReport(manager: EntityManager, reportId: string): Promise<PracticeView[]> {
    return queryRows(manager, `${PRACTICE_SELECT} WHERE p.report_id = $1 ORDER BY p.position, p.created_at`, [reportId]);
  }

  /** The practice with the stage of its edition. */
  async findWithStage(manager: EntityManager, practiceId: string): Promise<(PracticeView & { stage: EditionStage }) | undefined> {
    const [row] = await queryRows<PracticeView & { stage: EditionStage }>(
      manager,
      `SELECT pv.*, e.stage FROM (${PRACTICE_SELECT} WHERE p.id = $1) pv JOIN edition e ON e.id = pv."editionId"`,
      [practiceId],
    );
    return row;
  }

  async reportIdOf(manager: EntityManager, practiceId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ report_id: string }>(manager, `SELECT report_id FROM practice WHERE id = $1`, [practiceId]);
    return row?.report_id;
  }

  async countByReport(manager: EntityManager, reportId: string): Promise<number> {
    const [{ count }] = await queryRows<{ count: number }>(manager, `SELECT count(*)::int AS count FROM practice WHERE report_id = $1`, [reportId]);
    return count;
  }

  /** Appends the practice at the end of its report's list. */
  async insert(manager: EntityManager, reportId: string, practice: NewPractice): Promise<string> {
    const [{ id }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO practice (report_id, title, description, recipient_units, started_on, links, position)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT count(*) FROM practice WHERE report_id = $1)) RETURNING id`,
      [reportId, practice.title, practice.description, practice.recipientUnits, practice.startedOn, practice.links],
    );
    return id;
  }

  async update(manager: EntityManager, practiceId: string, change: PracticeChange): Promise<void> {
    await manager.query(
      `UPDATE practice SET title = COALESCE($2, title), description = COALESCE($3, description),
              recipient_units = COALESCE($4, recipient_units), started_on = COALESCE($5, started_on),
              links = COALESCE($6, links), updated_at = now()
        WHERE id = $1`,
      [practiceId, change.title, change.description, change.recipientUnits, change.startedOn, change.links],
    );
  }

  async delete(manager: EntityManager, practiceId: string): Promise<void> {
    await manager.query(`DELETE FROM practice WHERE id = $1`, [practiceId]);
  }

  /** Locks the named categories of the edition FOR SHARE and answers how many of them exist. */
  async lockCategoriesOfEdition(manager: EntityManager, editionId: string, categoryIds: string[]): Promise<number> {
    const found = await queryRows(manager, `SELECT id FROM category WHERE edition_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`, [editionId, categoryIds]);
    return found.length;
  }

  async setCategories(manager: EntityManager, practiceId: string, categoryIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM practice_category WHERE practice_id = $1`, [practiceId]);
    await manager.query(`INSERT INTO practice_category (practice_id, category_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [practiceId, categoryIds]);
  }

  /** Submitting the report submits all its practices. */
  async submitAllOfReport(manager: EntityManager, reportId: string): Promise<void> {
    await manager.query(`UPDATE practice SET status = 'submitted', updated_at = now() WHERE report_id = $1`, [reportId]);
  }

  /** The practice's status and its edition (id and stage), the practice locked FOR UPDATE. */
  async lockWithStage(manager: EntityManager, practiceId: string): Promise<{ status: PracticeStatus; stage: EditionStage; editionId: string } | undefined> {
    const [row] = await queryRows<{ status: PracticeStatus; stage: EditionStage; editionId: string }>(
      manager,
      `SELECT p.status, e.stage, e.id AS "editionId" FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [practiceId],
    );
    return row;
  }

  async recordEligibility(manager: EntityManager, practiceId: string, decision: { eligible: boolean; reason: string | null; decidedBy: string }): Promise<void> {
    await manager.query(
      `UPDATE practice SET status = $2, eligibility_reason = $3, eligibility_decided_at = now(), eligibility_decided_by = $4, updated_at = now() WHERE id = $1`,
      [practiceId, decision.eligible ? 'eligible' : 'ineligible', decision.eligible ? null : decision.reason, decision.decidedBy],
    );
  }

  /** The report a practice belongs to, as its jurors read it (without the files). */
  async evidence(manager: EntityManager, practiceId: string): Promise<Omit<PracticeEvidenceView, 'files'> | undefined> {
    const [row] = await queryRows<Omit<PracticeEvidenceView, 'files'>>(
      manager,
      `SELECT r.id AS "reportId", c.name AS "cityName", r.summary, r.submitted_at AS "submittedAt"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id WHERE p.id = $1`,
      [practiceId],
    );
    return row;
  }

  /** A page of the practices of the edition's submitted reports that `userId` may see in lists. */
  listOfEdition(manager: EntityManager, userId: string, editionId: string, filter: EditionPracticeFilter): Promise<(PracticeView & { total: string })[]> {
    return queryRows(
      manager,
      `SELECT listed.*, count(*) OVER () AS total FROM (${PRACTICE_SELECT}
        WHERE r.edition_id = $1 AND r.status = 'submitted' AND ${practiceListedTo('p', 'r', '$2')}
          AND ($3::uuid IS NULL OR r.city_id = $3)
          AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id AND pc.category_id = $4))
          AND ($5::text IS NULL OR p.status::text = $5)
      ) AS listed
      ORDER BY "cityName", title LIMIT $6 OFFSET $7`,
      [editionId, userId, filter.cityId, filter.categoryId, filter.status, filter.limit, filter.offset],
    );
  }
}
