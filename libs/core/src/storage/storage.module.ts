// Provides the configured storage driver: S3 when S3_BUCKET is set, the filesystem otherwise.
import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import type { S3FileStorage } from './s3-file-storage';

export function createFileStorage(config: AppConfig): FileStorage {
  if (!config.S3_BUCKET) return new LocalFileStorage(config.DATA_DIR);
  // The AWS SDK loads only when S3 is configured: on the filesystem driver it kept ~6 MiB in every
  // process's idle heap for nothing.
  const s3 = require('./s3-file-storage') as { S3FileStorage: typeof S3FileStorage };
  return new s3.S3FileStorage(config);
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, useFactory: createFileStorage, inject: [AppConfig] }],
  exports: [FILE_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  onApplicationShutdown(): void {
    this.storage.close?.();
  }
}
