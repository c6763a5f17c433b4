// Who a group mail's filter chooses, as SQL: people with a grant in the edition for the role (the
// officials of the cities taking part), never a disabled account; with a city, only that city's
// experts and officials, and the jurors who score that city (none tied to it). Progress narrows
// experts to a report not started / not submitted and jurors to an incomplete ballot. Each row
// carries what the merge fields need: the city the mail concerns and the person's own deadline.
import { tiedToCitySql, conflictedSql } from '../../jury/conflicts.access';
import { onBallotByAssignmentSql } from '../../jury/panels.access';
import { expertReportsDueSql, jurorScoringDueSql } from '../../grants/deadlines.sql';
import { GroupMailFilter } from './group-mail.entity';

/** A recipient as the filter finds them. */
export interface RecipientRow {
  user_id: string;
  name: string;
  email: string;
  locale: string;
  role: GroupMailFilter['role'];
  city_id: string | null;
  city: string | null;
  due_at: Date | null;
}

const COLUMNS = `u.id AS user_id, u.name, u.email, u.locale, rg.role::text AS role`;
const REACHABLE = `JOIN app_user u ON u.id = rg.user_id AND u.status <> 'disabled' JOIN edition e ON e.id = $1`;

/** Parameters: $1 edition, $2 city (or null), then none; the query orders by name. */
export function recipientsSql(filter: GroupMailFilter): string {
  const bySql = {
    expert: `
      SELECT ${COLUMNS}, c.id AS city_id, c.name AS city, ${expertReportsDueSql('e', 'rg.city_id')} AS due_at
        FROM role_grant rg ${REACHABLE} JOIN city c ON c.id = rg.city_id
       WHERE rg.role = 'expert' AND rg.edition_id = $1 AND ($2::uuid IS NULL OR rg.city_id = $2::uuid)
         ${expertProgress(filter.progress)}`,
    juror: `
      SELECT ${COLUMNS}, COALESCE(fc.id, c.id) AS city_id, COALESCE(fc.name, c.name) AS city, ${jurorScoringDueSql('e', 'rg.user_id')} AS due_at
        FROM role_grant rg ${REACHABLE} LEFT JOIN city c ON c.id = rg.city_id LEFT JOIN city fc ON fc.id = $2::uuid
       WHERE rg.role = 'juror' AND rg.edition_id = $1
         AND ($2::uuid IS NULL OR NOT ${tiedToCitySql('rg.user_id', 'rg.edition_id', '$2::uuid')})
         ${filter.progress === 'ballotIncomplete' ? `AND ${ballotIncompleteSql}` : ''}`,
    // Officials' grants hold for every edition: those of the cities with an expert in this one.
    cityOfficial: `
      SELECT DISTINCT ON (u.id) ${COLUMNS}, c.id AS city_id, c.name AS city, NULL::timestamptz AS due_at
        FROM role_grant rg ${REACHABLE} JOIN city c ON c.id = rg.city_id
       WHERE rg.role = 'cityOfficial' AND ($2::uuid IS NULL OR rg.city_id = $2::uuid)
         AND EXISTS (SELECT 1 FROM role_grant x WHERE x.role = 'expert' AND x.edition_id = $1 AND x.city_id = rg.city_id)
       ORDER BY u.id, c.name`,
  };
  return `SELECT * FROM (${bySql[filter.role]}) r ORDER BY r.name, r.email`;
}

function expertProgress(progress: GroupMailFilter['progress']): string {
  const report = (extra: string) => `AND NOT EXISTS (SELECT 1 FROM report r WHERE r.edition_id = rg.edition_id AND r.city_id = rg.city_id${extra})`;
  if (progress === 'reportNotStarted') return report('');
  if (progress === 'reportNotSubmitted') return report(` AND r.status = 'submitted'`);
  return '';
}

/** An eligible practice on the juror's ballot (of the filter's city, if any; by assignment, when the edition assigns) that they have not scored. */
const ballotIncompleteSql = `EXISTS (
  SELECT 1 FROM practice p JOIN report r ON r.id = p.report_id
   WHERE r.edition_id = rg.edition_id AND p.status = 'eligible' AND ($2::uuid IS NULL OR r.city_id = $2::uuid)
     AND NOT ${conflictedSql('rg.user_id', 'p.id', 'r.edition_id', 'r.city_id')}
     AND ${onBallotByAssignmentSql('rg.user_id', 'p.id', 'r.edition_id')}
     AND NOT EXISTS (SELECT 1 FROM score s WHERE s.juror_id = rg.user_id AND s.practice_id = p.id))`;
