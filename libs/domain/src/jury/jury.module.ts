// The jury stage: ballots, scores, conflicts, results, agreement, export.
import { Module } from '@nestjs/common';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

@Module({ imports: [PracticeTranslationsModule], providers: [JuryService, JuryRepository, ResultsService, ResultsRepository], exports: [JuryService, ResultsService] })
export class JuryModule {}
