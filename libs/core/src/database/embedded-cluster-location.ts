// Where the embedded PostgreSQL keeps its cluster and which binaries it runs. As root, PostgreSQL
// runs as the OS user "postgres", which cannot enter a checkout under a 0700 home directory (as
// /root is on most servers and containers): then the cluster, and if need be a copy of the
// binaries, are placed under /var/lib/open-cities, where that user can reach them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error';

/** Parent of relocated clusters and binaries; root-owned, 0755, so the "postgres" user can traverse it. */
export const RELOCATED_ROOT = process.env.OPEN_CITIES_SYSTEM_DIR ?? '/var/lib/open-cities';

export interface PostgresUser {
  uid: number;
  gid: number;
}

export interface ClusterLocation {
  /** The PostgreSQL data directory (PGDATA). */
  dir: string;
  /** True when the cluster is not at DATA_DIR/postgres because the "postgres" user cannot reach it. */
  relocated: boolean;
  /** The OS user PostgreSQL runs as, when Node runs as root; otherwise it runs as Node's own user. */
  runAs?: PostgresUser;
}

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

const isRoot = () => process.getuid?.() === 0;

function lookUpPostgresUser(): PostgresUser | undefined {
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!entry) return undefined;
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** As root: the OS user "postgres", created (as embedded-postgres would) when missing. */
export function postgresUser(): PostgresUser | undefined {
  if (!isRoot()) return undefined;
  const existing = lookUpPostgresUser();
  if (existing) return existing;
  try {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `running as root needs an OS user "postgres" and creating it failed (${firstLine(error)})`,
      'create it (useradd --system postgres), run as a regular user, or set DATABASE_URL to your own PostgreSQL',
    );
  }
  const created = lookUpPostgresUser();
  if (!created) throw new EmbeddedPostgresError('the OS user "postgres" is missing after useradd', 'create it by hand (useradd --system postgres)');
  return created;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Whether `user` can reach `path` (search permission on it and on every directory above it). */
export function canReach(user: PostgresUser, path: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}

/** A short, stable name for a DATA_DIR, so each checkout gets its own relocated cluster. */
export function dataDirKey(dataDir: string): string {
  return createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12);
}

/**
 * The cluster directory for a DATA_DIR: DATA_DIR/postgres when PostgreSQL's user can reach it (or
 * when a cluster is already there), else RELOCATED_ROOT/<hash of DATA_DIR's real path>. Creates the
 * directory, owned by the user PostgreSQL runs as, mode 0700.
 */
export function clusterLocation(dataDir: string): ClusterLocation {
  mkdirSync(dataDir, { recursive: true });
  const inDataDir = join(dataDir, 'postgres');
  const runAs = postgresUser();
  const relocatedDir = join(RELOCATED_ROOT, dataDirKey(dataDir));
  let dir = inDataDir;
  let relocated = false;
  if (runAs && !existsSync(join(inDataDir, 'PG_VERSION')) && (existsSync(join(relocatedDir, 'PG_VERSION')) || !canReach(runAs, dataDir))) {
    dir = relocatedDir;
    relocated = true;
    mkdirSync(RELOCATED_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(RELOCATED_ROOT, 0o755);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  chmodSync(dir, 0o700);
  return { dir, relocated, runAs };
}

/** The PostgreSQL binaries that embedded-postgres installed for this platform. */
function installedBinaries(): PostgresBinaries & { version: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    // Resolved, not imported: the package is an ES module that only computes these paths.
    const packageDir = join(dirname(require.resolve(name)), '..');
    const bin = join(packageDir, 'native', 'bin');
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    if (!existsSync(join(bin, 'postgres'))) throw new Error('no server binary');
    return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb'), version };
  } catch {
    throw new EmbeddedPostgresError(`the PostgreSQL binaries for ${platform}-${process.arch} (${name}) are not installed`, 'run npm ci, or set DATABASE_URL to your own PostgreSQL');
  }
}

/**
 * The binaries PostgreSQL's user can run: those in node_modules, or, when the checkout is out of its
 * reach, a copy under RELOCATED_ROOT (made once per version; bin, lib and share move together, as
 * the server finds its libraries relative to its own path).
 */
export function reachableBinaries(runAs: PostgresUser | undefined): PostgresBinaries {
  const installed = installedBinaries();
  if (!runAs || canReach(runAs, installed.postgres)) return installed;
  const nativeDir = dirname(dirname(installed.postgres));
  const copyDir = join(RELOCATED_ROOT, `postgresql-${process.platform}-${process.arch}-${installed.version}`);
  const relative = (binary: string) => join(copyDir, binary.slice(nativeDir.length + 1));
  if (!existsSync(join(copyDir, '.complete'))) {
    mkdirSync(RELOCATED_ROOT, { recursive: true, mode: 0o755 });
    const staging = `${copyDir}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    cpSync(join(nativeDir, '..', 'package.json'), join(staging, '.complete'));
    rmSync(copyDir, { recursive: true, force: true });
    renameSync(staging, copyDir);
  }
  return { postgres: relative(installed.postgres), initdb: relative(installed.initdb) };
}
