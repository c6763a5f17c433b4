// Content translations of practices: the service the reads (reports, ballot, catalogue) merge versions through.
import { Module } from '@nestjs/common';
import { PracticeTranslationsRepository } from './practice-translations.repository';
import { PracticeTranslationsService } from './practice-translations.service';

@Module({ providers: [PracticeTranslationsService, PracticeTranslationsRepository], exports: [PracticeTranslationsService] })
export class PracticeTranslationsModule {}
