// Who may see and act on a category: it is seen with its edition, and only coordinators manage it.
import { ObjectAccessSpec } from '../access/access-rule';
import { coordinatorOnly, editionVisibleTo } from '../editions/editions.access';
import { editionTranslatorOf } from '../practices/practices.access';

export const CATEGORY_ACCESS: ObjectAccessSpec = {
  kind: 'category',
  targetSql: `SELECT c.edition_id AS "editionId", NULL::uuid AS "cityId", e.stage::text AS stage
                FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
  visibleIdsSql: `SELECT c.id FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = ANY($1::uuid[]) AND ${editionVisibleTo('e', '$2')}`,
  rules: { 'category.manage': coordinatorOnly, 'category.translate': editionTranslatorOf },
};
