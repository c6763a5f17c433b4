// The public read side: published editions, awards, the catalogue of good practice.
import { Module } from '@nestjs/common';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

@Module({ imports: [PracticeTranslationsModule], providers: [CatalogueService, CatalogueRepository], exports: [CatalogueService] })
export class CatalogueModule {}
