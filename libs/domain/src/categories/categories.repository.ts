// Every statement on the category table, with typed rows in and out.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { CategoryView } from '../editions/dto/edition.dto';
import { EditionStage } from '../editions/edition-stage';

const CATEGORY_SELECT = `SELECT id, edition_id AS "editionId", name, description, translations, position FROM category`;

export interface NewCategory {
  editionId: string;
  name: string;
  description: string | null;
  translations: Record<string, string>;
}

/** A change of name, description or translations; absent (undefined) fields stay as they are. */
export interface CategoryChange {
  name?: string;
  description?: string | null;
  translations?: Record<string, string>;
}

/** A category's name as written and its translations, with its edition's stage. */
export interface CategoryNameRow {
  editionId: string;
  name: string;
  originalLanguage: string;
  translations: Record<string, string>;
  stage: EditionStage;
}

@Injectable()
export class CategoriesRepository {
  async names(manager: EntityManager, categoryId: string): Promise<CategoryNameRow | undefined> {
    const [row] = await queryRows<CategoryNameRow>(
      manager,
      `SELECT c.edition_id AS "editionId", c.name, c.original_language AS "originalLanguage", c.translations, e.stage::text AS stage
         FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
      [categoryId],
    );
    return row;
  }

  /** Sets (or, with null, removes) the name's translation into `language`; whether anything changed. */
  async setNameTranslation(manager: EntityManager, categoryId: string, language: string, name: string | null): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE category SET translations = CASE WHEN $3::text IS NULL THEN translations - $2::text ELSE translations || jsonb_build_object($2::text, $3::text) END
        WHERE id = $1 AND translations IS DISTINCT FROM (CASE WHEN $3::text IS NULL THEN translations - $2::text ELSE translations || jsonb_build_object($2::text, $3::text) END)
        RETURNING id`,
      [categoryId, language, name],
    );
    return rows.length > 0;
  }

  listByEdition(manager: EntityManager, editionId: string): Promise<CategoryView[]> {
    return queryRows(manager, `${CATEGORY_SELECT} WHERE edition_id = $1 ORDER BY position, name`, [editionId]);
  }

  async find(manager: EntityManager, categoryId: string): Promise<CategoryView | undefined> {
    const [row] = await queryRows<CategoryView>(manager, `${CATEGORY_SELECT} WHERE id = $1`, [categoryId]);
    return row;
  }

  /** Locks the category row FOR UPDATE; false when it is gone. */
  async lock(manager: EntityManager, categoryId: string): Promise<boolean> {
    const rows = await queryRows(manager, `SELECT id FROM category WHERE id = $1 FOR UPDATE`, [categoryId]);
    return rows.length > 0;
  }

  /** Appends the category at the end of its edition's list. */
  async insert(manager: EntityManager, category: NewCategory): Promise<CategoryView> {
    const [row] = await queryRows<CategoryView>(
      manager,
      `INSERT INTO category (edition_id, name, description, translations, position)
       VALUES ($1, $2, $3, $4::jsonb, (SELECT count(*) FROM category WHERE edition_id = $1))
       RETURNING id, edition_id AS "editionId", name, description, translations, position`,
      [category.editionId, category.name, category.description, JSON.stringify(category.translations)],
    );
    return row;
  }

  async update(manager: EntityManager, categoryId: string, change: CategoryChange): Promise<void> {
    await manager.query(
      `UPDATE category SET name = COALESCE($2, name),
              description = CASE WHEN $3::boolean THEN $4 ELSE description END,
              translations = COALESCE($5::jsonb, translations)
        WHERE id = $1`,
      [categoryId, change.name ?? null, change.description !== undefined, change.description ?? null, change.translations ? JSON.stringify(change.translations) : null],
    );
  }

  /** How many practices and awards name the category. */
  async uses(manager: EntityManager, categoryId: string): Promise<{ practices: number; awards: number }> {
    const [use] = await queryRows<{ practices: number; awards: number }>(
      manager,
      `SELECT (SELECT count(*)::int FROM practice_category WHERE category_id = $1) AS practices,
              (SELECT count(*)::int FROM award_category WHERE category_id = $1) AS awards`,
      [categoryId],
    );
    return use;
  }

  async delete(manager: EntityManager, categoryId: string): Promise<void> {
    await manager.query(`DELETE FROM category WHERE id = $1`, [categoryId]);
  }

  /** The ids of the edition's categories in their order. */
  async orderedIds(manager: EntityManager, editionId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(manager, `SELECT id FROM category WHERE edition_id = $1 ORDER BY position, name`, [editionId]);
    return rows.map((row) => row.id);
  }

  /** Numbers the categories 0..n-1 in the order given. */
  async setOrder(manager: EntityManager, orderedIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE category c SET position = ordered.index - 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, index)
        WHERE c.id = ordered.id`,
      [orderedIds],
    );
  }

  /** Closes the gaps a removal leaves: positions 0..n-1 in the current order. */
  async renumber(manager: EntityManager, editionId: string): Promise<void> {
    await manager.query(
      `UPDATE category c SET position = ordered.index - 1
         FROM (SELECT id, row_number() OVER (ORDER BY position, name) AS index FROM category WHERE edition_id = $1) ordered
        WHERE c.id = ordered.id AND c.position <> ordered.index - 1`,
      [editionId],
    );
  }

}
