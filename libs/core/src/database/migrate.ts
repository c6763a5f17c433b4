// Applies pending migrations (each in its own transaction) with a short-lived connection.
import { DataSource, MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

export async function runMigrations(url: string, entities: MixedList<string | Function>): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(url, entities, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The SQL a new migration would contain: empty when entities and migrations agree. */
export async function pendingSchemaChanges(url: string, entities: MixedList<string | Function>): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(url, entities, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
