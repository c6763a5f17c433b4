// One file-store suite, run against both storage drivers: the filesystem (embedded default) and
// S3 (against a real S3-compatible server on loopback). Whatever one driver does, the other must too.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AppConfig, createFileStorage, FileStorage, loadConfig, S3_PART_BYTES, StoredObjectNotFoundError } from '@app/core';
import { PDF_BYTES, startS3Server, TestS3Server } from '@app/testing';
import { FileStore, MAX_FILE_BYTES } from './file-store';

/** A PDF by its first bytes, padded to `size` (the sniffer reads the head only). */
function pdfOfSize(size: number): Buffer {
  const body = Buffer.alloc(size, 0x20);
  PDF_BYTES.copy(body);
  for (let i = PDF_BYTES.length; i < size; i += 4096) body[i] = i % 251;
  return body;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(['filesystem', 's3'] as const)('FileStore on the %s driver', (driver) => {
  let s3: TestS3Server | null = null;
  let config: AppConfig;
  let storage: FileStorage;
  let store: FileStore;

  beforeAll(async () => {
    if (driver === 's3') s3 = await startS3Server();
    config = loadConfig({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      JWT_SECRET: 'x'.repeat(40),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'oc-file-store-')),
      ...s3?.env,
    });
    storage = createFileStorage(config);
    store = new FileStore(config, storage);
  });
  afterAll(async () => {
    storage.close?.();
    await s3?.stop();
  });

  const staged = () => {
    const incoming = join(config.DATA_DIR, 'files', 'incoming');
    return existsSync(incoming) ? readdirSync(incoming) : [];
  };

  it('uses the driver the configuration asks for', () => {
    expect(storage.kind).toBe(driver);
  });

  it.each([
    ['a small file (one request)', 4096],
    ['a file of several parts (multipart upload)', S3_PART_BYTES * 2 + 12345],
  ])('stores %s and streams back the same bytes', async (_label, size) => {
    const bytes = pdfOfSize(size);
    const stored = await store.receive(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), () => false);
    expect(stored).toEqual({ storedName: expect.stringMatching(/^[0-9a-f-]{36}$/), size, sha256: sha256(bytes), contentType: 'application/pdf' });
    const opened = await store.open(stored.storedName);
    expect(opened.size).toBe(size);
    const back = await buffer(opened.stream);
    expect(sha256(back)).toBe(stored.sha256);
    expect(staged()).toEqual([]);
  });

  it('keeps evidence files at DATA_DIR/files/<name> on disk, and nowhere on disk with S3', async () => {
    const stored = await store.receive(Readable.from([PDF_BYTES]), () => false);
    expect(existsSync(join(config.DATA_DIR, 'files', stored.storedName))).toBe(driver === 'filesystem');
  });

  it('removes a file, and removing it again is no error', async () => {
    const stored = await store.receive(Readable.from([PDF_BYTES]), () => false);
    await store.remove(stored.storedName);
    await store.remove(stored.storedName);
    await expect(store.open(stored.storedName)).rejects.toBeInstanceOf(StoredObjectNotFoundError);
  });

  it('answers a name it never stored as not found', async () => {
    await expect(store.open('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
  });

  it.each([
    ['unknown content', Buffer.from('just some text, not a document'), /must be a PDF, DOCX or ODT/],
    ['an empty file', Buffer.alloc(0), /is empty/],
    ['more than 20 MiB', pdfOfSize(MAX_FILE_BYTES + 1), /at most 20 MiB/],
  ])('refuses %s and leaves nothing behind', async (_label, bytes, problem) => {
    await expect(store.receive(Readable.from(bytes.length ? [bytes] : []), () => false)).rejects.toMatchObject({ details: [{ field: 'file', problem: expect.stringMatching(problem) }] });
    expect(staged()).toEqual([]);
  });

  it('refuses names that could leave the storage root', async () => {
    await expect(store.open('../../etc/passwd')).rejects.toThrow('invalid stored file name');
    await expect(storage.open('files/../../x')).rejects.toThrow('invalid storage key');
  });
});
