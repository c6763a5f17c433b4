// Builds the one TypeORM configuration used by the app, the CLI and the tests. Never synchronizes.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type EntityList = MixedList<string | Function>;

/** The repository root, from both the TypeScript sources and the compiled dist/ tree. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('project root (with package.json and migrations/) not found');
    dir = parent;
  }
}

/**
 * Migration classes, loaded explicitly: compiled ones next to this file's dist tree when running
 * from dist/, the TypeScript sources otherwise (jest compiles them on require).
 */
export function loadMigrations(): Function[] {
  const compiled = __filename.endsWith('.js');
  const dir = compiled ? join(projectRoot(), 'dist', 'migrations') : join(projectRoot(), 'migrations');
  if (!existsSync(dir)) return [];
  const ext = compiled ? '.js' : '.ts';
  return readdirSync(dir)
    .filter((file) => file.endsWith(ext) && !file.endsWith('.d.ts'))
    .sort()
    .flatMap((file) => Object.values(require(join(dir, file)) as Record<string, unknown>))
    .filter((value): value is Function => typeof value === 'function');
}

export function buildDataSourceOptions(url: string, entities: EntityList, extra: { poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: loadMigrations(),
    migrationsTableName: 'typeorm_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: extra.poolSize ?? 10,
    applicationName: 'open-cities',
  };
}
