// The jury stage: ballots, scores, conflicts, results, agreement, export.
import { Module } from '@nestjs/common';
import { JuryService } from './jury.service';
import { ResultsService } from './results.service';

@Module({ providers: [JuryService, ResultsService], exports: [JuryService, ResultsService] })
export class JuryModule {}
