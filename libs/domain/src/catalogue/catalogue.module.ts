// The public read side: published editions, awards, the catalogue of good practice, its open data
// (downloads, Atom feed) and the statistics across years.
import { Module } from '@nestjs/common';
import { PracticeTranslationsModule } from '../practices/practice-translations.module';
import { TextTranslationsModule } from '../text-translations/text-translations.module';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';
import { StatisticsRepository } from './statistics.repository';

@Module({
  imports: [PracticeTranslationsModule, TextTranslationsModule],
  providers: [CatalogueService, CatalogueRepository, OpenDataService, OpenDataRepository, StatisticsRepository],
  exports: [CatalogueService, OpenDataService],
})
export class CatalogueModule {}
