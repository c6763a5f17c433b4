// The one definition of a conflict of interest, as SQL, used wherever it matters: the ballot, the
// score write, the results and agreement, the object-level access rules, what a juror reads in
// deliberation, and the coordinator's conflicts list. A person is conflicted with a practice when
// they declared a conflict on it, or when they have a tie to its city in its edition:
//   juror_city        their juror grant in that edition names the city
//   expert_of_city    they are the city's expert in that edition, or wrote or submitted its report
//   official_of_city  they are an official of the city (officials' grants hold for every edition)
// It lives with the jury (the domain owns its tables); practices.access.ts, reports.access.ts, the
// ballot, results, decisions and reminders all build on these predicates.
import { isCoordinator, Principal } from '@app/core';

export const CONFLICT_REASON_CODES = ['declared', 'juror_city', 'expert_of_city', 'official_of_city'] as const;
export type ConflictReasonCode = (typeof CONFLICT_REASON_CODES)[number];

/**
 * Rows (reason, since) for each tie of person `user` to city `city` in edition `edition` (SQL
 * expressions, e.g. column references or parameters). Usable as a LATERAL subquery.
 */
export function cityTiesSql(user: string, edition: string, city: string): string {
  return `
    SELECT 'juror_city'::text AS reason, tg.created_at AS since FROM role_grant tg
     WHERE tg.user_id = ${user} AND tg.role = 'juror' AND tg.edition_id = ${edition} AND tg.city_id = ${city}
    UNION ALL
    SELECT 'expert_of_city', tg.created_at FROM role_grant tg
     WHERE tg.user_id = ${user} AND tg.role = 'expert' AND tg.edition_id = ${edition} AND tg.city_id = ${city}
    UNION ALL
    SELECT 'expert_of_city', tr.created_at FROM report tr
     WHERE tr.edition_id = ${edition} AND tr.city_id = ${city} AND ${user} IN (tr.created_by, tr.submitted_by)
    UNION ALL
    SELECT 'official_of_city', tg.created_at FROM role_grant tg
     WHERE tg.user_id = ${user} AND tg.role = 'cityOfficial' AND tg.city_id = ${city}`;
}

/** Whether `user` has any tie to `city` in `edition`. */
export function tiedToCitySql(user: string, edition: string, city: string): string {
  return `EXISTS (${cityTiesSql(user, edition, city)})`;
}

/**
 * Whether `user` is conflicted with practice `practice`, whose report is in `edition` for `city`:
 * a declared conflict or a tie to the city. The predicate everything else uses.
 */
export function conflictedSql(user: string, practice: string, edition: string, city: string): string {
  return `(EXISTS (SELECT 1 FROM conflict_of_interest dci WHERE dci.juror_id = ${user} AND dci.practice_id = ${practice})
           OR ${tiedToCitySql(user, edition, city)})`;
}

/**
 * For lists a viewer reads: true when `viewer` may see practice `practice` (a null viewer, i.e. a
 * coordinator, sees everything).
 */
export function visibleToSql(viewer: string, practice: string, edition: string, city: string): string {
  return `(${viewer}::uuid IS NULL OR NOT ${conflictedSql(`${viewer}::uuid`, practice, edition, city)})`;
}

/** Whose conflicts filter what the principal reads (visibleToSql): nobody's for a coordinator (null), their own otherwise. */
export function conflictViewer(principal: Principal): string | null {
  return isCoordinator(principal) ? null : principal.userId;
}
