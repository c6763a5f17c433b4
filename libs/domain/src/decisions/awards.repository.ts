// Every statement on the award tables (award, award_category, award_practice), with typed rows in
// and out, each through the manager of the caller's transaction. The statements keep the award
// rules under concurrency: changes are serialised per edition (a row lock on the edition), a new
// award takes the next free position (unique per edition), and an award identical to another one
// of the edition is found before it is written.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { visibleToSql } from '../jury/conflicts.access';
import { AwardView } from './dto/decisions.dto';

/** What makes two awards the same: the city, the unit, the categories and the practices. */
export interface AwardShape {
  cityId: string;
  recipientUnit: string | null;
  categoryIds: string[];
  practiceIds: string[];
}

/** An award as its write rules look at it. */
export interface AwardHeadRow {
  edition_id: string;
  city_id: string;
  recipient_unit: string | null;
}

/** The fields an update changes; a field left undefined keeps its value. */
export interface AwardPatch {
  recipientUnit?: string;
  citation?: string;
}

/**
 * The award view: city, unit, citation, position, its categories and practices in their list
 * order. `$2` is the viewer whose conflicted practices are left out (null: nobody's).
 */
const AWARD_SELECT = `
  SELECT a.id, a.edition_id AS "editionId", json_build_object('id', c.id, 'name', c.name) AS city,
         a.recipient_unit AS "recipientUnit", a.citation, a.position,
         COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position, cat.name)
                     FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.position, p.title)
                     FROM award_practice ap JOIN practice p ON p.id = ap.practice_id JOIN report r ON r.id = p.report_id
                    WHERE ap.award_id = a.id AND ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')}), '[]') AS practices
    FROM award a JOIN city c ON c.id = a.city_id`;

@Injectable()
export class AwardsRepository {
  /**
   * The edition's awards in their order. For a viewer (a juror): without the practices they are
   * conflicted with, and without the awards left with none of their practices (an award to a
   * city they are tied to); an award that names no practice at all stays.
   */
  listByEdition(manager: EntityManager, editionId: string, viewer: string | null): Promise<AwardView[]> {
    return queryRows(
      manager,
      `${AWARD_SELECT}
        WHERE a.edition_id = $1
          AND ($2::uuid IS NULL
               OR NOT EXISTS (SELECT 1 FROM award_practice ap WHERE ap.award_id = a.id)
               OR EXISTS (SELECT 1 FROM award_practice ap JOIN practice p ON p.id = ap.practice_id JOIN report r ON r.id = p.report_id
                           WHERE ap.award_id = a.id AND ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')}))
        ORDER BY a.position, a.created_at`,
      [editionId, viewer],
    );
  }

  async find(manager: EntityManager, awardId: string): Promise<AwardView | undefined> {
    const [row] = await queryRows<AwardView>(manager, `${AWARD_SELECT} WHERE a.id = $1`, [awardId, null]);
    return row;
  }

  /**
   * Locks the edition for one award change at a time and returns its stage (undefined: no such
   * edition). FOR NO KEY UPDATE conflicts with itself and with finalising's FOR UPDATE, so two
   * changes queue (positions and the duplicate check see each other) and finalising waits for
   * them, then sees them.
   */
  async lockEdition(manager: EntityManager, editionId: string): Promise<string | undefined> {
    const [edition] = await queryRows<{ stage: string }>(manager, `SELECT stage FROM edition WHERE id = $1 FOR NO KEY UPDATE`, [editionId]);
    return edition?.stage;
  }

  /** The award's edition, city and unit, unlocked (the edition is locked first, then the award: see lock). */
  async head(manager: EntityManager, awardId: string): Promise<AwardHeadRow | undefined> {
    const [award] = await queryRows<AwardHeadRow>(manager, `SELECT edition_id, city_id, recipient_unit FROM award WHERE id = $1`, [awardId]);
    return award;
  }

  /** Holds the award's row until the transaction ends; taken after the edition's lock, in the order finalising takes them. */
  async lock(manager: EntityManager, awardId: string): Promise<void> {
    await manager.query(`SELECT id FROM award WHERE id = $1 FOR UPDATE`, [awardId]);
  }

  /** Another award of the edition to the same city and unit, in the same categories, for the same practices. */
  async findIdentical(manager: EntityManager, editionId: string, shape: AwardShape, exceptAwardId: string | null = null): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `SELECT a.id FROM award a
        WHERE a.edition_id = $1 AND a.city_id = $2 AND a.recipient_unit IS NOT DISTINCT FROM $3
          AND ($6::uuid IS NULL OR a.id <> $6)
          AND ARRAY(SELECT ac.category_id FROM award_category ac WHERE ac.award_id = a.id ORDER BY 1) = ARRAY(SELECT DISTINCT unnest($4::uuid[]) ORDER BY 1)
          AND ARRAY(SELECT ap.practice_id FROM award_practice ap WHERE ap.award_id = a.id ORDER BY 1) = ARRAY(SELECT DISTINCT unnest($5::uuid[]) ORDER BY 1)
        LIMIT 1`,
      [editionId, shape.cityId, shape.recipientUnit, shape.categoryIds, shape.practiceIds, exceptAwardId],
    );
    return row?.id;
  }

  /** Inserts the award at the edition's next position (after the highest, so a removal leaves no reused number). */
  async insert(manager: EntityManager, editionId: string, shape: AwardShape, citation: string | null, createdBy: string): Promise<string> {
    const [{ id }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO award (edition_id, city_id, recipient_unit, citation, created_by, position)
       VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(max(position) + 1, 0) FROM award WHERE edition_id = $1)) RETURNING id`,
      [editionId, shape.cityId, shape.recipientUnit, citation, createdBy],
    );
    return id;
  }

  /** Changes the unit and the citation given; an empty unit or a blank citation becomes none. */
  async update(manager: EntityManager, awardId: string, patch: AwardPatch): Promise<void> {
    await manager.query(
      `UPDATE award SET recipient_unit = CASE WHEN $2::boolean THEN NULLIF($3, '') ELSE recipient_unit END,
                        citation = CASE WHEN $4::boolean THEN NULLIF(trim($5), '') ELSE citation END, updated_at = now()
        WHERE id = $1`,
      [awardId, patch.recipientUnit !== undefined, patch.recipientUnit ?? null, patch.citation !== undefined, patch.citation ?? null],
    );
  }

  /** Removes the award with its links (they cascade). */
  async delete(manager: EntityManager, awardId: string): Promise<void> {
    await manager.query(`DELETE FROM award WHERE id = $1`, [awardId]);
  }

  async categoryIds(manager: EntityManager, awardId: string): Promise<string[]> {
    const rows = await queryRows<{ category_id: string }>(manager, `SELECT category_id FROM award_category WHERE award_id = $1`, [awardId]);
    return rows.map((row) => row.category_id);
  }

  async practiceIds(manager: EntityManager, awardId: string): Promise<string[]> {
    const rows = await queryRows<{ practice_id: string }>(manager, `SELECT practice_id FROM award_practice WHERE award_id = $1`, [awardId]);
    return rows.map((row) => row.practice_id);
  }

  /** Replaces the award's categories and practices with the ones given (each once). */
  async setLinks(manager: EntityManager, awardId: string, categoryIds: string[], practiceIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM award_category WHERE award_id = $1`, [awardId]);
    await manager.query(`DELETE FROM award_practice WHERE award_id = $1`, [awardId]);
    await manager.query(`INSERT INTO award_category (award_id, category_id) SELECT $1, unnest($2::uuid[])`, [awardId, [...new Set(categoryIds)]]);
    await manager.query(`INSERT INTO award_practice (award_id, practice_id) SELECT $1, unnest($2::uuid[])`, [awardId, [...new Set(practiceIds)]]);
  }

  async cityExists(manager: EntityManager, cityId: string): Promise<boolean> {
    const rows = await queryRows<unknown>(manager, `SELECT 1 FROM city WHERE id = $1`, [cityId]);
    return rows.length > 0;
  }

  /** How many of the categories named (distinct) are the edition's. */
  async countEditionCategories(manager: EntityManager, editionId: string, categoryIds: string[]): Promise<number> {
    const [{ count }] = await queryRows<{ count: number }>(
      manager,
      `SELECT count(*)::int AS count FROM category WHERE edition_id = $1 AND id = ANY($2::uuid[])`,
      [editionId, categoryIds],
    );
    return count;
  }

  /** How many of the practices named (distinct) are eligible practices of the city in the edition. */
  async countEligiblePractices(manager: EntityManager, editionId: string, cityId: string, practiceIds: string[]): Promise<number> {
    const [{ count }] = await queryRows<{ count: number }>(
      manager,
      `SELECT count(*)::int AS count FROM practice p JOIN report r ON r.id = p.report_id
        WHERE r.edition_id = $1 AND r.city_id = $2 AND p.status = 'eligible' AND p.id = ANY($3::uuid[])`,
      [editionId, cityId, practiceIds],
    );
    return count;
  }

  /** The categories named that none of the named practices is filed under, with their names, in the order given. */
  categoriesOutsidePractices(manager: EntityManager, categoryIds: string[], practiceIds: string[]): Promise<{ id: string; name: string }[]> {
    return queryRows(
      manager,
      `SELECT cat.id, cat.name
         FROM unnest($1::uuid[]) WITH ORDINALITY AS named(id, ord) JOIN category cat ON cat.id = named.id
        WHERE NOT EXISTS (SELECT 1 FROM practice_category pc WHERE pc.category_id = cat.id AND pc.practice_id = ANY($2::uuid[]))
        ORDER BY named.ord`,
      [categoryIds, practiceIds],
    );
  }
}
