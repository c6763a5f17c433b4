// Who may act on an award: coordinators manage awards (the jury drafts them through the deliberation pages).
import { isCoordinatorSql, ObjectAccessSpec } from '../access/access-rule';
import { coordinatorOnly } from '../editions/editions.access';

export const AWARD_ACCESS: ObjectAccessSpec = {
  kind: 'award',
  targetSql: `SELECT a.edition_id AS "editionId", a.city_id AS "cityId", e.stage::text AS stage
                FROM award a JOIN edition e ON e.id = a.edition_id WHERE a.id = $1`,
  visibleIdsSql: `SELECT a.id FROM award a WHERE a.id = ANY($1::uuid[]) AND ${isCoordinatorSql('$2')}`,
  rules: { 'award.manage': coordinatorOnly },
};
