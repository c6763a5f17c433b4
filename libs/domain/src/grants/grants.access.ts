// Who may see an assignment (a role grant): coordinators, who manage them through the edition's
// and the city's pages (edition.manage, edition.jury.manage, city.manage), and the user it is for
// (an expert's list of their reports is read from their own grants).
import { isCoordinatorSql } from '../access/access-rule';

/** SQL: the ids among $1 of grants user $2 may see. */
export const VISIBLE_GRANT_IDS_SQL = `
  SELECT gr.id FROM role_grant gr WHERE gr.id = ANY($1::uuid[]) AND (${isCoordinatorSql('$2')} OR gr.user_id = $2)`;
