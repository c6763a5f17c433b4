// Deliberation, awards and their finalisation; the threads per practice and the votes on awards.
import { Module } from '@nestjs/common';
import { AwardsRepository } from './awards.repository';
import { CertificatesModule } from '../certificates/certificates.module';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { DecisionsService } from './decisions.service';
import { DeliberationRepository } from './deliberation.repository';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';
import { TextTranslationsModule } from '../text-translations/text-translations.module';

@Module({
  imports: [CertificatesModule, TextTranslationsModule],
  providers: [DecisionsService, AwardsRepository, DeliberationRepository, CommentsService, CommentsRepository, VotesService, VotesRepository],
  exports: [DecisionsService, CommentsService, VotesService],
})
export class DecisionsModule {}
