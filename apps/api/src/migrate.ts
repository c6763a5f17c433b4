// `node dist/apps/api/src/migrate.js`: applies pending migrations (the compose `migrate` service).
import { loadConfigForDatabase } from '@app/core/database/database-url';
import { runMigrations } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';

runMigrations(loadConfigForDatabase(), ALL_ENTITIES)
  .then((applied) => process.stdout.write(`Applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
