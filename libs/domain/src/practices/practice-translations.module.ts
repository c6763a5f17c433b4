// Content translations: the services the reads (reports, ballot, catalogue) merge versions through,
// for practices (title, description) and reports (summary).
import { Module } from '@nestjs/common';
import { ReportTranslationsRepository } from '../reports/report-translations.repository';
import { ReportTranslationsService } from '../reports/report-translations.service';
import { PracticeTranslationsRepository } from './practice-translations.repository';
import { PracticeTranslationsService } from './practice-translations.service';

@Module({
  providers: [PracticeTranslationsService, PracticeTranslationsRepository, ReportTranslationsService, ReportTranslationsRepository],
  exports: [PracticeTranslationsService, ReportTranslationsService],
})
export class PracticeTranslationsModule {}
