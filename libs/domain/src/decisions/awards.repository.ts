// Statements on awards that keep their rules under concurrency: creation is serialised per edition
// (a row lock on the edition), a new award takes the next free position (unique per edition), and
// an award identical to another one of the edition is found before it is written.
import { DataSource, EntityManager } from 'typeorm';
import { visibleToSql } from '../jury/conflicts.access';

export interface AwardShape {
  cityId: string;
  recipientUnit: string | null;
  categoryIds: string[];
  practiceIds: string[];
}

/**
 * Locks the edition for one award change at a time and returns its stage. FOR NO KEY UPDATE
 * conflicts with itself and with finalising's FOR UPDATE, so two creations queue (positions and
 * the duplicate check see each other) and finalising waits for them, then sees them.
 */
export async function lockEditionForAwards(manager: EntityManager, editionId: string): Promise<string | null> {
  const [edition]: { stage: string }[] = await manager.query(`SELECT stage FROM edition WHERE id = $1 FOR NO KEY UPDATE`, [editionId]);
  return edition?.stage ?? null;
}

/** Another award of the edition to the same city and unit, in the same categories, for the same practices. */
export async function findIdenticalAward(manager: EntityManager, editionId: string, shape: AwardShape, exceptAwardId: string | null = null): Promise<string | null> {
  const [row]: { id: string }[] = await manager.query(
    `SELECT a.id FROM award a
      WHERE a.edition_id = $1 AND a.city_id = $2 AND a.recipient_unit IS NOT DISTINCT FROM $3
        AND ($6::uuid IS NULL OR a.id <> $6)
        AND ARRAY(SELECT ac.category_id FROM award_category ac WHERE ac.award_id = a.id ORDER BY 1) = ARRAY(SELECT DISTINCT unnest($4::uuid[]) ORDER BY 1)
        AND ARRAY(SELECT ap.practice_id FROM award_practice ap WHERE ap.award_id = a.id ORDER BY 1) = ARRAY(SELECT DISTINCT unnest($5::uuid[]) ORDER BY 1)
      LIMIT 1`,
    [editionId, shape.cityId, shape.recipientUnit, shape.categoryIds, shape.practiceIds, exceptAwardId],
  );
  return row?.id ?? null;
}

/** Inserts the award at the edition's next position (after the highest, so a removal leaves no reused number). */
export async function insertAward(manager: EntityManager, editionId: string, shape: AwardShape, citation: string | null, createdBy: string): Promise<string> {
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO award (edition_id, city_id, recipient_unit, citation, created_by, position)
     VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(max(position) + 1, 0) FROM award WHERE edition_id = $1)) RETURNING id`,
    [editionId, shape.cityId, shape.recipientUnit, citation, createdBy],
  );
  return id;
}

/** The categories named that none of the named practices is filed under, with their names, in the order given. */
export async function categoriesOutsidePractices(manager: EntityManager, categoryIds: string[], practiceIds: string[]): Promise<{ id: string; name: string }[]> {
  return manager.query(
    `SELECT cat.id, cat.name
       FROM unnest($1::uuid[]) WITH ORDINALITY AS named(id, ord) JOIN category cat ON cat.id = named.id
      WHERE NOT EXISTS (SELECT 1 FROM practice_category pc WHERE pc.category_id = cat.id AND pc.practice_id = ANY($2::uuid[]))
      ORDER BY named.ord`,
    [categoryIds, practiceIds],
  );
}

/** The practices named by the edition's awards that the viewer is not conflicted with. */
export async function visiblePracticeIds(dataSource: DataSource, editionId: string, viewer: string): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT DISTINCT p.id FROM award a JOIN award_practice ap ON ap.award_id = a.id
       JOIN practice p ON p.id = ap.practice_id JOIN report r ON r.id = p.report_id
      WHERE a.edition_id = $1 AND ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')}`,
    [editionId, viewer],
  );
  return rows.map((row) => row.id);
}
