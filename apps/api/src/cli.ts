// `npm run cli -- <command>`: operator commands.
//   create-coordinator --email <email> --name <name>   (password from stdin, or asked for on a terminal)
//   backup <file.tar.gz>    online backup of the embedded default (database, files, secrets)
//   restore <file.tar.gz>   into an empty DATA_DIR
// Uses DATABASE_URL, or the running embedded default's database (DATA_DIR/embedded.json).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/core';
import { backupEmbedded } from '@app/core/database/embedded-backup';
import { restoreEmbedded } from '@app/core/database/embedded-restore';
import { ALL_ENTITIES, createCoordinatorAccount } from '@app/domain';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = join(resolve(process.env.DATA_DIR ?? '.data'), 'embedded.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl: string }).databaseUrl;
  return fail('Set DATABASE_URL, or start the embedded default (npm start) first.');
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0].replace(/\r$/, '');
  }
  // Ask on the terminal without echoing what is typed.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (text: string) => void });
  process.stdout.write('Password (at least 12 characters): ');
  write._writeToOutput = () => undefined;
  const answer = await new Promise<string>((done) => rl.question('', done));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function createCoordinator(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) fail('usage: npm run cli -- create-coordinator --email <email> --name <name>  (password on stdin)');
  const password = await readPassword();
  const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl(), ALL_ENTITIES, { poolSize: 1 }), migrations: [] });
  await dataSource.initialize();
  try {
    const user = await dataSource.transaction((manager) => createCoordinatorAccount(manager, values.email!, values.name!, password));
    process.stdout.write(`Coordinator ${user.email} (${user.id}) is active.\n`);
  } catch (error) {
    fail(`Could not create the coordinator: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await dataSource.destroy();
  }
}

/** Backups here cover only the embedded default; a server of one's own has better tools. */
function embeddedDataDir(command: string, args: string[]): { dataDir: string; archive: string } {
  if (process.env.DATABASE_URL) {
    fail(
      `DATABASE_URL is set, so the database is not the embedded one: back it up with the server's own tools ` +
        `(pg_dump, or pg_basebackup for a physical copy) and copy DATA_DIR/files (or your object storage) yourself.`,
    );
  }
  if (args.length !== 1) fail(`usage: npm run cli -- ${command} <file.tar.gz>`);
  return { dataDir: resolve(process.env.DATA_DIR ?? '.data'), archive: resolve(args[0]) };
}

async function backup(args: string[]): Promise<void> {
  const { dataDir, archive } = embeddedDataDir('backup', args);
  const summary = await backupEmbedded(dataDir, archive);
  const size = `${(summary.bytes / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(`Backed up ${dataDir} into ${archive} (${size}; PostgreSQL ${summary.postgresVersion}, WAL ${summary.startLsn} to ${summary.stopLsn}).\n`);
}

async function restore(args: string[]): Promise<void> {
  const { dataDir, archive } = embeddedDataDir('restore', args);
  const summary = await restoreEmbedded(dataDir, archive);
  process.stdout.write(
    `Restored the backup of ${summary.createdAt} into ${dataDir} (database in ${summary.clusterDir}, ${summary.files} file(s)). ` +
      `Start it with: DATA_DIR=${dataDir} npm start\n`,
  );
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { 'create-coordinator': createCoordinator, backup, restore };
const run = command ? commands[command] : undefined;
if (!run) fail(`usage: npm run cli -- <${Object.keys(commands).join('|')}> ...`);
run(rest).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
