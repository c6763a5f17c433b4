// Brings an archive made by embedded-backup.ts back into an empty DATA_DIR: the cluster goes where
// the embedded start will look for it (DATA_DIR/postgres, or its relocated place when running as
// root and PostgreSQL's user cannot reach DATA_DIR), owned by that user; the files and secrets go
// into DATA_DIR. The next start replays the WAL in the archive up to the end of the backup.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tar from 'tar';
import { BACKUP_LAYOUT, BackupManifest } from './embedded-backup';
import { clusterLocation } from './embedded-cluster-location';

export class RestoreRefusedError extends Error {}

export interface RestoreSummary extends BackupManifest {
  dataDir: string;
  clusterDir: string;
  files: number;
}

const isEmpty = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** The archive's manifest, read before anything is written, so a wrong file is refused early. */
async function readManifest(archive: string): Promise<BackupManifest> {
  let text = '';
  await tar.list({
    file: archive,
    filter: (path) => path === BACKUP_LAYOUT.manifest,
    onReadEntry: (entry) => entry.on('data', (chunk: Buffer) => (text += chunk.toString('utf8'))),
  }).catch((error: unknown) => {
    throw new RestoreRefusedError(`${archive} is not a readable backup archive (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!text) throw new RestoreRefusedError(`${archive} is not an Open Cities backup (no ${BACKUP_LAYOUT.manifest} in it)`);
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 1) throw new RestoreRefusedError(`${archive} has backup format ${manifest.format}; this version reads format 1`);
  return manifest;
}

export async function restoreEmbedded(dataDirInput: string, archiveInput: string): Promise<RestoreSummary> {
  const dataDir = resolve(dataDirInput);
  const archive = resolve(archiveInput);
  if (!existsSync(archive)) throw new RestoreRefusedError(`${archive} does not exist`);
  if (!isEmpty(dataDir)) {
    throw new RestoreRefusedError(
      `DATA_DIR ${dataDir} is not empty: restore only into an empty directory (set DATA_DIR to a new one, or move its contents away first)`,
    );
  }
  const manifest = await readManifest(archive);
  mkdirSync(dataDir, { recursive: true });
  const location = clusterLocation(dataDir);
  if (!isEmpty(location.dir)) {
    throw new RestoreRefusedError(`${location.dir} (where this DATA_DIR's database lives) is not empty: move it away first`);
  }
  const clusterPrefix = `${BACKUP_LAYOUT.cluster}/`;
  await tar.extract({ file: archive, cwd: dataDir, filter: (path) => !path.startsWith(clusterPrefix) && path !== BACKUP_LAYOUT.manifest });
  await tar.extract({
    file: archive,
    cwd: location.dir,
    strip: 1,
    filter: (path) => path.startsWith(clusterPrefix),
    // As root the cluster belongs to PostgreSQL's user, whatever the archive says.
    ...(location.runAs ? { uid: location.runAs.uid, gid: location.runAs.gid, preserveOwner: false } : {}),
  });
  chmodSync(location.dir, 0o700);
  if (!existsSync(join(location.dir, 'backup_label')) || !existsSync(join(location.dir, 'PG_VERSION'))) {
    throw new RestoreRefusedError(`${archive} holds no complete cluster (PG_VERSION and backup_label): it is damaged`);
  }
  const filesDir = join(dataDir, BACKUP_LAYOUT.files);
  const files = existsSync(filesDir) ? readdirSync(filesDir, { recursive: true }).length : 0;
  return { ...manifest, dataDir, clusterDir: location.dir, files };
}
