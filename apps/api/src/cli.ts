// `npm run cli -- <command>`: operator commands.
//   create-coordinator --email <email> --name <name>   (password from stdin, or asked for on a terminal)
// Uses DATABASE_URL, or the running embedded default's database (DATA_DIR/embedded.json).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/core';
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

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { 'create-coordinator': createCoordinator };
const run = command ? commands[command] : undefined;
if (!run) fail(`usage: npm run cli -- <${Object.keys(commands).join('|')}> ...`);
run(rest).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
