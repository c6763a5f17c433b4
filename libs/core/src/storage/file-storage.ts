// The storage port: the one seam through which files (evidence, generated documents) reach the
// disk or object storage. Callers address objects by a relative key and never learn the driver.
import { Readable } from 'node:stream';

export interface StoredObjectInfo {
  size: number;
  /** Hex SHA-256 of the content, computed by the app while receiving it. */
  sha256: string;
  contentType: string;
}

export interface FileStorage {
  readonly kind: 'filesystem' | 's3';
  /**
   * Moves a fully received and checked local file into storage under `key`; the local file is
   * gone afterwards, whatever the outcome. The driver asks the server to verify `sha256` where it can.
   */
  putFile(key: string, localPath: string, info: StoredObjectInfo): Promise<void>;
  /** Streams the object; rejects with StoredObjectNotFoundError when there is none. */
  open(key: string): Promise<{ stream: Readable; size: number }>;
  /** Removes the object; a missing object is not an error (removal is retried after failures). */
  remove(key: string): Promise<void>;
  /** Releases the driver's connections at shutdown (S3's HTTP agent); the filesystem has none. */
  close?(): void;
}

/** Nest token for the configured driver. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredObjectNotFoundError extends Error {
  override name = 'StoredObjectNotFoundError';
  constructor(key: string) {
    super(`stored object not found: ${key}`);
  }
}

/** Keys are lower-case segments of a-z, 0-9 and '-', joined by '/': nothing can escape the root. */
export function assertStorageKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,127}(\/[a-z0-9][a-z0-9-]{0,127}){0,7}$/.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}
