// The database of a bench run: a fresh `oc_bench` on the machine's PostgreSQL (127.0.0.1:5432, or
// BENCH_PG_ADMIN_URL) when it answers, else an embedded PostgreSQL in a temporary directory.
// Migrated with the app's own migrations, then filled by the seeded data generator.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '@app/core/database/migrate';
import { startEmbeddedPostgres } from '@app/core/database/embedded-postgres';
import { ALL_ENTITIES } from '@app/domain';

// BENCH_DATABASE: another name when several checkouts bench on one PostgreSQL at the same time.
export const BENCH_DATABASE = process.env.BENCH_DATABASE || 'oc_bench';

export interface BenchDatabase {
  url: string;
  /** e.g. "PostgreSQL 15.20 (local 127.0.0.1:5432)". */
  description: string;
  version: string;
  stop(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `name`: another database than `oc_bench` on the same server (a scenario that must not touch the shared data). */
export async function openBenchDatabase(log: (line: string) => void, name = BENCH_DATABASE): Promise<BenchDatabase> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const local = process.env.BENCH_EMBEDDED_PG !== '1' && (await canConnect(adminUrl));
  let url: string;
  let where: string;
  let stop = async () => undefined;
  if (local) {
    const admin = new URL(adminUrl);
    where = `local ${admin.host}`;
    // A fresh database each run: the seeded data is then exactly what the seed says.
    await withClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    });
    admin.pathname = `/${name}`;
    url = admin.toString();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'oc-bench-pg-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the OS user postgres, which must reach it
    log(`  ${process.env.BENCH_EMBEDDED_PG === '1' ? 'BENCH_EMBEDDED_PG=1' : `no PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, '@')}`}: starting an embedded one in ${dir}`);
    const embedded = await startEmbeddedPostgres(dir, { database: name });
    url = embedded.url;
    where = 'embedded, fsync on';
    stop = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const applied = await runMigrations(url, ALL_ENTITIES);
  log(`  database ${name} (${where}): ${applied.length} migration(s) applied`);
  const version = await withClient(url, async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v);
  return { url, version, description: `PostgreSQL ${version} (${where}, database ${name})`, stop };
}
