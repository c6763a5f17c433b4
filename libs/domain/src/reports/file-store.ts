// Evidence files, named by the server (never by the client), checked by content (PDF, DOCX, ODT),
// limited to 20 MiB, hashed with SHA-256 while streaming. An upload is staged on local disk under
// DATA_DIR/files/incoming (to check it whole), then handed to the storage port (disk or S3).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, DomainError, FILE_STORAGE, FileStorage, InvalidInputError } from '@app/core';
import { assertZipWithinLimits } from './zip-limits';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the content must look like: the first bytes, and for ZIP containers the declared type. */
export const ACCEPTED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

export interface StoredFile {
  storedName: string;
  size: number;
  sha256: string;
  contentType: string;
}

export class FileTooLargeError extends InvalidInputError {
  constructor() {
    super('file', `must be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  }
}

export class MalformedUploadError extends InvalidInputError {
  constructor() {
    super('file', 'was not received whole: the multipart body is malformed or ends before its closing boundary');
  }
}

/**
 * The uploader's name for display only: must be a plain file name (no path, no control
 * characters); a name that tries to be a path is refused rather than silently rewritten.
 */
export function cleanFilename(name: string | undefined): string {
  const value = (name ?? '').normalize('NFC').trim();
  if (!value) throw new InvalidInputError('file', 'must have a file name');
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(value) || value === '.' || value === '..' || value.includes('..')) {
    throw new InvalidInputError('file', 'has a file name that is a path or has control characters');
  }
  if (value.length > 200) throw new InvalidInputError('file', 'has a file name longer than 200 characters');
  return value;
}

/** Detects PDF, DOCX and ODT from the bytes themselves; anything else is refused. */
async function sniff(path: string): Promise<string | null> {
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(path);
  if (detected?.mime === ACCEPTED_TYPES.pdf) return ACCEPTED_TYPES.pdf;
  if (detected?.mime === ACCEPTED_TYPES.docx) return ACCEPTED_TYPES.docx;
  if (detected?.ext === 'odt' || detected?.mime === ACCEPTED_TYPES.odt) return ACCEPTED_TYPES.odt;
  // file-type reports an ODT as a plain ZIP when it cannot read the manifest: check the mimetype entry.
  if (detected?.ext === 'zip') {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(128);
      await handle.read(head, 0, 128, 0);
      if (head.subarray(30, 38).toString('latin1') === 'mimetype' && head.subarray(38, 38 + ACCEPTED_TYPES.odt.length).toString('latin1') === ACCEPTED_TYPES.odt) {
        return ACCEPTED_TYPES.odt;
      }
    } finally {
      await handle.close();
    }
  }
  return null;
}

/**
 * The upload stream failed on its own (busboy found the body cut short or malformed, possibly
 * before we read it): the client's fault. Our refusals and disk errors (with a syscall) are not.
 */
function isMalformedBody(stream: Readable, error: unknown): boolean {
  if (error instanceof DomainError || (error as { syscall?: unknown })?.syscall) return false;
  return stream.errored !== null;
}

@Injectable()
export class FileStore {
  private readonly staging: string;

  constructor(
    config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {
    this.staging = resolve(config.DATA_DIR, 'files', 'incoming');
  }

  /** Streams into a staged file while hashing and counting; refuses oversized and unknown content, then stores it. */
  async receive(stream: Readable, truncated: () => boolean): Promise<StoredFile> {
    await mkdir(this.staging, { recursive: true });
    const storedName = randomUUID();
    const temporary = join(this.staging, storedName);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_FILE_BYTES) return done(new FileTooLargeError());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    let stored: StoredFile;
    try {
      await pipeline(stream, meter, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      if (truncated()) throw new FileTooLargeError();
      if (size === 0) throw new InvalidInputError('file', 'is empty');
      const contentType = await sniff(temporary);
      if (!contentType) throw new InvalidInputError('file', 'must be a PDF, DOCX or ODT document (checked by content)');
      if (contentType !== ACCEPTED_TYPES.pdf) await assertZipWithinLimits(temporary);
      stored = { storedName, size, sha256: hash.digest('hex'), contentType };
    } catch (error) {
      await rm(temporary, { force: true });
      // Drain what the client still sends so the reply can go out.
      stream.resume();
      if (isMalformedBody(stream, error)) throw new MalformedUploadError();
      throw error;
    }
    await this.storage.putFile(storedKey(storedName), temporary, stored);
    return stored;
  }

  async open(storedName: string): Promise<{ stream: Readable; size: number }> {
    return this.storage.open(storedKey(storedName));
  }

  async remove(storedName: string): Promise<void> {
    await this.storage.remove(storedKey(storedName));
  }
}

/** Evidence files keep their historical place: the stored name is the key (DATA_DIR/files/<uuid> on disk). */
function storedKey(storedName: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(storedName)) throw new Error('invalid stored file name');
  return storedName;
}
