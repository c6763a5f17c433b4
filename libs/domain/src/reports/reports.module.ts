// The expert stage: reports, practices, files, follow-ups, eligibility, city status.
import { Module } from '@nestjs/common';
import { StorageModule } from '@app/core';
import { FileStore } from './file-store';
import { ReportsService } from './reports.service';

@Module({ imports: [StorageModule], providers: [ReportsService, FileStore], exports: [ReportsService] })
export class ReportsModule {}
