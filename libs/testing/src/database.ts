// One database per test file, cloned from a migrated template that the first file builds under an
// advisory lock (CREATE DATABASE … TEMPLATE is fast; migrating per file is not).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { BULLMQ_PG_SCHEMA, runMigrations } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';

const TEMPLATE_LOCK = 424242;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** `<pid of the jest main process>_<random>`, set by the global setup. */
function runId(): string {
  return process.env.TEST_RUN_ID ?? `${process.pid}_local`;
}

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is not set: run the tests through jest (test/global-setup.js)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareBullmqSchema(url: string): Promise<void> {
  // BullMQ's PostgreSQL backend creates its own tables; doing it once in the template spares each file.
  const { createPostgresBackend, withBackend } = await import('bullmq');
  const { Queue: PgQueue } = withBackend(createPostgresBackend);
  const queue = new PgQueue('template-warmup', { connection: { connectionString: url, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 1 } });
  await queue.waitUntilReady();
  await queue.close();
}

export async function ensureTemplate(): Promise<string> {
  const template = `oc_tpl_${runId()}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount) return;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}" TEMPLATE template0 ENCODING 'UTF8'`);
      await runMigrations(databaseUrl(building), ALL_ENTITIES);
      await prepareBullmqSchema(databaseUrl(building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `oc_t_${runId()}_${randomBytes(5).toString('hex')}`;
  await withAdmin(async (admin) => {
    // CREATE DATABASE … TEMPLATE fails while another session is connected to the template.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  };
}
