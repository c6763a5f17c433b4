// What the public may see: published editions only, and of their practices the distinguished ones.
// The catalogue's routes are public, so this is the whole rule; every catalogue statement carries it.

/** SQL: edition `e` is public. */
export const PUBLISHED_EDITION_SQL = (e: string): string => `${e}.stage = 'published'`;

/** SQL: practice `p` of edition `e` is public. */
export const PUBLISHED_PRACTICE_SQL = (p: string, e: string): string => `${PUBLISHED_EDITION_SQL(e)} AND ${p}.status = 'distinguished'`;

