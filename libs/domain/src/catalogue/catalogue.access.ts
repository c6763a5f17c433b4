// What the public may see: published editions only, and of their practices the distinguished ones.
// The catalogue's routes are public, so this is the whole rule; every catalogue statement carries it.

/** SQL: edition `e` is public. */
export const PUBLISHED_EDITION_SQL = (e: string): string => `${e}.stage = 'published'`;

/** SQL: practice `p` of edition `e` is public. */
export const PUBLISHED_PRACTICE_SQL = (p: string, e: string): string => `${PUBLISHED_EDITION_SQL(e)} AND ${p}.status = 'distinguished'`;

/** The ids among $1 of practices the public may see. */
export const VISIBLE_PUBLIC_PRACTICE_IDS_SQL = `
  SELECT p.id FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
   WHERE p.id = ANY($1::uuid[]) AND ${PUBLISHED_PRACTICE_SQL('p', 'e')}`;
