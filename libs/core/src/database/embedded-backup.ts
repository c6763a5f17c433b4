// Online, consistent backup of the embedded default into one .tar.gz: PostgreSQL's non-exclusive
// low-level backup API (pg_backup_start / pg_backup_stop) around a copy of the cluster directory,
// with the WAL from the start to the end of the backup and the backup_label pg_backup_stop returns,
// then DATA_DIR/files and the secrets. Restoring it (embedded-restore.ts) and starting replays that
// WAL, so the database is as it was when the backup ended, whatever was being written meanwhile.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { isAlive, startEmbeddedPostgres } from './embedded-postgres';

/** The archive's layout, shared with the restore. */
export const BACKUP_LAYOUT = {
  manifest: 'open-cities-backup.json',
  cluster: 'postgres',
  files: 'files',
  secrets: ['postgres-password', 'jwt-secret'],
} as const;

export interface BackupManifest {
  format: 1;
  createdAt: string;
  postgresVersion: string;
  startLsn: string;
  stopLsn: string;
}

export interface BackupSummary extends BackupManifest {
  archive: string;
  bytes: number;
  /** Whether the backup had to start the embedded PostgreSQL because no `npm start` was running. */
  startedServer: boolean;
}

/**
 * What a base backup leaves out (PostgreSQL's documented list): the server's runtime files, WAL
 * (added separately, only the segments the backup needs) and directories emptied at every start.
 */
const EMPTIED_DIRECTORIES = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const LEFT_OUT_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'pg_internal.init']);

/** Copies the cluster while the server writes to it; files dropped meanwhile are skipped. */
async function copyCluster(from: string, to: string, top = true): Promise<void> {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (LEFT_OUT_FILES.has(entry.name) || entry.name.startsWith('pgsql_tmp')) continue;
    if (entry.isDirectory()) {
      if (top && EMPTIED_DIRECTORIES.has(entry.name)) mkdirSync(target, { mode: 0o700 });
      else await copyCluster(source, target, false);
    } else if (entry.isFile()) {
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}

/** The running `npm start`'s database, or none. */
function runningEmbeddedUrl(dataDir: string): string | null {
  const file = join(dataDir, 'embedded.json');
  if (!existsSync(file)) return null;
  const { pid, databaseUrl } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; databaseUrl: string };
  return isAlive(pid) ? databaseUrl : null;
}

/** Runs the low-level backup on one session, copying the cluster into `staging/postgres`. */
async function backUpCluster(url: string, staging: string): Promise<BackupManifest> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ data_directory: clusterDir, server_version: postgresVersion }] = (
      await client.query(`SELECT current_setting('data_directory') AS data_directory, current_setting('server_version') AS server_version`)
    ).rows as { data_directory: string; server_version: string }[];
    // A temporary slot holds back WAL removal from here on, so a checkpoint during the copy cannot
    // recycle the segments the backup needs; it goes away with this session.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`open_cities_backup_${process.pid}`]);
    const started = await client.query(`SELECT pg_backup_start($1, true) AS lsn`, ['open-cities']);
    const { lsn: startLsn } = started.rows[0] as { lsn: string };
    const firstSegment = (await client.query('SELECT pg_walfile_name($1) AS wal', [startLsn])).rows[0].wal as string;
    const clusterCopy = join(staging, BACKUP_LAYOUT.cluster);
    await copyCluster(clusterDir, clusterCopy);
    const stopped = await client.query('SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)');
    const { lsn: stopLsn, labelfile, spcmapfile } = stopped.rows[0] as { lsn: string; labelfile: string; spcmapfile: string };
    const lastSegment = (await client.query('SELECT pg_walfile_name($1) AS wal', [stopLsn])).rows[0].wal as string;
    writeFileSync(join(clusterCopy, 'backup_label'), labelfile, { mode: 0o600 });
    if (spcmapfile) writeFileSync(join(clusterCopy, 'tablespace_map'), spcmapfile, { mode: 0o600 });
    // The WAL from the backup's start to its end (flushed by pg_backup_stop), and timeline history.
    mkdirSync(join(clusterCopy, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    for (const name of readdirSync(join(clusterDir, 'pg_wal'))) {
      const segment = /^[0-9A-F]{24}$/.test(name) && name >= firstSegment && name <= lastSegment;
      if (segment || name.endsWith('.history')) await copyFile(join(clusterDir, 'pg_wal', name), join(clusterCopy, 'pg_wal', name));
    }
    return { format: 1, createdAt: new Date().toISOString(), postgresVersion, startLsn, stopLsn };
  } finally {
    await client.end();
  }
}

/**
 * Backs up the embedded default of `dataDir` into `archive` (.tar.gz), while `npm start` runs (or
 * starting its PostgreSQL for the time of the backup when it does not).
 */
export async function backupEmbedded(dataDirInput: string, archiveInput: string): Promise<BackupSummary> {
  const dataDir = resolve(dataDirInput);
  const archive = resolve(archiveInput);
  if (!existsSync(join(dataDir, 'postgres-password'))) throw new Error(`${dataDir} holds no embedded database (start it once with npm start, or set DATA_DIR)`);
  mkdirSync(dirname(archive), { recursive: true });
  const runningUrl = runningEmbeddedUrl(dataDir);
  const ownServer = runningUrl ? null : await startEmbeddedPostgres(dataDir);
  const staging = mkdtempSync(join(dirname(archive), `.${basename(archive)}-`));
  const partial = `${archive}.partial`;
  try {
    const manifest = await backUpCluster(runningUrl ?? ownServer!.url, staging);
    writeFileSync(join(staging, BACKUP_LAYOUT.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries: string[] = [BACKUP_LAYOUT.manifest, BACKUP_LAYOUT.cluster];
    for (const secret of BACKUP_LAYOUT.secrets) {
      if (!existsSync(join(dataDir, secret))) continue;
      await copyFile(join(dataDir, secret), join(staging, secret));
      entries.push(secret);
    }
    // After the database: every file a backed-up row names was stored before its row committed.
    const filesDir = join(dataDir, BACKUP_LAYOUT.files);
    if (existsSync(filesDir)) {
      symlinkSync(filesDir, join(staging, BACKUP_LAYOUT.files));
      entries.push(BACKUP_LAYOUT.files);
    }
    // follow: the files directory is a link to the live one (the cluster copy holds no links).
    await tar.create({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, entries);
    renameSync(partial, archive);
    return { ...manifest, archive, bytes: statSync(archive).size, startedServer: ownServer !== null };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(partial, { force: true });
    await ownServer?.stop();
  }
}
