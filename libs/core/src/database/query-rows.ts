// TypeORM's query() answers UPDATE/DELETE … RETURNING with [rows, affectedCount] on PostgreSQL,
// but SELECT and INSERT with the rows alone. This always gives the rows.
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export async function queryRows<T>(runner: Queryable, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result = await runner.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
