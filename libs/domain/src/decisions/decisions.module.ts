// Deliberation, awards and their finalisation.
import { Module } from '@nestjs/common';
import { AwardsRepository } from './awards.repository';
import { CertificatesModule } from '../certificates/certificates.module';
import { DecisionsService } from './decisions.service';
import { DeliberationRepository } from './deliberation.repository';

@Module({ imports: [CertificatesModule], providers: [DecisionsService, AwardsRepository, DeliberationRepository], exports: [DecisionsService] })
export class DecisionsModule {}
