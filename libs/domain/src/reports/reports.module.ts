// The expert stage: reports with their follow-ups, practices with eligibility, evidence files,
// and the coordinator's corrections of them (reopening a report, revising eligibility).
import { Module } from '@nestjs/common';
import { StorageModule } from '@app/core';
import { ReportCorrectionsRepository } from '../corrections/report-corrections.repository';
import { ReportCorrectionsService } from '../corrections/report-corrections.service';
import { FilesRepository } from '../files/files.repository';
import { FilesService } from '../files/files.service';
import { PracticesRepository } from '../practices/practices.repository';
import { PracticesService } from '../practices/practices.service';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { FileStore } from './file-store';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [StorageModule, PracticeTranslationsModule],
  providers: [ReportCorrectionsService, ReportCorrectionsRepository, ReportsService, ReportsRepository, PracticesService, PracticesRepository, FilesService, FilesRepository, FileStore],
  exports: [ReportCorrectionsService, ReportsService, PracticesService, FilesService],
})
export class ReportsModule {}
