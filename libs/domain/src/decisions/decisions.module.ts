// Deliberation, awards and their finalisation.
import { Module } from '@nestjs/common';
import { AwardsRepository } from './awards.repository';
import { DecisionsService } from './decisions.service';
import { DeliberationRepository } from './deliberation.repository';

@Module({ providers: [DecisionsService, AwardsRepository, DeliberationRepository], exports: [DecisionsService] })
export class DecisionsModule {}
