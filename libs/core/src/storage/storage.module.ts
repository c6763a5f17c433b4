// Provides the configured storage driver: S3 when S3_BUCKET is set, the filesystem otherwise.
import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

export function createFileStorage(config: AppConfig): FileStorage {
  return config.S3_BUCKET ? new S3FileStorage(config) : new LocalFileStorage(config.DATA_DIR);
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, useFactory: createFileStorage, inject: [AppConfig] }],
  exports: [FILE_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3FileStorage) this.storage.close();
  }
}
