// The jury stage: ballots, scores, conflicts, results, agreement, export.
import { Module } from '@nestjs/common';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

@Module({ providers: [JuryService, JuryRepository, ResultsService, ResultsRepository], exports: [JuryService, ResultsService] })
export class JuryModule {}
