// The edition's translation work list (GET /editions/:id/translation-items).
import { Module } from '@nestjs/common';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { TranslationItemsRepository } from './translation-items.repository';
import { TranslationItemsService } from './translation-items.service';

@Module({ imports: [PracticeTranslationsModule], providers: [TranslationItemsService, TranslationItemsRepository], exports: [TranslationItemsService] })
export class TranslationItemsModule {}
