// The jury stage: ballots, scores, conflicts, results, agreement, export.
import { Module } from '@nestjs/common';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';
import { ResultsRepository } from './results.repository';
import { PanelsRepository } from './panels.repository';
import { PanelsService } from './panels.service';
import { ResultsService } from './results.service';

@Module({ imports: [PracticeTranslationsModule], providers: [JuryService, JuryRepository, ResultsService, ResultsRepository, PanelsService, PanelsRepository], exports: [JuryService, ResultsService, PanelsService] })
export class JuryModule {}
