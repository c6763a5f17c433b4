// The S3 driver: objects in one bucket of any S3-compatible store (AWS S3, MinIO; path-style for
// MinIO). Uploads stream from the staged file (multipart past one part); downloads stream through.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AppConfig } from '../config/app-config';
import { assertStorageKey, FileStorage, StoredObjectInfo, StoredObjectNotFoundError } from './file-storage';

import { S3_PART_BYTES } from './s3-limits';

export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: AppConfig) {
    if (!config.S3_BUCKET) throw new Error('S3FileStorage needs S3_BUCKET');
    this.bucket = config.S3_BUCKET;
    this.client = new S3Client({
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      // Without a key pair, the SDK's default chain (environment, instance role) applies.
      credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
      // Only the checksums we ask for: the SDK's default CRC32 trailers are refused by some S3-compatible servers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async putFile(key: string, localPath: string, info: StoredObjectInfo): Promise<void> {
    assertStorageKey(key);
    try {
      // One part: the server checks the whole object against the app's SHA-256. Several parts: the
      // SDK sends each part's SHA-256 and the server checks every part (S3 has no whole-object
      // SHA-256 for multipart uploads); the app's hash also rides along as metadata.
      const checksum = info.size <= S3_PART_BYTES ? { ChecksumSHA256: Buffer.from(info.sha256, 'hex').toString('base64') } : { ChecksumAlgorithm: 'SHA256' as const };
      const upload = new Upload({
        client: this.client,
        partSize: S3_PART_BYTES,
        queueSize: 2,
        leavePartsOnError: false,
        params: {
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(localPath),
          ContentType: info.contentType,
          ContentLength: info.size,
          Metadata: { sha256: info.sha256 },
          ...checksum,
        },
      });
      await upload.done();
    } finally {
      await rm(localPath, { force: true });
    }
  }

  async open(key: string): Promise<{ stream: Readable; size: number }> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }));
      if (!(response.Body instanceof Readable)) throw new Error(`object ${key} came back without a body stream`);
      return { stream: response.Body, size: response.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) throw new StoredObjectNotFoundError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success, as the port asks.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }));
  }

  /** Closes the client's sockets (shutdown, tests). */
  close(): void {
    this.client.destroy();
  }
}
