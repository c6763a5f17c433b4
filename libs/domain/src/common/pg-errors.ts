// PostgreSQL errors the services turn into domain errors.

/** Whether `error` is a unique violation (of `constraint`, when named), as TypeORM or pg raise it. */
export function uniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

/** The total of a `count(*) OVER () AS total` page, 0 for an empty page. */
export function pageTotal(rows: { total: string | number }[]): number {
  return rows.length ? Number(rows[0].total) : 0;
}
