// The filesystem driver (embedded default): objects are files under DATA_DIR/files/<key>.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertStorageKey, FileStorage, StoredObjectInfo, StoredObjectNotFoundError } from './file-storage';

export class LocalFileStorage implements FileStorage {
  readonly kind = 'filesystem';
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'files');
  }

  private path(key: string): string {
    return join(this.root, assertStorageKey(key));
  }

  async putFile(key: string, localPath: string, _info: StoredObjectInfo): Promise<void> {
    const target = this.path(key);
    try {
      await mkdir(dirname(target), { recursive: true });
      // The staging folder is under the same root, so this is an atomic rename, not a copy.
      await rename(localPath, target);
    } finally {
      await rm(localPath, { force: true });
    }
  }

  async open(key: string): Promise<{ stream: ReturnType<typeof createReadStream>; size: number }> {
    const path = this.path(key);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectNotFoundError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
