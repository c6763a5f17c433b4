#!/usr/bin/env node
// Runs the TypeORM CLI against the compiled DataSource: `generate <Name>`, `run`, `revert`.
// Needs DATABASE_URL (a scratch database for generate: it must be migrated to the latest state).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const [command, name] = process.argv.slice(2);
const dataSource = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'cli.data-source.js');
const cli = require.resolve('typeorm/cli.js');
const args = {
  generate: () => {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
      console.error('usage: npm run migration:generate -- PascalCaseName');
      process.exit(2);
    }
    return ['migration:generate', '-d', dataSource, '--pretty', join('migrations', name)];
  },
  run: () => ['migration:run', '-d', dataSource],
  revert: () => ['migration:revert', '-d', dataSource],
}[command];
if (!args) {
  console.error('usage: node scripts/migration.js generate <Name> | run | revert');
  process.exit(2);
}
const result = spawnSync(process.execPath, [cli, ...args()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
