// A person's deadline as the checks read it: the edition's, unless their grant carries a later one
// (a coordinator's extension). No edition deadline means no deadline, whatever the grant says.
// One definition, used inside the statements that write (the score upsert, report submission) and
// the reads that explain a refusal or show the deadline, so all of them agree.

/** SQL: the juror `userSql`'s scoring deadline in edition `e` (null: none). */
export const jurorScoringDueSql = (e: string, userSql: string): string =>
  `CASE WHEN ${e}.scoring_due_at IS NULL THEN NULL ELSE GREATEST(${e}.scoring_due_at,
     (SELECT g.extended_due_at FROM role_grant g WHERE g.role = 'juror' AND g.edition_id = ${e}.id AND g.user_id = ${userSql})) END`;

/** SQL: the reports deadline of the expert of city `citySql` in edition `e` (null: none). */
export const expertReportsDueSql = (e: string, citySql: string): string =>
  `CASE WHEN ${e}.reports_due_at IS NULL THEN NULL ELSE GREATEST(${e}.reports_due_at,
     (SELECT g.extended_due_at FROM role_grant g WHERE g.role = 'expert' AND g.edition_id = ${e}.id AND g.city_id = ${citySql})) END`;

/** SQL: `due` (a deadline expression) has not passed. */
export const notPassedSql = (due: string): string => `(${due} IS NULL OR ${due} > now())`;
