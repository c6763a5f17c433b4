// Translations of single texts (category descriptions, award citations, follow-up notes): the
// service the reads merge versions through and the translation routes use.
import { Module } from '@nestjs/common';
import { TextTranslationsRepository } from './text-translations.repository';
import { TextTranslationsService } from './text-translations.service';

@Module({ providers: [TextTranslationsService, TextTranslationsRepository], exports: [TextTranslationsService] })
export class TextTranslationsModule {}
