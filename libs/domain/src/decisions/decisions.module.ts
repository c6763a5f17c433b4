// Deliberation, awards and their finalisation.
import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { DecisionsService } from './decisions.service';

@Module({ imports: [CertificatesModule], providers: [DecisionsService], exports: [DecisionsService] })
export class DecisionsModule {}
