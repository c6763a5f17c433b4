// The edition's translation work list (GET /editions/:id/translation-items).
import { Module } from '@nestjs/common';
import { TranslationItemsRepository } from './translation-items.repository';
import { TranslationItemsService } from './translation-items.service';

@Module({ providers: [TranslationItemsService, TranslationItemsRepository], exports: [TranslationItemsService] })
export class TranslationItemsModule {}
