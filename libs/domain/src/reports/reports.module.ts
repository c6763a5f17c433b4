// The expert stage: reports, practices, files, follow-ups, eligibility, city status.
import { Module } from '@nestjs/common';
import { FileStore } from './file-store';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, FileStore], exports: [ReportsService] })
export class ReportsModule {}
